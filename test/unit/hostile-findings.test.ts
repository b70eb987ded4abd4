// One test per finding of the hostile-server review: each failed on the code before its fix.
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao';
import { LxcaClient } from '../../src/api/lxca';
import { parseJobList } from '../../src/api/lxca/jobs';
import { redactSecrets, safeExcerpt } from '../../src/api/redaction';
import { diffTaskLists } from '../../src/tasks/diff';
import { jp1aoSummaryRows, propertyRows } from '../../src/tasks/jp1aoDetails';
import { jp1aoStatusMeaning } from '../../src/tasks/jp1aoStatus';
import { LxcaAdapter } from '../../src/tasks/lxca';
import { toLxcaTask } from '../../src/tasks/lxcaMapping';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import type { Task } from '../../src/tasks/model';
import { classifyLxcaStatus } from '../../src/tasks/lxcaStatus';
import { errorLogText, errorText } from '../../src/tasks/errorText';
import { safeText } from '../../src/util/safeText';
import { rejectsWith } from '../support/apiErrors';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaFileError } from '../../src/api/errors';
import { connectionProblem, sendsInClearText } from '../../src/connections/configProblems';
import { startLxcaSimulator } from '../../src/simulator';
import { CallbackForm } from '../../src/webview/callbackForm';
import type { ConnectionRegistry } from '../../src/connections/registry';
import { answer, startLoopback, type LoopbackServer } from '../support/loopback';

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** `{"a":{"a":…}}` nested `depth` deep, built as text so the test itself cannot overflow. */
function nestedJson(depth: number, leaf = '"x"'): string {
  return '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
}

