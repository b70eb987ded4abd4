// Respond, Resubmit and Archived Tasks over loopback: the extension's JP1/AO client and adapter
// against the simulator, the bodies checked as they went over the wire.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import type { OperatorLoop } from '../../src/tasks/jp1aoLoop';
import { createdTaskId } from '../../src/tasks/jp1aoLoop';
import { basic, rawRequest } from '../support/rawHttp';
import { until } from '../support/wait';
import { credentialsOf } from '../support/storeFixture';

describe("JP1/AO operator's loop over loopback", function () {
  this.timeout(20_000);
  let sim: Jp1aoSimulator;
  let http: HttpClient;
  let loop: OperatorLoop;
  let spare: number[] = [];
  const fresh = (status: string): number => {
    const id = spare.shift();
    assert.ok(id, 'enough spare tasks');
    sim.setTaskStatus(id, status);
    return id;
  };
  const posted = (path: RegExp) => {
    const request = [...sim.requests].reverse().find((r) => r.method === 'POST' && path.test(r.path));
    assert.ok(request, `a POST to ${path}`);
    return request;
  };

  before(async () => {
    sim = await startJp1aoSimulator({ size: 60, seed: 5, newItemEveryMs: 0 });
    http = new HttpClient({ baseUrl: sim.url });
    const adapter = new Jp1aoAdapter(api, 'ao', new api.Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close());
    assert.ok(adapter.operatorLoop, 'the JP1/AO adapter offers the loop');
    loop = adapter.operatorLoop;
    spare = sim.tasks().filter((t) => t.serviceState !== 'debug' && !t.scheduleID).map((t) => t.instanceID);
  });
  after(async () => {
    await http.close();
    await sim.close();
  });

  describe('Respond', () => {
    it('template → form model → invoke body with the manual\'s member names, byte for byte', async () => {
      const id = fresh('inProgress');
      const input = sim.addResponseWait(id, 0); // Restart now / Skip this server / Abort
      const request = await loop.readResponse(String(id));
      assert.equal(request.task.awaitsResponse, true);
      assert.equal(request.message, 'The maintenance window for web01-web04 opens now. Restart the web tier?');
      assert.deepEqual(request.buttons, [
        { number: 1, label: 'Restart now' },
        { number: 2, label: 'Skip this server' },
        { number: 3, label: 'Abort' },
      ]);
      sim.clearRequests();
      await loop.respond(request, 2);
      const body = posted(/\/actions\/response\/invoke$/);
      assert.equal(body.path, `/Automation/v1/objects/Tasks/${id}/actions/response/invoke`);
      assert.equal(
        JSON.stringify(body.body),
        `{"name":"response","href":"${sim.url}/Automation/v1/objects/Tasks/${id}/actions/response/invoke","method":"POST","parameters":[{"instanceId":${input.instanceId},"labelbutton2":"Skip this server","taskId":${id}}]}`,
      );
      assert.equal(sim.task(id).status, 'inProgress', 'the task moves on');
    });

    it('answers 409 (kind conflict) once the step was answered by someone else, and the template is refused too', async () => {
      const id = fresh('inProgress');
      sim.addResponseWait(id, 1);
      const request = await loop.readResponse(String(id));
      await loop.respond(request, 1); // the other operator
      await assert.rejects(loop.respond(request, 1), (error: any) => error.kind === 'conflict' && error.status === 409);
      await assert.rejects(loop.readResponse(String(id)), (error: any) => error.kind === 'conflict');
    });

    it('two waiting steps are answered one after the other, oldest first', async () => {
      const id = fresh('inProgress');
      const first = sim.addResponseWait(id, 1); // Continue / Abort
      const second = sim.addResponseWait(id, 3); // Approve / Reject
      assert.equal(first.instanceId, second.instanceId, 'the template names the step that waited longest');
      const one = await loop.readResponse(String(id));
      assert.deepEqual(one.buttons.map((b) => b.label), ['Continue', 'Abort']);
      await loop.respond(one, 1);
      assert.equal(sim.task(id).status, 'waitingResponse', 'the second step still waits');
      const two = await loop.readResponse(String(id));
      assert.deepEqual(two.buttons.map((b) => b.label), ['Approve', 'Reject']);
      assert.match(String(two.message), /CHG-1042/);
      assert.notEqual(JSON.stringify(two.template.parameters), JSON.stringify(one.template.parameters));
      await loop.respond(two, 1);
      assert.equal(sim.task(id).status, 'inProgress');
    });

    it('a response template without the button chosen is refused before any request', async () => {
      const id = fresh('inProgress');
      sim.addResponseWait(id, 1);
      const request = await loop.readResponse(String(id));
      sim.clearRequests();
      await assert.rejects(loop.respond(request, 7), (error: any) => error.kind === 'invalidInput');
      assert.equal(sim.requests.length, 0);
    });
  });

  describe('Resubmit', () => {
    it('shows the inputs (password masked, editable ones marked), posts the template with the change, and names the new task', async () => {
      const id = fresh('failed');
      const request = await loop.readResubmit(String(id));
      const byKey = new Map(request.inputs.map((input) => [input.keyName, input]));
      assert.equal(byKey.get('target.adminPassword')?.secret, true);
      assert.notEqual(byKey.get('target.adminPassword')?.value, '', 'posted back as the server gave it');
      assert.equal(byKey.get('target.host')?.editable, false);
      assert.equal(byKey.get('common.retryCount')?.editable, true);
      assert.ok(!byKey.has('result.message'), 'outputs are not inputs');
      await assert.rejects(loop.resubmit(request, { 'target.host': 'elsewhere' }), (error: any) => error.kind === 'invalidInput');
      sim.clearRequests();
      const newId = await loop.resubmit(request, { 'common.retryCount': '5' });
      const body = posted(/\/actions\/resubmit\/invoke$/).body as any;
      const expected = { ...request.template, parameters: request.template.parameters.map((p: any) => (p.keyName === 'common.retryCount' ? { ...p, value: '5' } : p)) };
      assert.equal(JSON.stringify(body), JSON.stringify(expected));
      assert.ok(newId && newId !== String(id));
      assert.equal(sim.task(newId).status, 'inProgress');
      assert.equal(sim.task(newId).serviceName, sim.task(id).serviceName);
      const values = await rawRequest(`${sim.url}/Automation/v1/objects/PropertyValues?taskID=${newId}`, {
        headers: { Accept: 'application/json', Authorization: basic(sim.username, sim.password) },
      });
      assert.equal(values.json().data.find((p: any) => p.keyName === 'common.retryCount').value, '5');
    });

    it('takes the new task id from affectedResources', () => {
      assert.equal(createdTaskId({ affectedResources: ['http://h:22015/Automation/v1/objects/Tasks/4242'] }), '4242');
      assert.equal(createdTaskId({ affectedResources: [] }), undefined);
    });
  });

  describe('Archived Tasks', () => {
    it('pages TaskHistories newest first with the task list\'s query, and filters them', async () => {
      const archived: number[] = [];
      for (let i = 0; i < 5; i++) {
        const id = fresh(i % 2 ? 'failed' : 'completed');
        const result = await rawRequest(`${sim.url}/Automation/v1/objects/Tasks/${id}/actions/archive/invoke`, {
          method: 'POST',
          headers: { Accept: 'application/json', Authorization: basic(sim.username, sim.password) },
        });
        assert.equal(result.status, 200, result.text);
        archived.push(id);
      }
      sim.clearRequests();
      const first = await loop.histories({}, 2);
      assert.equal(first.tasks.length, 2);
      assert.equal(first.total, sim.histories().length);
      const request = sim.requests.find((r) => r.path === '/Automation/v1/objects/TaskHistories');
      assert.ok(request);
      assert.equal(request.query['HQL::limit'], '2');
      assert.equal(request.query['HQL::sortBy'], 'submitTime DESC');
      const all = await loop.histories({}, 50);
      const times = all.tasks.map((task) => Date.parse(String((task.raw as any).submitTime).replace(/(\d\d)(\d\d)$/, '$1:$2')));
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
      assert.deepEqual(all.tasks.slice(0, 2).map((t) => t.id), first.tasks.map((t) => t.id));
      const failedOnly = await loop.histories({ categories: ['failed'] }, 50);
      assert.ok(failedOnly.tasks.length >= 2 && failedOnly.tasks.every((task) => task.category === 'failed'));
      const shown = await loop.readHistory(String(archived[0]));
      assert.equal(shown.id, String(archived[0]));
    });

    it('the simulator takes start and end (completion time) and refuses a time it cannot read', async () => {
      const get = (query: string) =>
        rawRequest(`${sim.url}/Automation/v1/objects/TaskHistories${query}`, { headers: { Accept: 'application/json', Authorization: basic(sim.username, sim.password) } });
      const future = encodeURIComponent('2999-01-01T00:00:00.000+09:00');
      assert.equal((await get(`?start=${future}`)).json().count, 0);
      assert.equal((await get(`?end=${future}`)).json().count, sim.histories().length);
      assert.equal((await get('?start=yesterday')).status, 400);
    });
  });

  describe('the demo', () => {
    it('has one task that starts waiting for a response after the configured delay', async () => {
      const demo = await startJp1aoSimulator({ size: 20, seed: 1, newItemEveryMs: 0, responseWaitAfterMs: 300 });
      try {
        const approval = demo.tasks().find((task) => /^Approve_patch_rollout_/.test(task.name));
        assert.ok(approval, 'the demo has its approval task');
        assert.equal(approval.status, 'inProgress');
        await until('the approval task to wait for a response', () => demo.task(approval.instanceID).status === 'waitingResponse', 5_000);
      } finally {
        await demo.close();
      }
    });
  });
});
