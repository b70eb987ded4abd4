// The fake JP1/AO, checked with raw HTTP requests written from docs/api/jp1ao.md.
import { strict as assert } from 'node:assert';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator';
import { basic, rawRequest, type RawRequest, type RawResponse } from '../support/rawHttp';
import { sleep } from '../support/wait';
import { itemsAfterLiveStart } from '../support/liveItems';

const STATUSES = ['waiting', 'holding', 'inProgress', 'waitingResponse', 'abnormalDetection', 'terminating', 'completed', 'failed', 'canceled'];
const OPERATIONS: Record<string, string[]> = {
  stop: ['inProgress', 'waitingResponse', 'abnormalDetection'],
  forceStop: ['inProgress', 'waitingResponse', 'abnormalDetection'],
  rerunStart: ['failed'],
  rerunStepStart: ['failed'],
  archive: ['completed', 'failed', 'canceled'],
  response: ['waitingResponse'],
};
const TASKS = '/Automation/v1/objects/Tasks';

function assertAoError(response: RawResponse, status: number, messagePattern?: RegExp): any {
  assert.equal(response.status, status, response.text);
  const body = response.json();
  assert.match(body.messageID, /^KNAE\d{5}-E$/);
  assert.equal(body.application, 'Automation');
  assert.equal(typeof body.message, 'string');
  assert.equal(typeof body.errorSource, 'string');
  assert.ok('messageData' in body);
  if (messagePattern) assert.match(body.message, messagePattern);
  return body;
}

