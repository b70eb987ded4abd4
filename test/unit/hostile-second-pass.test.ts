// One test per finding of the second hostile-server review: each failed on the code before its fix.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as api from '../../src/api';
import { ApiError } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao';
import { LxcaClient } from '../../src/api/lxca';
import { connectionProblem, typedUrlProblem, typedUserNameProblem } from '../../src/connections/configProblems';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { LxcaAdapter } from '../../src/tasks/lxca';
import type { Task } from '../../src/tasks/model';
import { Poller } from '../../src/tasks/poller';
import { TaskStore } from '../../src/tasks/store';
import { taskRowText } from '../../src/tree/taskText';
import { treeIds } from '../../src/tree/treeIds';
import { errorText, mayHaveBeenCarriedOut } from '../../src/tasks/errorText';
import { displayText, quotedText } from '../../src/util/displayText';
import { answer, startLoopback, type LoopbackServer } from '../support/loopback';
import { redactSecrets } from '../../src/api/redaction';
import { lxcaDetails } from '../../src/tasks/lxcaDetails';
import { detailsFields } from '../../src/webview/detailsFields';
import { callbackPrefill } from '../../src/webview/callbackForm';
import { NotesForm } from '../../src/webview/notesForm';
import type { ConnectionRegistry } from '../../src/connections/registry';
import { parseJobList } from '../../src/api/lxca/jobs';
import { toLxcaTask } from '../../src/tasks/lxcaMapping';
import { startJp1aoSimulator } from '../../src/simulator';
import { deepJson } from '../support/hostile';