describe('hostile servers: findings', function () {
  let server: LoopbackServer | undefined;
  afterEach(async function () {
    await server?.close();
    server = undefined;
  });

  it('1: a job list nested 26 deep with 1 KB names diffs in well under a second', function () {
    let job: Record<string, unknown> = { jobUID: 'leaf', name: 'n'.repeat(1024), status: 'Running' };
    for (let level = 25; level > 0; level--) job = { jobUID: `j${level}`, name: `"quoted" ${'n'.repeat(1024)}`, status: 'Running', children: [job] };
    const before = parseJobList([job]).map((parsed) => toLxcaTask(api, 'lab', parsed));
    const after = parseJobList([job]).map((parsed) => toLxcaTask(api, 'lab', parsed));
    const { value, ms } = timed(() => diffTaskLists(before, after));
    assert.deepEqual(value, { listChanged: false, changed: [] });
    // Quadratic work on these sizes takes many seconds; the bound leaves room for a busy machine.
    assert.ok(ms < 2_000, `diff took ${Math.round(ms)} ms`);
  });

  it('2: redacting 100 KB of repeated secret words finishes fast and still redacts', function () {
    for (const word of ['password', 'tokentoken', 'pass-pass.', 'auth.', 'a.']) {
      const text = `${word.repeat(Math.ceil(100_000 / word.length))} password=hunter2`;
      const { value, ms } = timed(() => redactSecrets(text));
      assert.ok(ms < 3_000, `"${word}…": redaction took ${Math.round(ms)} ms`);
      assert.ok(!value.includes('hunter2') && value.endsWith('password=***'), `"${word}…" still redacted`);
      assert.ok(timed(() => safeExcerpt(text)).ms < 3_000);
    }
    assert.equal(redactSecrets('"X-Auth-Token" : \'abc\' user=bob apikey = 5'), '"X-Auth-Token" : \'***\' user=bob apikey = ***');
  });

  it('3: statuses named like prototype members are unknown statuses, shown as received', function () {
    for (const status of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.deepEqual(classifyLxcaStatus(status), { category: 'unknown', label: status });
      assert.deepEqual(jp1aoStatusMeaning(status), { category: 'unknown', label: status });
    }
  });

  /** Every key in a tree of tasks, roots and subtasks. */
  function keysOf(tasks: readonly Task[]): string[] {
    return tasks.flatMap((task) => [task.key, ...keysOf(task.children)]);
  }

  it('4: LXCA jobs listed twice, a child repeating its parent, 5 and "5": one element per id, the first wins, logged once', async function () {
    const jobs = [
      { jobUID: '5', name: 'first five', status: 'Running', children: [{ jobUID: '5', name: 'child repeating parent' }, { jobUID: '6', name: 'child six' }] },
      { jobUID: 5, name: 'number five' },
      { jobUID: '6', name: 'root repeating a child' },
      { jobUID: '7', name: 'seven' },
      { jobUID: '7', name: 'seven again' },
    ];
    server = await startLoopback((request, response) => {
      const body = request.url?.startsWith('/sessions') ? '{}' : JSON.stringify(jobs);
      answer(200, body)(request, response);
    });
    const http = new HttpClient({ baseUrl: server.url });
    const notices: string[] = [];
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, async () => ({ username: 'u', password: 'p' })), () => http.close(), (n) => notices.push(n));
    try {
      for (let poll = 0; poll < 2; poll++) {
        const page = await adapter.list({}, 100, { background: true, totals: true });
        const keys = keysOf(page.tasks);
        assert.deepEqual([...keys].sort(), ['lab/5', 'lab/6', 'lab/7']);
        assert.deepEqual(page.tasks.map((task) => task.title), ['seven', 'first five']);
      }
      assert.equal(notices.length, 3, notices.join('\n'));
      assert.deepEqual(keysOf(await adapter.read(['5', '7'])).sort(), ['lab/5', 'lab/6', 'lab/7']);
    } finally {
      await adapter.close();
    }
  });

  it('4: a JP1/AO task listed twice (and as 5 and "5") is one element; the first wins', async function () {
    const data = [
      { instanceID: 5, name: 'first', status: 'inProgress' },
      { instanceID: '5', name: 'string five', status: 'inProgress' },
      { instanceID: 6, name: 'six', status: 'completed' },
      { instanceID: 6, name: 'six again', status: 'completed' },
    ];
    server = await startLoopback(answer(200, JSON.stringify({ data, count: data.length })));
    const http = new HttpClient({ baseUrl: server.url });
    const notices: string[] = [];
    const client = new Jp1aoClient(http, async () => ({ username: 'u', password: 'p' }));
    const adapter = new Jp1aoAdapter(api, 'ao', client, 'u', () => http.close(), (n) => notices.push(n));
    try {
      const page = await adapter.list({}, 100, { background: false, totals: true });
      assert.deepEqual(page.tasks.map((task) => [task.key, task.title]), [['ao/5', 'first'], ['ao/6', 'six']]);
      assert.equal(notices.length, 2);
    } finally {
      await http.close();
    }
  });

  it('5: a JP1/AO error message nested 5,000 deep is a typed error with bounded text', async function () {
    server = await startLoopback(answer(500, `{"message":${nestedJson(5000)},"messageID":"KNAE00000-E"}`));
    const http = new HttpClient({ baseUrl: server.url });
    try {
      const client = new Jp1aoClient(http, async () => ({ username: 'u', password: 'p' }));
      const error = await rejectsWith(client.listTasks({ limit: 1 }), 'server');
      assert.ok(error.message.length < 600, `message of ${error.message.length} characters`);
    } finally {
      await http.close();
    }
  });

  it('5: values whose toString is not a function become text without failing', function () {
    const hostile = JSON.parse(`{"toString":1,"valueOf":1,"deep":${nestedJson(5000)}}`);
    assert.ok(safeText(hostile).length <= 10_000);
    assert.equal(safeText(hostile, 20).length, 20);
    assert.equal(propertyRows([{ keyName: 'k', value: hostile }])[0].key, 'k');
    const task = { instanceID: 1, name: hostile, tags: hostile, recurrenceInterval: hostile, scheduleType: 'recurrence', submitter: hostile };
    assert.ok(jp1aoSummaryRows(api, task as never).length > 0);
  });

  it('6: an LXCA error of a 100 KB HTML message is shown as one short plain line; the log keeps the whole', async function () {
    const page = `<html><body><h1>Proxy   error</h1>password=hunter2 ${'<p>The   upstream\n\tfailed. </p>'.repeat(4000)}</body></html>`;
    server = await startLoopback(answer(500, JSON.stringify({ result: 'failed', messages: [{ id: 'FQXHMSE0001J', text: page }] })));
    const http = new HttpClient({ baseUrl: server.url });
    try {
      const client = new LxcaClient(http, async () => ({ username: 'u', password: 'p' }));
      const error = await rejectsWith(client.listJobs(), 'server');
      const shown = errorText(error);
      assert.ok(shown.length <= 320, `shown text of ${shown.length} characters`);
      assert.ok(!/[<>]/.test(shown) && !/\s{2}/.test(shown), shown);
      assert.ok(shown.startsWith('Proxy error password=*** The upstream failed.'), shown);
      assert.ok(shown.includes('…'));
      assert.ok(error.message.length < 500);
      assert.ok(error.fullText?.includes('password=***') && !error.fullText.includes('hunter2'));
      assert.ok(errorLogText(error).length > 100_000, 'the log gets the whole text');
    } finally {
      await http.close();
    }
  });

  it('6: a JP1/AO error of a huge message is shown short; its details keep the whole', async function () {
    server = await startLoopback(answer(400, JSON.stringify({ message: `<b>bad</b> ${'x '.repeat(50_000)}`, messageID: 'KNAE1', messageData: 'y'.repeat(5000) })));
    const http = new HttpClient({ baseUrl: server.url });
    try {
      const client = new Jp1aoClient(http, async () => ({ username: 'u', password: 'p' }));
      const error = await rejectsWith(client.listTasks({ limit: 1 }), 'badRequest');
      assert.ok(errorText(error).length <= 320 && !errorText(error).includes('<b>'), errorText(error));
      assert.ok((error.fullText ?? '').length > 90_000);
    } finally {
      await http.close();
    }
  });

  it('7: a body trickled byte by byte is cut off by the overall deadline with a timeout error', async function () {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    });
    const http = new HttpClient({ baseUrl: server.url, requestDeadlineMs: 400, bodyTimeoutMs: 10_000, headersTimeoutMs: 10_000 });
    try {
      const started = performance.now();
      const error = await rejectsWith(http.request({ method: 'GET', path: '/tasks' }), 'timeout');
      const ms = performance.now() - started;
      assert.ok(ms >= 350 && ms < 3000, `ended after ${Math.round(ms)} ms`);
      assert.match(error.message, /did not finish its answer within 400 ms/);
    } finally {
      await http.close();
    }
  });

  it('7: a stalled answer (no headers) also ends at the overall deadline; a caller abort stays an abort', async function () {
    server = await startLoopback(() => undefined);
    const http = new HttpClient({ baseUrl: server.url, requestDeadlineMs: 300 });
    try {
      await rejectsWith(http.request({ method: 'GET', path: '/tasks' }), 'timeout');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await rejectsWith(http.request({ method: 'GET', path: '/tasks', signal: controller.signal }), 'aborted');
    } finally {
      await http.close();
    }
  });

  it('8: a CA file without a certificate is its own error, not an untrusted certificate', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'ops-ca-'));
    try {
      const caFile = join(dir, 'ca.pem');
      for (const text of ['', 'not a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']) {
        writeFileSync(caFile, text);
        const http = new HttpClient({ baseUrl: 'https://127.0.0.1:9', tls: { caFile } });
        const error = await rejectsWith(http.request({ method: 'GET', path: '/' }), 'invalidInput');
        await http.close();
        assert.ok(error instanceof CaFileError && error.problem === 'noCertificate', error.message);
        assert.match(errorText(error), /holds no certificate/);
      }
      const http = new HttpClient({ baseUrl: 'https://127.0.0.1:9', tls: { caFile: join(dir, 'missing.pem') } });
      const error = await rejectsWith(http.request({ method: 'GET', path: '/' }), 'invalidInput');
      await http.close();
      assert.ok(error instanceof CaFileError && error.problem === 'unreadable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('8: a certificate pin or CA file on an http:// connection is a settings error', function () {
    const base = { name: 'lab', kind: 'lxca', username: 'admin' };
    const pin = { fingerprint256: 'AB'.repeat(32) };
    assert.match(connectionProblem({ ...base, baseUrl: 'http://lxca.example', tls: pin }, new Set()) ?? '', /http:\/\/ \(no TLS\)/);
    assert.match(connectionProblem({ ...base, baseUrl: 'HTTP://lxca.example', tls: { caFile: '/ca.pem' } }, new Set()) ?? '', /no TLS/);
    assert.equal(connectionProblem({ ...base, baseUrl: 'https://lxca.example', tls: pin }, new Set()), undefined);
    assert.equal(connectionProblem({ ...base, baseUrl: 'http://lxca.example' }, new Set()), undefined);
    assert.deepEqual(
      ['http://lxca.example', 'HTTP://10.0.0.5:8080', 'https://lxca.example', 'http://127.0.0.1:8443', 'http://localhost', 'http://[::1]:80'].map(sendsInClearText),
      [true, true, false, false, false, false],
    );
  });

  it('8: the cancel-with-callback form refuses a second Send while one is on its way: one PUT', async function () {
    const sim = await startLxcaSimulator({ size: 3, newItemEveryMs: 0 });
    const http = new HttpClient({ baseUrl: sim.url });
    try {
      const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, async () => ({ username: sim.username, password: sim.password })), () => http.close());
      const id = sim.addJob({ name: 'Long job', runForMs: 600_000 });
      const [task] = await adapter.read([id]);
      const connection = { cancelCallback: () => adapter.cancelCallback, reread: async () => undefined, adapter: () => adapter };
      const registry = { current: () => connection } as unknown as ConnectionRegistry;
      const posted: Array<{ ok?: boolean; message?: string }> = [];
      const channel = { post: async (message: never) => posted.push(message) > 0, onMessage: () => ({ dispose() {} }) };
      const form = new CallbackForm(registry, { connection: 'lab', jobs: [task], expirationSeconds: 60 }, channel as never, async () => true);
      sim.clearRequests();
      sim.faults.latencyMs = 300;
      const input = { cancelRESTMethod: 'GET', cancelURL: '/callback', cancelRESTBody: '', expirationTimeOut: '60' };
      await Promise.all([
        form.handle({ type: 'send', requestId: 1, input } as never),
        form.handle({ type: 'send', requestId: 2, input } as never),
      ]);
      sim.faults.latencyMs = 0;
      assert.equal(sim.requests.filter((r) => r.method === 'PUT').length, 1);
      assert.deepEqual(posted.map((m) => m.ok).sort(), [false, true], JSON.stringify(posted));
      assert.match(posted.find((m) => m.ok === false)?.message ?? '', /being sent already/);
    } finally {
      await http.close();
      await sim.close();
    }
  });
});