describe('JP1/AO simulator', () => {
  let sim: Jp1aoSimulator;
  const json = { Accept: 'application/json' };

  const call = (path: string, request: RawRequest = {}) =>
    rawRequest(sim.url + path, { ...request, headers: { ...json, Authorization: basic(sim.username, sim.password), ...request.headers } });
  const asViewer = (path: string, request: RawRequest = {}) =>
    rawRequest(sim.url + path, { ...request, headers: { ...json, Authorization: basic(sim.viewer.username, sim.viewer.password), ...request.headers } });
  const getAll = async (query = ''): Promise<{ data: any[]; count: number }> => {
    const response = await call(`${TASKS}${query}`);
    assert.equal(response.status, 200, response.text);
    return response.json();
  };

  /** Tasks that support every operation, handed out one per use. */
  let spare: number[] = [];
  const freshTask = (status: string): number => {
    const id = spare.shift();
    assert.ok(id, 'enough spare tasks');
    sim.setTaskStatus(id, status);
    return id;
  };
  /** The waiting step's ResponseInput answered with `button`, as the manual's members (a stand-in when nothing waits). */
  const answerBody = async (id: number, button = 1) => {
    const template = await call(`${TASKS}/${id}/actions/response`);
    if (template.status !== 200) return { name: 'response', parameters: [{ instanceId: 0, [`labelbutton${button}`]: '', taskId: id }] };
    const { parameters, ...rest } = template.json();
    const { instanceId, taskId } = parameters[0];
    return { ...rest, parameters: [{ instanceId, [`labelbutton${button}`]: parameters[0][`labelbutton${button}`], taskId }] };
  };
  const invoke = async (id: number, action: string, body?: unknown) =>
    call(`${TASKS}/${id}/actions/${action}/invoke`, {
      method: 'POST',
      body: (body ?? (action === 'response' ? await answerBody(id) : { name: action, parameters: [] })) as object,
    });

  before(async () => {
    sim = await startJp1aoSimulator({ size: 400, seed: 11, newItemEveryMs: 0 });
    spare = sim.tasks().filter((t) => t.supportedActionType === 'forciblyStop,retry' && t.serviceState !== 'debug' && !t.scheduleID).map((t) => t.instanceID);
  });
  after(() => sim.close());
  afterEach(() => {
    sim.faults.unavailable = false;
    sim.faults.failNext = undefined;
    sim.faults.body = undefined;
  });

  describe('conventions and authentication', () => {
    it('GET /Automation/v1/configuration/version names the product', async () => {
      const response = await rawRequest(`${sim.url}/Automation/v1/configuration/version`, { headers: json });
      assert.equal(response.status, 200);
      const body = response.json();
      assert.equal(body.productName, 'JP1/Automatic Operation');
      assert.equal(typeof body.productVersion, 'string');
      assert.equal(typeof body.apiVersion, 'string');
    });

    it('requires Accept: application/json (400 with a JSON error body otherwise)', async () => {
      const auth = { Authorization: basic(sim.username, sim.password) };
      assertAoError(await rawRequest(`${sim.url}${TASKS}`, { headers: auth }), 400, /Accept/);
      assertAoError(await rawRequest(`${sim.url}${TASKS}`, { headers: { ...auth, Accept: '*/*' } }), 400, /Accept/);
      assert.equal((await rawRequest(`${sim.url}${TASKS}?HQL::limit=1`, { headers: { ...auth, Accept: 'application/json;charset=UTF-8' } })).status, 200);
    });

    it('Basic works and every authenticated answer carries WWW-Authenticate: HSSO <token>, which works in turn', async () => {
      const first = await call(`${TASKS}/1001`);
      assert.equal(first.status, 200);
      const header = String(first.headers['www-authenticate']);
      assert.match(header, /^HSSO \S+$/);
      const token = header.slice(5);
      const second = await rawRequest(`${sim.url}${TASKS}/1001`, { headers: { ...json, Authorization: `HSSO ${token}` } });
      assert.equal(second.status, 200);
      assert.equal(second.headers['www-authenticate'], `HSSO ${token}`);
      const error = await call(`${TASKS}/999999`);
      assert.equal(error.status, 404);
      assert.match(String(error.headers['www-authenticate']), /^HSSO /);
    });

    it('answers 401 for a wrong password, no credentials and an unknown token', async () => {
      const attempts: Record<string, string>[] = [{ Authorization: basic('system', 'wrong') }, {}, { Authorization: 'HSSO bogus' }, { Authorization: 'Bearer x' }];
      for (const headers of attempts) {
        const response = await rawRequest(`${sim.url}${TASKS}`, { headers: { ...json, ...headers } });
        assertAoError(response, 401);
        assert.equal(response.headers['www-authenticate'], undefined);
      }
    });

    it('tokens expire after tokenLifetimeSeconds (401), and Basic signs in again', async () => {
      const short = await startJp1aoSimulator({ size: 5, tokenLifetimeSeconds: 1, newItemEveryMs: 0 });
      try {
        const first = await rawRequest(`${short.url}/Automation/v1/user`, { headers: { ...json, Authorization: basic(short.username, short.password) } });
        const token = String(first.headers['www-authenticate']);
        assert.equal((await rawRequest(`${short.url}/Automation/v1/user`, { headers: { ...json, Authorization: token } })).status, 200);
        await sleep(1100);
        assertAoError(await rawRequest(`${short.url}/Automation/v1/user`, { headers: { ...json, Authorization: token } }), 401);
        assert.equal((await rawRequest(`${short.url}/Automation/v1/user`, { headers: { ...json, Authorization: basic(short.username, short.password) } })).status, 200);
      } finally {
        await short.close();
      }
    });

    it('expireSessions() invalidates every token', async () => {
      const token = String((await call('/Automation/v1/user')).headers['www-authenticate']);
      sim.expireSessions();
      assertAoError(await rawRequest(`${sim.url}/Automation/v1/user`, { headers: { ...json, Authorization: token } }), 401);
    });

    it('honours Accept-Language en/ja/zh in message text', async () => {
      const texts = await Promise.all(
        ['en', 'ja-JP,ja;q=0.9', 'zh-CN', 'fr'].map(async (lang) => (await call(`${TASKS}/999999`, { headers: { 'Accept-Language': lang } })).json()),
      );
      assert.match(texts[0].message, /does not exist/);
      assert.match(texts[1].message, /存在しない/);
      assert.match(texts[2].message, /不存在/);
      assert.equal(texts[3].message, texts[0].message);
      assert.ok(texts.every((t) => t.messageID === texts[0].messageID));
      assert.match(texts[0].errorSource, /\/Automation\/v1\/objects\/Tasks\/999999$/);
    });

    it('GET /Automation/v1/user describes the user', async () => {
      const body = (await call('/Automation/v1/user')).json();
      assert.equal(body.userID, 'system');
      assert.ok(body.permissions.includes('Admin'));
      assert.ok(Array.isArray(body.resourceGroups));
    });

    it('unknown paths answer 404, wrong methods 405', async () => {
      assertAoError(await call('/Automation/v1/objects/Nothing'), 404);
      assertAoError(await call(TASKS, { method: 'POST', body: {} }), 405);
    });
  });

  describe('task list', () => {
    it('answers {data, count} with every status, scheduled tasks, tags and +0900 dates', async () => {
      const { data, count } = await getAll();
      assert.equal(count, 400);
      assert.equal(data.length, 400);
      for (const status of STATUSES) assert.ok(data.some((t) => t.status === status), `status ${status}`);
      for (const task of data) {
        assert.equal(typeof task.instanceID, 'number');
        assert.match(task.submitTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0900$/);
        assert.match(task.modifyTime, /\+0900$/);
        if (task.status === 'waiting' || task.status === 'holding') {
          assert.equal(typeof task.scheduleID, 'number');
          assert.match(task.scheduleType, /^(schedule|recurrence)$/);
          assert.match(task.scheduledStartTime, /\+0900$/);
        }
        assert.equal(typeof task.supportedActionType, 'string');
        assert.equal(typeof task.tags, 'string');
        assert.equal(typeof task.serviceName, 'string');
      }
      assert.ok(data.some((t) => t.scheduleType === 'immediate'));
      assert.ok(data.some((t) => typeof t.notes === 'string' && t.notes.length > 0));
      assert.ok(data.some((t) => t.toDo === true));
      assert.ok(data.filter((t) => t.status === 'completed').every((t) => t.completionTime));
    });

    it('pages with HQL::offset and HQL::limit; count stays the total', async () => {
      const whole = await getAll('?HQL::sortBy=instanceID%20ASC');
      const pages: any[] = [];
      for (let offset = 0; offset < whole.count; offset += 150) {
        const page = await getAll(`?HQL::sortBy=instanceID%20ASC&HQL::offset=${offset}&HQL::limit=150`);
        assert.equal(page.count, whole.count);
        assert.ok(page.data.length <= 150);
        pages.push(...page.data);
      }
      assert.deepEqual(pages.map((t) => t.instanceID), whole.data.map((t) => t.instanceID));
      assert.deepEqual((await getAll('?HQL::offset=1000')).data, []);
    });

    it('sorts with HQL::sortBy (submitTime DESC, several keys)', async () => {
      const { data } = await getAll(`?HQL::sortBy=${encodeURIComponent('submitTime DESC')}`);
      const times = data.map((t) => Date.parse(t.submitTime.replace(/(\d\d)(\d\d)$/, '$1:$2')));
      assert.ok(times.every((time, i) => i === 0 || times[i - 1] >= time));
      assert.ok(times[0] > times[times.length - 1]);
      const byName = (await getAll(`?HQL::sortBy=${encodeURIComponent('serviceName ASC, instanceID DESC')}`)).data;
      for (let i = 1; i < byName.length; i++) {
        const [a, b] = [byName[i - 1], byName[i]];
        assert.ok(a.serviceName < b.serviceName || (a.serviceName === b.serviceName && a.instanceID > b.instanceID));
      }
    });

    it('filters with HQL::filter: in, eq, ne, starts, and/or, parentheses', async () => {
      const all = (await getAll()).data;
      const expect = async (filter: string, predicate: (t: any) => boolean) => {
        const got = await getAll(`?HQL::filter=${encodeURIComponent(filter)}`);
        const wanted = all.filter(predicate).map((t) => t.instanceID);
        assert.ok(wanted.length > 0, `the data has tasks for ${filter}`);
        assert.deepEqual(got.data.map((t) => t.instanceID), wanted, filter);
        assert.equal(got.count, wanted.length);
      };
      await expect("status in ['inProgress','failed']", (t) => t.status === 'inProgress' || t.status === 'failed');
      await expect("status eq 'completed' and serviceID eq 13", (t) => t.status === 'completed' && t.serviceID === 13);
      await expect("status not in ['completed','failed','canceled']", (t) => !['completed', 'failed', 'canceled'].includes(t.status));
      await expect("status eq 'waiting' or (status eq 'failed' and toDo eq true)", (t) => t.status === 'waiting' || (t.status === 'failed' && t.toDo === true));
      await expect("name starts 'Nightly' and status ne 'completed'", (t) => t.name.startsWith('Nightly') && t.status !== 'completed');
    });

    it('searches q case-insensitively over name, submitter, description, serviceName, tags and notes', async () => {
      const all = (await getAll()).data;
      const text = (t: any) => [t.name, t.submitter, t.description, t.serviceName, t.tags, t.notes ?? ''].join(' ').toLowerCase();
      for (const q of ['BACKUP', 'tanaka', 'change approval', 'vlan']) {
        const got = await getAll(`?q=${encodeURIComponent(q)}`);
        const wanted = all.filter((t) => q.toLowerCase().split(' ').every((w) => text(t).includes(w)));
        assert.ok(wanted.length > 0, q);
        assert.deepEqual(got.data.map((t) => t.instanceID), wanted.map((t) => t.instanceID), q);
      }
      assert.equal((await getAll('?q=zzzz-nothing')).count, 0);
    });

    it('filters by serviceID, scheduleID and tags (all tags must match)', async () => {
      const all = (await getAll()).data;
      assert.deepEqual((await getAll('?serviceID=15')).data.map((t) => t.instanceID), all.filter((t) => t.serviceID === 15).map((t) => t.instanceID));
      const scheduled = all.find((t) => t.scheduleID);
      assert.deepEqual((await getAll(`?scheduleID=${scheduled.scheduleID}`)).data.map((t) => t.instanceID), all.filter((t) => t.scheduleID === scheduled.scheduleID).map((t) => t.instanceID));
      const both = (await getAll('?tags=linux,vm')).data;
      assert.ok(both.length > 0);
      assert.ok(both.every((t) => t.tags.split(',').includes('linux') && t.tags.split(',').includes('vm')));
      assert.ok((await getAll('?tags=linux')).count > both.length);
    });

    it('new in-progress tasks appear over time (newItemEveryMs)', async () => {
      const tasks = await itemsAfterLiveStart(startJp1aoSimulator, (live) => live.tasks());
      assert.ok(tasks.length >= 5, `${tasks.length} tasks`);
      assert.equal(tasks[tasks.length - 1].status, 'inProgress');
    });

    it('HQL::fields projects the members', async () => {
      const { data } = await getAll('?HQL::fields=status,name&HQL::limit=3');
      assert.deepEqual(Object.keys(data[0]).sort(), ['instanceID', 'name', 'status']);
    });

    it('answers 400 for a bad query', async () => {
      for (const query of [
        `HQL::filter=${encodeURIComponent("bogus eq 'x'")}`,
        `HQL::filter=${encodeURIComponent('status eq completed')}`,
        `HQL::filter=${encodeURIComponent("status eq 'x' and")}`,
        `HQL::filter=${encodeURIComponent("status like 'x'")}`,
        `HQL::sortBy=${encodeURIComponent('submitTime SIDEWAYS')}`,
        'HQL::sortBy=nothing',
        'HQL::limit=0',
        'HQL::limit=ten',
        'HQL::offset=-1',
        'HQL::page=2',
        'serviceID=abc',
      ]) {
        assertAoError(await call(`${TASKS}?${query}`), 400);
      }
    });
  });

  describe('one task: get, edit, delete', () => {
    it('GET …/Tasks/{id} answers the task; 404 when missing', async () => {
      const response = await call(`${TASKS}/1001`);
      assert.equal(response.status, 200);
      assert.equal(response.json().instanceID, 1001);
      assertAoError(await call(`${TASKS}/77777`), 404);
      assertAoError(await call(`${TASKS}/abc`), 404);
    });

    it('PUT edits notes and toDo, bumps modifyTime and answers the updated task', async () => {
      const id = 1003;
      const before = sim.task(id);
      await sleep(5);
      const response = await call(`${TASKS}/${id}`, { method: 'PUT', body: { notes: 'Checked by the tests', toDo: true } });
      assert.equal(response.status, 200, response.text);
      const task = response.json();
      assert.equal(task.notes, 'Checked by the tests');
      assert.equal(task.toDo, true);
      assert.equal(task.instanceID, id);
      assert.notEqual(task.modifyTime, before.modifyTime);
      assert.ok(task.modifyTime > before.modifyTime);
      assert.equal(sim.task(id).notes, 'Checked by the tests');
      const whole = await call(`${TASKS}/${id}`, { method: 'PUT', body: { ...task, notes: 'x'.repeat(1024), toDo: false, status: 'failed' } });
      assert.equal(whole.status, 200);
      assert.equal(whole.json().status, task.status, 'other members are ignored');
    });

    it('PUT rejects notes over 1,024 characters with 400 naming the limit', async () => {
      const body = assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: { notes: 'y'.repeat(1025), toDo: false } }), 400, /1024/);
      assert.match(body.messageData, /1024/);
      assert.notEqual(sim.task(1003).notes, 'y'.repeat(1025));
    });

    it('PUT answers 400 for a missing member, a non-object or a non-JSON Content-Type; 404 for a missing task', async () => {
      assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: { notes: 'x' } }), 400, /toDo/);
      assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: { toDo: true } }), 400, /notes/);
      assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: [1] }), 400);
      assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: '{"notes":"a","toDo":true}', headers: { 'Content-Type': 'text/plain' } }), 400, /Content-Type/);
      assertAoError(await call(`${TASKS}/1003`, { method: 'PUT', body: '{"notes":', headers: { 'Content-Type': 'application/json' } }), 400);
      assertAoError(await call(`${TASKS}/55555`, { method: 'PUT', body: { notes: 'a', toDo: true } }), 404);
    });

    it('PUT answers 403 for a user without edit permission', async () => {
      assertAoError(await asViewer(`${TASKS}/1003`, { method: 'PUT', body: { notes: 'viewer', toDo: true } }), 403);
      assert.notEqual(sim.task(1003).notes, 'viewer');
      assert.equal((await asViewer(`${TASKS}/1003`)).status, 200);
    });

    it('DELETE answers 303 to the archive action for a normal task and 204 for a finished debug task', async () => {
      const normal = await call(`${TASKS}/1001`, { method: 'DELETE' });
      assert.equal(normal.status, 303);
      assert.equal(normal.headers.location, `${sim.url}${TASKS}/1001/actions/archive`);
      assert.ok(sim.task(1001));
      const debug = sim.tasks().find((t) => t.serviceState === 'debug');
      assert.ok(debug, 'a debug task is seeded');
      sim.setTaskStatus(debug.instanceID, 'inProgress');
      assertAoError(await call(`${TASKS}/${debug.instanceID}`, { method: 'DELETE' }), 409);
      sim.setTaskStatus(debug.instanceID, 'completed');
      assertAoError(await asViewer(`${TASKS}/${debug.instanceID}`, { method: 'DELETE' }), 403);
      const deleted = await call(`${TASKS}/${debug.instanceID}`, { method: 'DELETE' });
      assert.equal(deleted.status, 204);
      assert.equal(deleted.text, '');
      assertAoError(await call(`${TASKS}/${debug.instanceID}`), 404);
    });
  });

  describe('operations', () => {
    it('lists the actions and answers each template {name, href, method, parameters}', async () => {
      const list = (await call(`${TASKS}/1001/actions`)).json();
      assert.equal(list.count, list.data.length);
      assert.deepEqual(list.data.map((a: any) => a.name).sort(), [...Object.keys(OPERATIONS), 'resubmit'].sort());
      // The response template exists only while a step waits (409 otherwise, tested below).
      const done = sim.tasks().find((task) => task.status === 'completed').instanceID;
      for (const name of [...Object.keys(OPERATIONS), 'resubmit'].filter((action) => action !== 'response')) {
        const template = (await call(`${TASKS}/${done}/actions/${name}`)).json();
        assert.equal(template.name, name);
        assert.equal(template.method, 'POST');
        assert.equal(template.href, `${sim.url}${TASKS}/${done}/actions/${name}/invoke`);
        assert.ok(Array.isArray(template.parameters));
      }
      assertAoError(await call(`${TASKS}/1001/actions/explode`), 404);
    });

    for (const [action, allowed] of Object.entries(OPERATIONS)) {
      it(`${action} is allowed from ${allowed.join('/')} and answers 409 from every other status`, async () => {
        for (const status of STATUSES) {
          const id = freshTask(status);
          const response = await invoke(id, action);
          if (allowed.includes(status)) {
            assert.equal(response.status, 200, `${action} from ${status}: ${response.text}`);
            const result = response.json();
            for (const key of ['instanceID', 'created', 'updated', 'completed', 'state', 'affectedResources']) assert.ok(key in result, key);
            assert.ok(['queued', 'running', 'failed', 'success', 'stopping', 'stopped'].includes(result.state));
            assert.deepEqual(result.affectedResources, [`${sim.url}${TASKS}/${id}`]);
          } else {
            assertAoError(response, 409, new RegExp(status));
            assert.equal(sim.task(id).status, status, 'a refused operation changes nothing');
          }
        }
      });
    }

    it('stop makes the task terminating, then canceled (failed after an error)', async () => {
      const id = freshTask('inProgress');
      const errored = freshTask('abnormalDetection');
      assert.equal((await invoke(id, 'stop')).status, 200);
      assert.equal((await invoke(errored, 'stop')).status, 200);
      const first = (await call(`${TASKS}/${id}`)).json();
      assert.equal(first.status, 'terminating');
      await sleep(2100);
      const later = (await call(`${TASKS}/${id}`)).json();
      assert.equal(later.status, 'canceled');
      assert.ok(later.completionTime);
      assert.ok(later.modifyTime > first.modifyTime);
      assert.equal(sim.task(errored).status, 'failed');
    });

    it('forceStop ends the task at once; rerun starts it again; response continues it', async () => {
      const stopped = freshTask('inProgress');
      await invoke(stopped, 'forceStop');
      assert.equal(sim.task(stopped).status, 'canceled');
      const failed = freshTask('failed');
      await invoke(failed, 'rerunStart');
      assert.equal(sim.task(failed).status, 'inProgress');
      assert.equal(sim.task(failed).completionTime, undefined);
      const waiting = freshTask('waitingResponse');
      sim.addResponseWait(waiting, 1); // "Continue" (1) or "Abort" (2)
      await invoke(waiting, 'response'); // the first step
      assert.equal(sim.task(waiting).status, 'waitingResponse', 'the second step still waits');
      await invoke(waiting, 'response', await answerBody(waiting, 1));
      assert.equal(sim.task(waiting).status, 'inProgress');
      const aborted = freshTask('inProgress');
      sim.addResponseWait(aborted, 1);
      await invoke(aborted, 'response', await answerBody(aborted, 2));
      assert.equal(sim.task(aborted).status, 'failed');
    });

    it('response needs exactly the ResponseInput of the oldest step; a body naming another action answers 400', async () => {
      const id = freshTask('inProgress');
      const input = sim.addResponseWait(id, 1);
      assert.equal(input.labelbutton1, 'Continue');
      const answer = (members: object) => invoke(id, 'response', { name: 'response', parameters: [members] });
      assertAoError(await invoke(id, 'response', { name: 'response', parameters: [] }), 400, /ResponseInput/);
      assertAoError(await answer({ instanceId: input.instanceId, labelbutton3: 'x', taskId: id }), 400, /button 3/);
      assertAoError(await answer({ instanceId: input.instanceId, labelbutton1: 'Continue', labelbutton2: 'Abort', taskId: id }), 400, /exactly one/);
      assertAoError(await answer({ instanceId: Number(input.instanceId) + 7, labelbutton1: 'Continue', taskId: id }), 400, /instanceId/);
      assertAoError(await answer({ instanceId: input.instanceId, labelbutton1: 'Continue', taskId: id, message: 'x' }), 400, /no member message/);
      assertAoError(await invoke(id, 'stop', { name: 'forceStop' }), 400);
      assert.equal(sim.task(id).status, 'waitingResponse');
      assert.equal((await call(`${TASKS}/${id}/actions/stop/invoke`, { method: 'POST' })).status, 200, 'no body is fine');
    });

    it('archive moves the task to TaskHistories', async () => {
      const id = freshTask('completed');
      assert.equal((await invoke(id, 'archive')).status, 200);
      assertAoError(await call(`${TASKS}/${id}`), 404);
      assert.ok(!(await getAll()).data.some((t) => t.instanceID === id));
      const histories = (await call('/Automation/v1/objects/TaskHistories')).json();
      assert.equal(histories.count, histories.data.length);
      assert.ok(histories.data.some((t: any) => t.instanceID === id && t.status === 'completed'));
      assert.equal((await call(`/Automation/v1/objects/TaskHistories/${id}`)).json().instanceID, id);
    });

    it('answers 409 when the service does not support the operation', async () => {
      const noRetry = sim.tasks().find((t) => !t.supportedActionType.includes('retry') && t.serviceState !== 'debug');
      assert.ok(noRetry, 'a task without retry support');
      sim.setTaskStatus(noRetry.instanceID, 'failed');
      assertAoError(await invoke(noRetry.instanceID, 'rerunStart'), 409);
      assert.equal(sim.task(noRetry.instanceID).status, 'failed');
    });

    it('answers 404 for a missing task or an unknown action, and for a user without permission', async () => {
      assertAoError(await invoke(88888, 'stop'), 404);
      const id = freshTask('inProgress');
      assertAoError(await call(`${TASKS}/${id}/actions/explode/invoke`, { method: 'POST', body: {} }), 404);
      assertAoError(await asViewer(`${TASKS}/${id}/actions/stop/invoke`, { method: 'POST', body: { name: 'stop' } }), 404);
      assert.equal(sim.task(id).status, 'inProgress');
    });
  });

  describe('schedules', () => {
    const scheduleCall = (id: number, action: string) => call(`/Automation/v1/objects/Schedules/${id}/actions/${action}/invoke`, { method: 'POST', body: { name: action } });
    const scheduled = (status: string) => {
      const task = sim.tasks().find((t) => t.status === status && t.scheduleID && sim.tasks().filter((u) => u.scheduleID === t.scheduleID && ['waiting', 'holding'].includes(u.status)).length === 1);
      assert.ok(task, `a ${status} scheduled task`);
      return task;
    };

    it('cancel makes the waiting task canceled, answers 200 again once canceled', async () => {
      const task = scheduled('waiting');
      const response = await scheduleCall(task.scheduleID, 'cancel');
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(response.json().affectedResources, [`${sim.url}${TASKS}/${task.instanceID}`]);
      assert.equal(sim.task(task.instanceID).status, 'canceled');
      assert.equal((await scheduleCall(task.scheduleID, 'cancel')).status, 200);
    });

    it('cancel works on a holding task', async () => {
      const task = scheduled('holding');
      assert.equal((await scheduleCall(task.scheduleID, 'cancel')).status, 200);
      assert.equal(sim.task(task.instanceID).status, 'canceled');
    });

    it('suspend holds a waiting task and resume releases it; each answers 409 from the wrong status', async () => {
      const task = scheduled('waiting');
      assertAoError(await scheduleCall(task.scheduleID, 'resume'), 409);
      assert.equal((await scheduleCall(task.scheduleID, 'suspend')).status, 200);
      assert.equal(sim.task(task.instanceID).status, 'holding');
      assertAoError(await scheduleCall(task.scheduleID, 'suspend'), 409);
      assert.equal((await scheduleCall(task.scheduleID, 'resume')).status, 200);
      assert.equal(sim.task(task.instanceID).status, 'waiting');
    });

    it('cancel answers 409 when the schedule has no waiting or holding task, 404 for an unknown schedule', async () => {
      const task = scheduled('waiting');
      sim.setTaskStatus(task.instanceID, 'inProgress');
      assertAoError(await scheduleCall(task.scheduleID, 'cancel'), 409);
      assert.equal(sim.task(task.instanceID).status, 'inProgress');
      assertAoError(await scheduleCall(99999, 'cancel'), 404);
      assertAoError(await asViewer(`/Automation/v1/objects/Schedules/${scheduled('waiting').scheduleID}/actions/cancel/invoke`, { method: 'POST' }), 404);
    });
  });

  describe('details', () => {
    it('PropertyValues?taskID= answers {data, count}; 400 without taskID; 404 for an unknown task', async () => {
      const body = (await call('/Automation/v1/objects/PropertyValues?taskID=1001')).json();
      assert.equal(body.count, body.data.length);
      assert.ok(body.data.every((p: any) => typeof p.keyName === 'string' && 'value' in p));
      assertAoError(await call('/Automation/v1/objects/PropertyValues'), 400, /taskID/);
      assertAoError(await call('/Automation/v1/objects/PropertyValues?taskID=99999'), 404);
    });

    it('TaskLogs pages the log by bytes, forwards and in reverse', async () => {
      const id = (await getAll(`?HQL::filter=${encodeURIComponent("status eq 'completed'")}&HQL::limit=1`)).data[0].instanceID;
      const whole = (await call(`/Automation/v1/objects/TaskLogs?taskID=${id}`)).json();
      assert.equal(whole.count, whole.data.length);
      assert.ok(whole.count >= 4);
      assert.ok(whole.data.every((l: any) => typeof l.line === 'string'));
      const text = whole.data.map((l: any) => l.line).join('\n') + '\n';
      const head = (await call(`/Automation/v1/objects/TaskLogs?taskID=${id}&offset=0&readSize=${Buffer.byteLength(whole.data[0].line) + 1}`)).json();
      assert.deepEqual(head.data, [whole.data[0]]);
      const last = whole.data[whole.count - 1].line;
      const tail = (await call(`/Automation/v1/objects/TaskLogs?taskID=${id}&offset=0&readSize=${Buffer.byteLength(last) + 1}&reverse`)).json();
      assert.deepEqual(tail.data, [{ line: last }]);
      const middle = (await call(`/Automation/v1/objects/TaskLogs?taskID=${id}&offset=10&readSize=20`)).json();
      assert.equal(middle.data.map((l: any) => l.line).join('\n'), Buffer.from(text).subarray(10, 30).toString().replace(/\n$/, ''));
      assertAoError(await call(`/Automation/v1/objects/TaskLogs?taskID=${id}&readSize=0`), 400);
      assertAoError(await call('/Automation/v1/objects/TaskLogs'), 400);
    });
  });

  describe('faults', () => {
    it('unavailable answers 412 with the JP1/AO error body', async () => {
      sim.faults.unavailable = true;
      assertAoError(await call(TASKS), 412, /not available/);
      sim.faults.unavailable = false;
      assert.equal((await call(`${TASKS}?HQL::limit=1`)).status, 200);
    });

    it('failNext answers the vendor error body with the status asked for', async () => {
      sim.faults.failNext = { status: 500, count: 1, path: /Tasks$/ };
      assert.equal((await call(`${TASKS}/1001`)).status, 200);
      assertAoError(await call(TASKS), 500);
      assert.equal((await call(`${TASKS}?HQL::limit=1`)).status, 200);
    });

    it('huge keeps {data, count} valid JSON', async () => {
      sim.faults.body = 'huge';
      const body = (await call(`${TASKS}?HQL::limit=5`)).json();
      assert.equal(body.count, sim.tasks().length);
      assert.ok(body.data.length > 1000);
      assert.equal(typeof body.data[0].instanceID, 'number');
    });
  });

  describe('size (speed is measured by npm run bench, not asserted here)', () => {
    it('size 5000 serves a page of 200 out of 5,000', async () => {
      const big = await startJp1aoSimulator({ size: 5000, newItemEveryMs: 0 });
      try {
        const headers = { ...json, Authorization: basic(big.username, big.password) };
        await rawRequest(`${big.url}${TASKS}/1001`, { headers });
        const body = (await rawRequest(`${big.url}${TASKS}?HQL::sortBy=submitTime%20DESC&HQL::limit=200&q=a`, { headers })).json();
        assert.equal(body.data.length, 200);
      } finally {
        await big.close();
      }
    });
  });
});