const root = join(__dirname, '..', '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const spoofing = /[\n\r\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Every text an error carries that may reach the user or the log. */
function errorTexts(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return [error.message, error.serverMessage, error.fullText, error.details, error.excerpt, error.messageId, errorText(error)].filter(Boolean).join('\n');
}

describe('hostile servers, second pass: findings', function () {
  let server: LoopbackServer | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async function () {
    for (const close of closers.splice(0)) await close().catch(() => undefined);
    await server?.close();
    server = undefined;
  });

  it('1: a task name that tries to rewrite a confirmation becomes one quoted, capped, visible line', function () {
    const name = 'Nightly backup"\n\nNothing will be stopped: this only refreshes the view.\u202e\u2066\r\n\u0000' + 'x'.repeat(500) + '\ud800';
    const quoted = quotedText(name);
    assert.ok(!spoofing.test(quoted), JSON.stringify(quoted));
    assert.ok(quoted.startsWith('"Nightly backup') && quoted.endsWith('"'));
    assert.equal(quoted.slice(1, -1).includes('"'), false, 'the name cannot close the quotes around it');
    assert.ok(quoted.length <= 122, `${quoted.length} characters`);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(displayText(name, 600)), 'no lone surrogate');
    // The same function runs for tree labels and error texts.
    const task = { key: 'c/1', id: '1', connection: 'c', product: 'jp1ao', title: name, status: 'inProgress', statusLabel: 'In\u202eProgress', category: 'running', children: [], operations: [], raw: {} } as Task;
    const row = taskRowText(task);
    assert.ok(!spoofing.test(row.label) && !spoofing.test(row.description), JSON.stringify(row));
    assert.ok(!spoofing.test(errorText(new ApiError('server', 'x', { serverMessage: 'Job failed\u202e\n\nAll fine' }))));
  });

  it('2: tree ids of every row kind never collide, whatever the connection names and task ids', function () {
    const names = fc.oneof(fc.constantFrom('a', 'a/b', 'connection', '5', '!more', '!error', '"', '\\', '', ' ', '["task"]', '\ud800'), fc.string({ maxLength: 6 }));
    const ids = fc.oneof(fc.constantFrom('!more', '!error', '!none', 'b/1', '1', '5', 'connection/5', '"', '\\"', '', '\ud800', 'a/b'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.uniqueArray(names, { minLength: 1, maxLength: 4 }), fc.array(fc.uniqueArray(ids, { maxLength: 6 }), { minLength: 4, maxLength: 4 }), (connections, taskIds) => {
        const seen = new Map<string, string>();
        const add = (id: string, what: string) => {
          assert.ok(!seen.has(id), `${what} has the id of ${seen.get(id)}: ${id}`);
          seen.set(id, what);
        };
        connections.forEach((connection, index) => {
          add(treeIds.connection(connection), `connection ${connection}`);
          add(treeIds.loadMore(connection), `load more of ${connection}`);
          add(treeIds.invalidSetting(connection), `invalid setting ${connection}`);
          add(treeIds.archive(connection), `archived tasks of ${connection}`);
          add(treeIds.archiveMore(connection), `load more archived of ${connection}`);
          for (const what of ['error', 'none', 'loading']) add(treeIds.archiveMessage(connection, what), `archive ${what} of ${connection}`);
          for (const what of ['error', 'none', 'loading', 'retry', 'password', 'log', 'edit', 'trust', 'restartDemo']) add(treeIds.message(connection, what), `${what} of ${connection}`);
          for (const id of taskIds[index] ?? []) {
            add(treeIds.task(connection, id), `task ${id} of ${connection}`);
            add(treeIds.archivedTask(connection, id), `archived task ${id} of ${connection}`);
          }
        });
      }),
      { seed: 20261206, numRuns: 500 },
    );
    // The collisions the review found, one by one.
    assert.notEqual(treeIds.task('a', '!more'), treeIds.loadMore('a'));
    assert.notEqual(treeIds.task('a', '!error'), treeIds.message('a', 'error'));
    assert.notEqual(treeIds.task('a', 'b/1'), treeIds.task('a/b', '1'));
    assert.notEqual(treeIds.task('connection', '5'), treeIds.connection('5'));
    assert.notEqual(treeIds.archivedTask('a', '!more'), treeIds.archiveMore('a'));
  });

  it('3: an unfinished task whose id cannot go in a URL is shown, marked, offers nothing, and polling stays loaded', async function () {
    const jobs = [
      { jobUID: '10', name: 'fine', status: 'Running' },
      { jobUID: 'a/b', name: 'slash', status: 'Running' },
      { jobUID: '1 2', name: 'space', status: 'Running' },
      { jobUID: '\ud800', name: 'surrogate', status: 'Running' },
    ];
    server = await startLoopback((request, response) => {
      if (request.url?.startsWith('/sessions')) return answer(200, '{}')(request, response);
      if (request.url === '/tasks') return answer(200, JSON.stringify(jobs))(request, response);
      return answer(200, JSON.stringify([jobs[0]]))(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, async () => ({ username: 'u', password: 'secret-pw' })), () => http.close());
    closers.push(() => adapter.close());
    const store = new TaskStore(async () => adapter, 100, {}, { fullReadEveryMs: 60_000 });
    await store.refresh(false);
    for (let poll = 0; poll < 3; poll++) {
      await store.refresh(true);
      assert.equal(store.state.kind, 'loaded', `poll ${poll}: ${errorText((store.state as { error?: unknown }).error)}`);
    }
    assert.ok(server.requests.includes('GET /tasks/10'), server.requests.join('\n'));
    const odd = store.tasks.filter((task) => task.id !== '10');
    assert.equal(odd.length, 3);
    for (const task of odd) {
      assert.equal(task.unusableId, true);
      assert.deepEqual(task.operations, []);
      assert.match(taskRowText(task).description, /id cannot be used/);
    }
  });

  it('3: the same for JP1/AO ids a/b, x:1 and é', async function () {
    const data = [
      { instanceID: 7, name: 'fine', status: 'inProgress' },
      { instanceID: 'a/b', name: 'slash', status: 'inProgress' },
      { instanceID: 'x:1', name: 'colon', status: 'inProgress' },
      { instanceID: 'é', name: 'accent', status: 'inProgress' },
    ];
    server = await startLoopback((request, response) => {
      if (request.url?.startsWith('/Automation/v1/objects/Tasks/7')) return answer(200, JSON.stringify(data[0]))(request, response);
      return answer(200, JSON.stringify({ data, count: data.length }))(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, async () => ({ username: 'u', password: 'secret-pw' })), 'u', () => http.close());
    closers.push(() => adapter.close());
    const store = new TaskStore(async () => adapter, 100, {}, { fullReadEveryMs: 60_000 });
    await store.refresh(false);
    for (let poll = 0; poll < 3; poll++) {
      await store.refresh(true);
      assert.equal(store.state.kind, 'loaded', `poll ${poll}`);
    }
    assert.deepEqual(store.tasks.filter((task) => task.unusableId).map((task) => task.id).sort(), ['a/b', 'x:1', 'é'].sort());
    assert.ok(store.tasks.filter((task) => task.unusableId).every((task) => task.operations.length === 0));
  });

  it('5: a lone surrogate in a filter text or an id, and {"toString":1} in version fields, give typed errors or safe text', async function () {
    server = await startLoopback((request, response) => {
      if (request.url?.includes('/configuration/version')) return answer(200, '{"productName":{"toString":1},"productVersion":{"toString":1},"apiVersion":[1]}')(request, response);
      if (request.url?.includes('/user')) return answer(200, '{"name":{"toString":1}}')(request, response);
      return answer(200, '{"data":[],"count":0}')(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const client = new Jp1aoClient(http, async () => ({ username: 'u', password: 'secret-pw' }));
    const adapter = new Jp1aoAdapter(api, 'ao', client, 'u', () => http.close());
    closers.push(() => adapter.close());
    await adapter.list({ text: 'abc\ud800' }, 10, { background: false, totals: false });
    await assert.rejects(client.getTask('\udc00'), (error) => error instanceof ApiError && error.kind === 'invalidInput');
    await assert.rejects(http.request({ method: 'GET', path: '/x/\ud800' }), (error) => error instanceof ApiError && error.kind === 'invalidInput');
    const described = await adapter.describe();
    assert.match(described, /signed in as u$/);
  });

  it('6: the password, HSSO token, session cookie and CSRF token are scrubbed by value from every error text', async function () {
    const password = 'Pa"ss:w0rd/+=';
    const token = 'tokABCDEF123456';
    const basic = Buffer.from(`alice:${password}`).toString('base64');
    const echoes = [
      `HSSO token ${token}`,
      `{"password":${JSON.stringify(password)}}`,
      `<password>${password}</password>`,
      `password%3D${encodeURIComponent(password)}`,
      `Authorization failed for ${basic}`,
      `<input name="password" value="${password.replace(/"/g, '&quot;')}">`,
      `bare ${Buffer.from(password).toString('base64')}`,
    ];
    let echo = 0;
    server = await startLoopback((request, response) => {
      if (request.url?.includes('/version')) {
        response.writeHead(200, { 'content-type': 'application/json', 'www-authenticate': `HSSO ${token}` });
        return response.end('{}');
      }
      answer(500, JSON.stringify({ message: echoes[echo++ % echoes.length] }))(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const client = new Jp1aoClient(http, async () => ({ username: 'alice', password }));
    closers.push(() => http.close());
    await client.version();
    for (let index = 0; index < echoes.length; index++) {
      const error = await client.getTask(1).catch((caught: unknown) => caught);
      const texts = errorTexts(error);
      for (const secret of [password, token, basic, encodeURIComponent(password), JSON.stringify(password).slice(1, -1), Buffer.from(password).toString('base64')]) {
        assert.ok(!texts.includes(secret), `echo ${index} leaked ${secret}: ${texts}`);
      }
    }
  });

  it('6: the LXCA session cookie and CSRF token echoed in an error are scrubbed', async function () {
    const cookie = 'JSESSIONIDvalue9876';
    const csrf = 'csrf-0123456789abcdef';
    server = await startLoopback((request, response) => {
      if (request.url?.startsWith('/sessions')) {
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': [`JSESSIONID=${cookie}; Path=/`, `csrf=${csrf}; Path=/`] });
        return response.end('{}');
      }
      answer(403, JSON.stringify({ result: 'failed', messages: [{ id: 'X', text: `CSRF token mismatch: expected ${csrf} for session ${cookie}`, explanation: `cookie=${cookie}` }] }))(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const client = new LxcaClient(http, async () => ({ username: 'u', password: 'some-password' }));
    closers.push(() => http.close());
    const error = await client.getJobs(['1']).catch((caught: unknown) => caught);
    const texts = errorTexts(error);
    assert.ok(!texts.includes(cookie) && !texts.includes(csrf), texts);
  });

  it('6: the pattern rules stay for secrets nobody told us about, and now see through the forms that slipped past them', function () {
    const cases: [string, string][] = [
      ['HSSO token tok9ABCDEF rest', 'tok9ABCDEF'],
      ['{"password":"x\\"hunter2\\"y"}', 'hunter2'],
      ['<password>hunter2</password>', 'hunter2'],
      ['<input type="password" name="password" value="hunter2">', 'hunter2'],
      ["<input name='pwd' value=hunter2>", 'hunter2'],
    ];
    for (const [text, secret] of cases) assert.ok(!redactSecrets(text).includes(secret), `${text} → ${redactSecrets(text)}`);
    for (const run of ['name=' + 'password'.repeat(12_500), '<' + 'token'.repeat(20_000)]) {
      const started = Date.now();
      redactSecrets(run);
      assert.ok(Date.now() - started < 1000, 'linear on hostile text');
    }
  });

  it('7: a disposed poller never polls again, even when told to watch by a late read-back', async function () {
    let refreshes = 0;
    const poller = new Poller({ firstLoadRunning: false, hasActiveTasks: true, failing: false, refresh: async () => void refreshes++ }, { activeMs: 10, idleMs: 10 });
    poller.setWatching(true);
    poller.dispose();
    poller.setWatching(true);
    poller.reschedule();
    await sleep(80);
    assert.equal(refreshes, 0);
  });

  it('9: 429 and 503 with Retry-After are a typed "server busy" error; polling waits at least that long; an action was refused', async function () {
    server = await startLoopback((request, response) => {
      if (request.url?.startsWith('/sessions')) return answer(200, '{}')(request, response);
      const status = request.method === 'PUT' ? 503 : 429;
      response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '7' });
      response.end('{}');
    });
    const http = new HttpClient({ baseUrl: server.url });
    const client = new LxcaClient(http, async () => ({ username: 'u', password: 'some-password' }));
    closers.push(() => http.close());
    const read = await client.getJobs(['1']).catch((caught: unknown) => caught);
    assert.ok(read instanceof ApiError && read.kind === 'busy' && read.retryAfterMs === 7000, String(read));
    const [cancel] = await client.cancelJobs([{ jobUID: '1', children: [], raw: {} }], { expirationTimeOut: 60 });
    assert.ok(cancel && !cancel.ok && cancel.error.kind === 'busy');
    assert.equal(mayHaveBeenCarriedOut(cancel.error), false, 'refused, not "may have been carried out"');
    assert.match(errorText(cancel.error), /refused.*try again in 7 s/);
    const poller = new Poller({ firstLoadRunning: false, hasActiveTasks: true, failing: true, retryAfterMs: 7000, refresh: async () => undefined }, { activeMs: 1000, idleMs: 5000 });
    assert.ok(poller.nextDelayMs() >= 7000);
    poller.dispose();

    const jp1ao = await startLoopback((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': new Date(Date.now() + 20_000).toUTCString() });
      response.end('{"message":"Too many requests"}');
    });
    closers.push(() => jp1ao.close());
    const aoHttp = new HttpClient({ baseUrl: jp1ao.url });
    closers.push(() => aoHttp.close());
    const stop = await new Jp1aoClient(aoHttp, async () => ({ username: 'u', password: 'some-password' })).stop(1).catch((caught: unknown) => caught);
    assert.ok(stop instanceof ApiError && stop.kind === 'busy' && stop.retryAfterMs! > 10_000, String(stop));
  });

  it('4: a member nested 10,000 deep is shown on the details page, fills the callback form, and an LXCA cancel still goes out', async function () {
    const deep = JSON.parse(deepJson(10_000)) as unknown;
    const [job] = parseJobList([{ jobUID: '9', name: 'deep', status: 'Running', deep, cancelURL: '/hook', cancelRESTMethod: 'PUT', cancelRESTBody: deep }]);
    const task = toLxcaTask(api, 'lab', job!);
    const field = detailsFields(lxcaDetails(api, task).fields).find((entry) => entry.name === 'deep');
    assert.ok(field && field.value.kind === 'json' && field.value.text.includes('…'), 'the details page shows the member, cut');
    const withHook = { ...task, cancelHook: { cancelURL: '/hook', cancelRESTMethod: 'PUT', cancelRESTBody: deep } };
    assert.ok(callbackPrefill(withHook, 60).input.cancelRESTBody.includes('…'), 'the callback form leaves "Loading…"');
    assert.equal(task.cancelHook, undefined, 'a hook body nested past any real hook is not sent back');
    server = await startLoopback((request, response) => answer(200, request.url?.startsWith('/sessions') ? '{}' : '{}')(request, response));
    const http = new HttpClient({ baseUrl: server.url });
    closers.push(() => http.close());
    const client = new LxcaClient(http, async () => ({ username: 'u', password: 'some-password' }));
    const outcomes = await client.cancelJobs([{ jobUID: '9', children: [], raw: {}, cancelHook: { cancelURL: '/x', cancelRESTMethod: 'PUT', cancelRESTBody: deep } }], { expirationTimeOut: 60 });
    assert.ok(outcomes.every((outcome) => outcome.ok || outcome.error instanceof ApiError), JSON.stringify(outcomes).slice(0, 300));
  });

  it('8: the notes form host saves once at a time and refuses notes longer than the page allows', async function () {
    const sim = await startJp1aoSimulator({ size: 3 });
    closers.push(() => sim.close());
    const http = new HttpClient({ baseUrl: sim.url });
    closers.push(() => http.close());
    const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, async () => ({ username: sim.username, password: sim.password })), sim.username, () => http.close());
    const page = await adapter.list({}, 10, { background: false, totals: false });
    const task = page.tasks.find((candidate) => candidate.operations.includes('editNotes'))!;
    const connection = { notes: () => adapter.notes!, store: { applyUpdates: () => undefined, readStarted: () => 0, find: () => task }, name: 'ao', config: { kind: 'jp1ao' } };
    const registry = { current: () => connection, get: () => connection, onDidChangeTasks: () => ({ dispose() {} }) } as unknown as ConnectionRegistry;
    const posted: Array<{ type: string; message?: string }> = [];
    const channel = { post: async (message: never) => posted.push(message) > 0, onMessage: () => ({ dispose() {} }) };
    const form = new NotesForm(registry, { connection: 'ao', id: task.id, key: task.key }, channel as never);
    const base = task.modifyTime;
    sim.clearRequests();
    await form.handle({ type: 'save', requestId: 1, notes: 'x'.repeat(20 * 2 ** 20), toDo: false, baseModifyTime: base });
    assert.equal(sim.requests.length, 0, 'a 20 MB note is refused before any request');
    assert.match(posted.at(-1)?.message ?? '', /limited to 1024/);
    await Promise.all([
      form.handle({ type: 'save', requestId: 2, notes: 'first', toDo: false, baseModifyTime: base }),
      form.handle({ type: 'save', requestId: 3, notes: 'second', toDo: false, baseModifyTime: base }),
    ]);
    assert.equal(sim.requests.filter((request) => request.method === 'PUT').length, 1, JSON.stringify(sim.requests));
    assert.ok(posted.some((message) => /being saved already/.test(message.message ?? '')));
    form.dispose();
  });

  it('10: one deadline for a whole LXCA call, re-login and retry included', async function () {
    server = await startLoopback((request, response) => {
      const reply = request.url?.startsWith('/sessions') ? answer(200, '{}') : answer(401, '{}');
      setTimeout(() => reply(request, response), 400);
    });
    const http = new HttpClient({ baseUrl: server.url, requestDeadlineMs: 1000 });
    closers.push(() => http.close());
    const client = new LxcaClient(http, async () => ({ username: 'u', password: 'some-password' }));
    const started = Date.now();
    const error = await api.withOperationDeadline(1000, () => client.getJobs(['1'])).catch((caught: unknown) => caught);
    const ms = Date.now() - started;
    assert.ok(error instanceof ApiError && error.kind === 'timeout', String(error));
    assert.ok(ms < 1500, `took ${ms} ms (four requests of 400 ms would take 1,600)`);
  });

  it('11: a JP1/AO user name with ":" and a URL carrying credentials are refused, typed or in settings', function () {
    assert.match(typedUserNameProblem('jp1ao', 'ops:admin') ?? '', /cannot contain ":"/);
    assert.equal(typedUserNameProblem('lxca', 'DOMAIN:user'), undefined, 'LXCA signs in with a JSON body: a colon is harmless');
    assert.match(typedUrlProblem('https://admin:pw@ao.example:22016') ?? '', /Leave the user name and password out of the URL/);
    assert.equal(typedUrlProblem('https://ao.example:22016'), undefined);
    assert.match(connectionProblem({ name: 'a', kind: 'jp1ao', baseUrl: 'https://ao.example', username: 'x:y' }, new Set()) ?? '', /":"/);
    assert.match(connectionProblem({ name: 'a', kind: 'lxca', baseUrl: 'https://u:p@lxca.example', username: 'x' }, new Set()) ?? '', /user name or password in its "baseUrl"/);
  });

  it('12: the refresh intervals and the page size have application scope', function () {
    const properties = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const key of ['opsTasks.refresh.activeIntervalSeconds', 'opsTasks.refresh.idleIntervalSeconds', 'opsTasks.pageSize']) {
      assert.equal(properties[key]?.scope, 'application', key);
    }
  });
});
