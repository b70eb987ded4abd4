// Property-based fuzzing of everything a server's answer flows through: each product's client over
// a loopback server, the task mapping (adapters), the diff and the tree row texts. Seeded and
// reproducible: OPS_TASKS_FUZZ_SEED=<n> replays a run; a failure prints the seed and the path.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import * as api from '../../src/api';
import { ApiError } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import { diffTaskLists } from '../../src/tasks/diff';
import type { TaskPage } from '../../src/tasks/adapter';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { LxcaAdapter } from '../../src/tasks/lxca';
import type { Task } from '../../src/tasks/model';
import { maxLabelLength, taskRowText } from '../../src/tree/taskText';
import { jp1aoResponse, lxcaResponse, type HostileResponse } from '../support/hostile';

const seed = Number(process.env.OPS_TASKS_FUZZ_SEED ?? 20261203);
const runsPerProduct = Number(process.env.OPS_TASKS_FUZZ_RUNS ?? 1000);
/** Generous: a linear step takes milliseconds; only an exponential or quadratic blow-up gets here. */
const caseTimeLimitMs = 3000;
const markup = /<\/?[a-z!][^>]*>?/i;

interface HostileServer {
  url: string;
  next: HostileResponse;
  close(): Promise<void>;
}

async function startHostileServer(signIn: (request: http.IncomingMessage) => boolean): Promise<HostileServer> {
  const state: HostileServer = { url: '', next: { status: 200, body: '[]' }, close: async () => undefined };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (signIn(request)) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
        return;
      }
      const { status, contentType, body, cutAt, bom } = state.next;
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
      const headers: http.OutgoingHttpHeaders = { 'content-length': bytes.length };
      if (contentType) headers['content-type'] = contentType;
      response.writeHead(status, headers);
      if (cutAt === undefined) response.end(bytes);
      else response.write(bytes.subarray(0, cutAt), () => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

function allTasks(tasks: readonly Task[]): Task[] {
  return tasks.flatMap((task) => [task, ...allTasks(task.children)]);
}

/** What the tree may be given: unique ids, short one-line labels, a tooltip with nothing that renders. */
function checkTree(tasks: readonly Task[]): void {
  const ids = new Set<string>();
  for (const task of allTasks(tasks)) {
    const text = taskRowText(task);
    assert.ok(!ids.has(text.id), `duplicate tree id ${JSON.stringify(text.id)}`);
    ids.add(text.id);
    for (const [name, value] of [['label', text.label], ['description', text.description]] as const) {
      assert.ok(value.length <= maxLabelLength, `${name} of ${value.length} characters`);
      assert.ok(!/[\n\r\u0000-\u001f]/.test(value), `${name} has control characters: ${JSON.stringify(value.slice(0, 200))}`);
    }
    assert.ok(text.label.trim() !== '', 'empty label');
    // Labels are drawn as text; the tooltip is the one place rendered as Markdown: no markup may survive there.
    assert.ok(!/[<>]/.test(text.tooltipMarkdown) && !markup.test(text.tooltipMarkdown), 'tooltip carries markup');
    assert.match(text.contextValue, /^opsTask#(lxca|jp1ao)#([a-zA-Z]+#)*$/);
  }
}

interface Figures {
  cases: number;
  worstMs: number;
  typedErrors: number;
}

async function fuzzProduct(
  name: string,
  responses: fc.Arbitrary<HostileResponse>,
  server: HostileServer,
  list: () => Promise<TaskPage>,
  figures: Figures,
): Promise<void> {
  let previous: readonly Task[] = [];
  const property = fc.asyncProperty(responses, async (response) => {
    server.next = response;
    const started = performance.now();
    let page: TaskPage | undefined;
    try {
      page = await list();
    } catch (error) {
      assert.ok(error instanceof ApiError, `untyped error escaped: ${error instanceof Error ? error.stack : String(error)}`);
      assert.ok(error.message.length < 1000, `error message of ${error.message.length} characters`);
      figures.typedErrors += 1;
    }
    if (page) {
      checkTree(page.tasks);
      diffTaskLists(previous, page.tasks);
      diffTaskLists(page.tasks, page.tasks);
      previous = page.tasks;
    }
    const ms = performance.now() - started;
    figures.cases += 1;
    figures.worstMs = Math.max(figures.worstMs, ms);
    assert.ok(ms < caseTimeLimitMs, `one answer took ${Math.round(ms)} ms`);
  });
  const details = await fc.check(property, { seed, numRuns: runsPerProduct, endOnFailure: true });
  if (details.failed) {
    // fast-check's own report prints the whole counterexample, which may be megabytes: cut it.
    const example = JSON.stringify(details.counterexample)?.slice(0, 2000);
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const replay = `OPS_TASKS_FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})`;
    console.log(`fuzz (${name}) failed after ${details.numRuns} cases; replay with ${replay}`);
    assert.fail(`${name}: ${cause.slice(0, 2000)}\nreplay: ${replay}\ncounterexample (cut): ${example}`);
  }
}

describe('fuzz: hostile server answers', function () {
  this.timeout(120_000);
  const figures: Figures = { cases: 0, worstMs: 0, typedErrors: 0 };
  const credentials = async () => ({ username: 'u', password: 'p' });

  after(function () {
    console.log(
      `fuzz: ${figures.cases} hostile responses (seed ${seed}), ${figures.typedErrors} typed errors, 0 untyped, 0 duplicate ids, worst case ${Math.round(figures.worstMs)} ms`,
    );
  });

  it('LXCA: client, mapping, diff and tree texts survive every generated answer', async function () {
    const server = await startHostileServer((request) => request.url?.startsWith('/sessions') === true);
    const httpClient = new HttpClient({ baseUrl: server.url, requestDeadlineMs: 5_000 });
    const adapter = new LxcaAdapter(api, 'lab', new api.LxcaClient(httpClient, credentials), () => httpClient.close());
    try {
      await fuzzProduct('LXCA', lxcaResponse, server, () => adapter.list({}, 500, { background: true, totals: true }), figures);
    } finally {
      await httpClient.close();
      await server.close();
    }
  });

  it('JP1/AO: client, mapping, diff and tree texts survive every generated answer', async function () {
    const server = await startHostileServer(() => false);
    const httpClient = new HttpClient({ baseUrl: server.url, requestDeadlineMs: 5_000 });
    const adapter = new Jp1aoAdapter(api, 'ao', new api.Jp1aoClient(httpClient, credentials), 'u', () => httpClient.close());
    try {
      await fuzzProduct('JP1/AO', jp1aoResponse, server, () => adapter.list({}, 500, { background: false, totals: true }), figures);
    } finally {
      await httpClient.close();
      await server.close();
    }
  });
});
