// Property-based fuzzing of everything a server's answer flows through: every call of each
// product's client over a loopback server (lists filtered and paged, reads, cancels, notes, each
// action, sign-in, the task log, Test Connection), both adapters' operations, the task mapping, the
// diff, the tree row texts, and the form hosts' message handlers. The server echoes the
// connection's secrets in its errors now and then: none may come back out.
// Seeded and reproducible: OPS_TASKS_FUZZ_SEED=<n> replays a run; a failure prints the seed and the path.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import * as api from '../../src/api';
import { ApiError } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import type { ConnectionRegistry } from '../../src/connections/registry';
import { diffTaskLists } from '../../src/tasks/diff';
import type { ProductAdapter, TaskPage } from '../../src/tasks/adapter';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { LxcaAdapter } from '../../src/tasks/lxca';
import type { Task } from '../../src/tasks/model';
import { maxLabelLength, taskRowText } from '../../src/tree/taskText';
import { errorLogText, errorText } from '../../src/tasks/errorText';
import { CallbackForm } from '../../src/webview/callbackForm';
import { DetailsForm } from '../../src/webview/detailsForm';
import { connectForm, type FormController } from '../../src/webview/formHost';
import { NotesForm } from '../../src/webview/notesForm';
import { callbackHostMessage, callbackPageMessage, detailsHostMessage, detailsPageMessage, notesHostMessage, notesPageMessage } from '../../src/webview/protocol';
import { problemWith, type Schema } from '../../src/util/schema';
import { jp1aoAnyResponse, jp1aoResponse, lxcaResponse, secretEcho, withRetryAfter, type HostileResponse } from '../support/hostile';

const seed = Number(process.env.OPS_TASKS_FUZZ_SEED ?? 20261203);
/** Cases per property; five properties make the run (≥ 3,000 cases at the default). */
const scale = Number(process.env.OPS_TASKS_FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));
/** Generous: a linear step takes milliseconds; only an exponential or quadratic blow-up gets here. */
const caseTimeLimitMs = 3000;
const markup = /<\/?[a-z!][^>]*>?/i;

// ---- The connection's secrets, and every spelling of them a server might echo ----

const secrets = {
  username: 'fuzzer',
  password: 'Fz"pa55w0rd%é/+x',
  token: 'tokFUZZ0123456789abcdef',
  cookie: 'JSESSIONIDfuzz4242abcd',
  csrf: 'csrfFUZZ98765zyxw',
};
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const placeholders: Record<string, string> = {
  '@@PASSWORD@@': secrets.password,
  '@@PASSWORD_JSON@@': JSON.stringify(secrets.password).slice(1, -1),
  '@@PASSWORD_URL@@': encodeURIComponent(secrets.password),
  '@@PASSWORD_HTML@@': html(secrets.password),
  '@@PASSWORD_B64@@': b64(secrets.password),
  '@@BASIC@@': b64(`${secrets.username}:${secrets.password}`),
  '@@TOKEN@@': secrets.token,
  '@@COOKIE@@': secrets.cookie,
  '@@CSRF@@': secrets.csrf,
};
/**
 * What must never be seen: each secret the product's client holds, as sent and in every encoding
 * above. An LXCA client never hears of an HSSO token, nor a JP1/AO client of an LXCA cookie: the
 * other product's secrets are just text to them.
 */
const notKnownTo: Record<'lxca' | 'jp1ao', readonly string[]> = { lxca: ['@@TOKEN@@'], jp1ao: ['@@COOKIE@@', '@@CSRF@@'] };
const forbidden = (product: 'lxca' | 'jp1ao') => [...new Set(Object.entries(placeholders).filter(([name]) => !notKnownTo[product].includes(name)).map(([, value]) => value))];
const productOf = (where: string): 'lxca' | 'jp1ao' => (/^(lxca|LXCA)/.test(where) ? 'lxca' : 'jp1ao');
const withSecrets = (body: string) => body.replace(/@@[A-Z_0-9]+@@/g, (placeholder) => placeholders[placeholder] ?? placeholder);
const credentials = async () => ({ username: secrets.username, password: secrets.password });

// ---- The server ----

interface HostileServer {
  url: string;
  next: HostileResponse;
  /** The next sign-in gets `next` too (a hostile sign-in) instead of a session. */
  hostileSignIn: boolean;
  close(): Promise<void>;
}

async function startHostileServer(product: 'lxca' | 'jp1ao'): Promise<HostileServer> {
  const state: HostileServer = { url: '', next: { status: 200, body: '[]' }, hostileSignIn: false, close: async () => undefined };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const signIn = product === 'lxca' && request.url?.startsWith('/sessions') === true;
      if (signIn && !state.hostileSignIn) {
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': [`JSESSIONID=${secrets.cookie}; Path=/`, `csrf=${secrets.csrf}; Path=/`] });
        response.end('{}');
        return;
      }
      const { status, contentType, body, cutAt, bom, retryAfter } = state.next;
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(withSecrets(body), 'utf8')]);
      const headers: http.OutgoingHttpHeaders = { 'content-length': bytes.length };
      if (contentType) headers['content-type'] = contentType;
      if (retryAfter) headers['retry-after'] = retryAfter;
      if (product === 'jp1ao' && status !== 401) headers['www-authenticate'] = `HSSO ${secrets.token}`;
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

// ---- What is counted ----

interface Figures {
  cases: number;
  typedErrors: number;
  untyped: string[];
  duplicateIds: string[];
  secretsEchoed: string[];
  worstMs: number;
}

const figures: Figures = { cases: 0, typedErrors: 0, untyped: [], duplicateIds: [], secretsEchoed: [], worstMs: 0 };

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).slice(0, 1500) : String(error).slice(0, 500);
}

/** An error a call ended with: typed (ApiError, short message) or counted as untyped; its texts must hold no secret. */
function checkError(where: string, error: unknown): void {
  if (!(error instanceof ApiError)) {
    figures.untyped.push(`${where}: ${describeError(error)}`);
    return;
  }
  figures.typedErrors += 1;
  assert.ok(error.message.length < 1000, `${where}: error message of ${error.message.length} characters`);
  const texts = [error.message, error.serverMessage, error.fullText, error.details, error.excerpt, error.messageId, errorText(error), errorLogText(error), error.stack];
  checkNoSecret(where, texts.filter((text): text is string => typeof text === 'string').join('\n'));
}

function checkNoSecret(where: string, text: string): void {
  const leaked = forbidden(productOf(where)).find((secret) => text.includes(secret));
  if (leaked) figures.secretsEchoed.push(`${where}: ${JSON.stringify(leaked)} in ${JSON.stringify(text.slice(Math.max(0, text.indexOf(leaked) - 80), text.indexOf(leaked) + 80))}`);
}

function allTasks(tasks: readonly Task[]): Task[] {
  return tasks.flatMap((task) => [task, ...allTasks(task.children)]);
}

/** What the tree may be given: unique ids, short one-line labels, a tooltip with nothing that renders. */
function checkTree(where: string, tasks: readonly Task[]): void {
  const ids = new Set<string>();
  for (const task of allTasks(tasks)) {
    const text = taskRowText(task);
    if (ids.has(text.id)) figures.duplicateIds.push(`${where}: ${text.id.slice(0, 200)}`);
    ids.add(text.id);
    for (const [name, value] of [['label', text.label], ['description', text.description]] as const) {
      assert.ok(value.length <= maxLabelLength, `${name} of ${value.length} characters`);
      assert.ok(!/[\n\r\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(value), `${name} has control characters: ${JSON.stringify(value.slice(0, 200))}`);
    }
    assert.ok(text.label.trim() !== '', 'empty label');
    // Labels are drawn as text; the tooltip is the one place rendered as Markdown: no markup may survive there.
    assert.ok(!/[<>]/.test(text.tooltipMarkdown) && !markup.test(text.tooltipMarkdown), 'tooltip carries markup');
    assert.match(text.contextValue, /^opsTask#(lxca|jp1ao)#([a-zA-Z]+#)*$/);
  }
}

function isTask(value: unknown): value is Task {
  return !!value && typeof value === 'object' && typeof (value as Task).key === 'string' && Array.isArray((value as Task).children);
}

/** Whatever an operation answered: tasks go through the tree checks, outcomes' errors through the error checks. */
function checkResult(where: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && 'ok' in item && (item as { ok: unknown }).ok === false) checkError(`${where} outcome`, (item as { error: unknown }).error);
    }
    const tasks = value.filter(isTask);
    if (tasks.length) checkTree(where, tasks);
  } else if (value && typeof value === 'object' && 'tasks' in value && Array.isArray(value.tasks) && value.tasks.every(isTask)) {
    // An adapter's page (a client's raw list is checked by the adapter cases that map it).
    const page = value as TaskPage;
    checkTree(where, page.tasks);
    diffTaskLists(page.tasks, page.tasks);
  }
}

async function timedCase(where: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  figures.cases += 1;
  figures.worstMs = Math.max(figures.worstMs, ms);
  assert.ok(ms < caseTimeLimitMs, `${where}: one case took ${Math.round(ms)} ms`);
}

async function checkProperty<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, run: (value: T) => Promise<void>): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, run), { seed, numRuns, endOnFailure: true });
  if (details.failed) {
    // fast-check's own report prints the whole counterexample, which may be megabytes: cut it.
    const example = JSON.stringify(details.counterexample)?.slice(0, 2000);
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const replay = `OPS_TASKS_FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})`;
    console.log(`fuzz (${name}) failed after ${details.numRuns} cases; replay with ${replay}`);
    assert.fail(`${name}: ${cause.slice(0, 2000)}\nreplay: ${replay}\ncounterexample (cut): ${example}`);
  }
}

// ---- The operations: every client call, every adapter operation ----

/** Ids the server might have given, as the tree would hold them. */
const idArbitrary = fc.oneof(fc.constantFrom('1', '42', '5', 'a/b', '1 2', ' 7 ', 'x:1', 'é', '\ud800', '..', '', '9'.repeat(40)), fc.string({ maxLength: 8 }));

function syntheticTask(product: 'lxca' | 'jp1ao', connection: string, id: string, hook: boolean): Task {
  return {
    key: `${connection}/${id}`,
    id,
    connection,
    product,
    title: `task ${id}`,
    status: product === 'lxca' ? 'Running' : 'inProgress',
    statusLabel: 'Running',
    category: 'running',
    children: [],
    operations: [],
    scheduleId: product === 'jp1ao' ? id : undefined,
    cancelHook: hook ? { cancelURL: '/hook/@@x', cancelRESTMethod: 'PUT', cancelRESTBody: { a: [1, { b: 'c' }] } } : undefined,
    raw: { instanceID: id, name: `task ${id}` },
  };
}

type Operation = (context: { ids: string[]; hook: boolean; text: string }) => Promise<unknown>;

function lxcaOperations(client: api.LxcaClient, adapter: ProductAdapter): Record<string, Operation> {
  const tasks = (ids: string[], hook: boolean) => ids.map((id) => syntheticTask('lxca', 'lab', id, hook));
  const callback = { cancelRESTMethod: 'PUT', cancelURL: 'https://hook.example/cancel', cancelRESTBody: '{"reason":"fuzz"}', expirationTimeOut: '60' };
  return {
    'client.login': () => client.login(),
    'client.logout': () => client.logout(),
    'client.listJobs': () => client.listJobs(),
    'client.listJobs compact': () => client.listJobs({ compact: true }),
    'client.listJobRecords': () => client.listJobRecords({ background: true }),
    'client.getJobs': ({ ids }) => client.getJobs(ids),
    'client.cancelJobs': ({ ids, hook }) => client.cancelJobs(tasks(ids, hook).map((task) => ({ jobUID: task.id, cancelHook: task.cancelHook, children: [], raw: {} })), { expirationTimeOut: 60 }),
    'client.cancelWithCallback': ({ ids }) => client.cancelWithCallback(ids, callback),
    'adapter.list': () => adapter.list({}, 50, { background: true, totals: true }),
    'adapter.list filtered': ({ text }) => adapter.list({ text, categories: ['running', 'failed'] }, 20, { background: false, totals: true }),
    'adapter.list runningFirst': () => adapter.list({ order: 'runningFirst' }, 5, { background: true, totals: false }),
    'adapter.list page': () => adapter.list({}, 2, { background: true, totals: true }),
    'adapter.readUnfinished': ({ ids }) => adapter.readUnfinished!(tasks(ids, false), true),
    'adapter.read': ({ ids }) => adapter.read(ids),
    'adapter.cancel': ({ ids, hook }) => adapter.perform({ operation: 'cancel', participle: 'cancelled', cancelExpirationSeconds: 60 }, tasks(ids, hook)),
    'adapter.describe (Test Connection)': () => adapter.describe(),
    'adapter.details': ({ ids }) => adapter.details(syntheticTask('lxca', 'lab', ids[0] ?? '1', true)),
    'adapter.cancelCallback': ({ ids }) => adapter.cancelCallback!.send(ids, callback),
  };
}

function jp1aoOperations(client: api.Jp1aoClient, adapter: ProductAdapter): Record<string, Operation> {
  const tasks = (ids: string[]) => ids.map((id) => syntheticTask('jp1ao', 'ao', id, false));
  const first = (ids: string[]) => ids[0] ?? '1';
  const perform = (operation: 'stop' | 'forceStop' | 'retry' | 'retryNext' | 'archive' | 'cancel'): Operation => ({ ids }) =>
    adapter.perform({ operation, participle: operation, cancelExpirationSeconds: 60 }, tasks(ids));
  return {
    'client.sign-in': () => {
      client.signOut();
      return client.user();
    },
    'client.listTasks': () => client.listTasks({ offset: 0, limit: 20 }),
    'client.listTasks filtered': ({ text }) => client.listTasks({ q: text, statuses: ['inProgress', 'failed'], filter: 'toDo eq true', tags: ['a', text], offset: 3, limit: 5 }),
    'client.getTask': ({ ids }) => client.getTask(first(ids)),
    'client.updateTask (notes PUT)': ({ ids, text }) => client.updateTask(first(ids), { notes: text, toDo: true }),
    'client.stop': ({ ids }) => client.stop(first(ids)),
    'client.forceStop': ({ ids }) => client.forceStop(first(ids)),
    'client.rerunStart': ({ ids }) => client.rerunStart(first(ids)),
    'client.rerunStepStart': ({ ids }) => client.rerunStepStart(first(ids)),
    'client.archive': ({ ids }) => client.archive(first(ids)),
    'client.cancelSchedule': ({ ids }) => client.cancelSchedule(first(ids)),
    'client.version': () => client.version(),
    'client.user': () => client.user(),
    'client.propertyValues': ({ ids }) => client.propertyValues(first(ids)),
    'client.taskLog': ({ ids }) => client.taskLog(first(ids), { offset: 0, readSize: 100, reverse: true }),
    'adapter.list': () => adapter.list({}, 20, { background: false, totals: true }),
    'adapter.list filtered': ({ text }) => adapter.list({ text: `${text} TODO`, categories: ['running'] }, 20, { background: false, totals: false }),
    'adapter.list runningFirst': () => adapter.list({ order: 'runningFirst' }, 5, { background: true, totals: false }),
    'adapter.readUnfinished': ({ ids }) => adapter.readUnfinished!(tasks(ids), true),
    'adapter.read': ({ ids }) => adapter.read(ids),
    'adapter.stop': perform('stop'),
    'adapter.forceStop': perform('forceStop'),
    'adapter.retry': perform('retry'),
    'adapter.retryNext': perform('retryNext'),
    'adapter.archive': perform('archive'),
    'adapter.cancel': perform('cancel'),
    'adapter.describe (Test Connection)': () => adapter.describe(),
    'adapter.details': ({ ids }) => adapter.details(syntheticTask('jp1ao', 'ao', first(ids), false)),
    'adapter.notes.read': ({ ids }) => adapter.notes!.read(first(ids)),
    'adapter.notes.save': ({ ids, text }) => adapter.notes!.save(first(ids), { notes: text, toDo: false }),
    'adapter.notes.setToDo': ({ ids }) => adapter.notes!.setToDo(first(ids), true),
  };
}

const textArbitrary = fc.oneof(fc.constantFrom('', 'backup', '\ud800x', '%', '"', '<b>', 'a&b=c', '\u202e', 'TODO'), fc.string({ maxLength: 12 }), secretEcho);

function caseArbitrary(names: string[], responses: fc.Arbitrary<HostileResponse>) {
  return fc.record({
    operation: fc.constantFrom(...names),
    response: withRetryAfter(responses),
    ids: fc.array(idArbitrary, { minLength: 1, maxLength: 3 }),
    hook: fc.boolean(),
    text: textArbitrary,
  });
}

async function fuzzOperations(product: 'lxca' | 'jp1ao', server: HostileServer, operations: Record<string, Operation>, responses: fc.Arbitrary<HostileResponse>, numRuns: number): Promise<void> {
  await checkProperty(`${product} operations`, caseArbitrary(Object.keys(operations), responses), numRuns, async ({ operation, response, ids, hook, text }) => {
    server.next = response;
    server.hostileSignIn = operation === 'client.login';
    const where = `${product} ${operation}`;
    await timedCase(where, async () => {
      try {
        checkResult(where, await operations[operation]!({ ids, hook, text }));
      } catch (error) {
        checkError(where, error);
      }
    });
  });
}

// ---- The form hosts ----

interface FormCase {
  form: 'notes' | 'details' | 'callback';
  /** The page's message: well-formed, or anything a forged page might send. */
  message: unknown;
  response: HostileResponse;
  id: string;
}

const pageMessages: Record<FormCase['form'], fc.Arbitrary<unknown>> = {
  notes: fc.oneof(
    fc.constant({ type: 'ready' }),
    fc.record({ type: fc.constant('reload'), requestId: fc.integer() }),
    fc.record({ type: fc.constant('save'), requestId: fc.integer(), notes: fc.oneof(textArbitrary, fc.constant('x'.repeat(5000))), toDo: fc.boolean(), baseModifyTime: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) }),
    fc.anything({ maxDepth: 3 }),
  ),
  details: fc.oneof(fc.constant({ type: 'ready' }), fc.record({ type: fc.constant('refresh'), requestId: fc.integer() }), fc.anything({ maxDepth: 3 })),
  callback: fc.oneof(
    fc.constant({ type: 'ready' }),
    fc.record({
      type: fc.constant('send'),
      requestId: fc.integer(),
      input: fc.record({ cancelRESTMethod: fc.constantFrom('PUT', 'GET', 'POST', 'x'), cancelURL: fc.oneof(fc.constant('https://hook.example/x'), textArbitrary), cancelRESTBody: fc.oneof(fc.constant('{"a":1}'), textArbitrary), expirationTimeOut: fc.constantFrom('60', '-1', 'x', '1e400') }),
    }),
    fc.anything({ maxDepth: 3 }),
  ),
};

const formSchemas: Record<FormCase['form'], { page: Schema; host: Schema }> = {
  notes: { page: notesPageMessage, host: notesHostMessage },
  details: { page: detailsPageMessage, host: detailsHostMessage },
  callback: { page: callbackPageMessage, host: callbackHostMessage },
};

/** A connection as the forms see it, over the adapter under test; the store holds the one task. */
function formRegistry(adapter: ProductAdapter, task: Task): ConnectionRegistry {
  const connection = {
    name: task.connection,
    config: { kind: task.product },
    store: { find: () => task, applyUpdates: () => undefined, tasks: [task] },
    adapter: () => adapter,
    notes: () => adapter.notes!,
    cancelCallback: () => adapter.cancelCallback!,
    read: (ids: readonly string[]) => adapter.read(ids),
    reread: async () => undefined,
  };
  return { current: () => connection, get: () => connection, onDidChangeTasks: () => ({ dispose() {} }) } as unknown as ConnectionRegistry;
}

async function fuzzForms(product: 'lxca' | 'jp1ao', server: HostileServer, adapter: ProductAdapter, responses: fc.Arbitrary<HostileResponse>, numRuns: number): Promise<void> {
  const forms: FormCase['form'][] = product === 'lxca' ? ['details', 'callback'] : ['details', 'notes'];
  const arbitrary = fc
    .constantFrom(...forms)
    .chain((form) => fc.record({ form: fc.constant(form), message: pageMessages[form], response: withRetryAfter(responses), id: idArbitrary }));
  await checkProperty(`${product} forms`, arbitrary, numRuns, async ({ form, message, response, id }) => {
    server.next = response;
    server.hostileSignIn = false;
    const where = `${product} ${form} form`;
    const task = syntheticTask(product, product === 'lxca' ? 'lab' : 'ao', id, true);
    const registry = formRegistry(adapter, task);
    const posted: unknown[] = [];
    let listener: (data: unknown) => void = () => undefined;
    const channel = { post: async (out: unknown) => posted.push(out) > 0, onMessage: (on: (data: unknown) => void) => ((listener = on), { dispose() {} }) };
    const target = { connection: task.connection, id: task.id, key: task.key };
    const controller: FormController<{ type: string }> =
      form === 'notes'
        ? new NotesForm(registry, target, channel as never)
        : form === 'details'
          ? new DetailsForm(registry, target, channel as never)
          : new CallbackForm(registry, { connection: task.connection, jobs: [task], expirationSeconds: 60 }, channel as never, async () => true);
    let handled: Promise<void> = Promise.resolve();
    const wrapped: FormController<{ type: string }> = { handle: (parsed) => (handled = controller.handle(parsed)), dispose: () => controller.dispose?.() };
    const parsePage = (data: unknown) => {
      const problem = problemWith(formSchemas[form].page, data);
      return problem === undefined ? { ok: true as const, value: data as { type: string } } : { ok: false as const, problem };
    };
    const connection = connectForm(channel as never, parsePage, wrapped, {
      onRejected: () => undefined,
      onFailure: (error) => figures.untyped.push(`${where} handler threw: ${describeError(error)}`),
    });
    await timedCase(where, async () => {
      listener(message);
      await handled.catch((error: unknown) => figures.untyped.push(`${where} handler threw: ${describeError(error)}`));
    });
    connection.dispose();
    for (const out of posted) {
      const problem = problemWith(formSchemas[form].host, out);
      assert.equal(problem, undefined, `${where} posted a message the page would drop: ${problem}`);
      checkNoSecret(where, JSON.stringify(out));
    }
  });
}

// ---- The runs ----

describe('fuzz: hostile server answers', function () {
  this.timeout(180_000);
  const products: { name: 'lxca' | 'jp1ao'; server?: HostileServer; http?: HttpClient; adapter?: ProductAdapter; client?: api.LxcaClient | api.Jp1aoClient }[] = [{ name: 'lxca' }, { name: 'jp1ao' }];

  before(async function () {
    for (const product of products) {
      product.server = await startHostileServer(product.name);
      product.http = new HttpClient({ baseUrl: product.server.url, requestDeadlineMs: 5_000 });
      if (product.name === 'lxca') {
        const client = new api.LxcaClient(product.http, credentials);
        product.client = client;
        product.adapter = new LxcaAdapter(api, 'lab', client, () => product.http!.close());
      } else {
        const client = new api.Jp1aoClient(product.http, credentials);
        product.client = client;
        product.adapter = new Jp1aoAdapter(api, 'ao', client, secrets.username, () => product.http!.close());
      }
      // One good exchange first: the client then knows the session's secrets, as it would in use.
      product.server.next = { status: 200, contentType: 'application/json', body: product.name === 'lxca' ? '[]' : '{"data":[],"count":0}' };
      await product.adapter.list({}, 10, { background: false, totals: false });
    }
  });

  after(async function () {
    for (const product of products) {
      await product.http?.close();
      await product.server?.close();
    }
    console.log(
      `fuzz: ${figures.cases} cases, ${figures.typedErrors} typed errors, ${figures.untyped.length} untyped, ${figures.duplicateIds.length} duplicate ids, ${figures.secretsEchoed.length} secrets echoed, worst case ${Math.round(figures.worstMs)} ms (seed ${seed})`,
    );
  });

  /** The unfiltered list a poll reads, answer after answer: each page is diffed against the one before. */
  async function fuzzList(name: string, product: (typeof products)[number], responses: fc.Arbitrary<HostileResponse>, numRuns: number): Promise<void> {
    const { server, adapter } = product;
    let previous: readonly Task[] = [];
    await checkProperty(name, withRetryAfter(responses), numRuns, async (response) => {
      server!.next = response;
      server!.hostileSignIn = false;
      await timedCase(name, async () => {
        try {
          const page = await adapter!.list({}, 500, { background: product.name === 'lxca', totals: true });
          checkTree(name, page.tasks);
          diffTaskLists(previous, page.tasks);
          previous = page.tasks;
        } catch (error) {
          checkError(name, error);
        }
      });
    });
  }

  it('LXCA lists: client, mapping, diff and tree texts survive every generated answer', async function () {
    await fuzzList('LXCA list', products[0]!, lxcaResponse, runs(300));
  });

  it('JP1/AO lists: client, mapping, diff and tree texts survive every generated answer', async function () {
    await fuzzList('JP1/AO list', products[1]!, jp1aoResponse, runs(250));
  });

  it('LXCA: every client call and adapter operation', async function () {
    const { server, client, adapter } = products[0]!;
    await fuzzOperations('lxca', server!, lxcaOperations(client as api.LxcaClient, adapter!), lxcaResponse, runs(1100));
  });

  it('JP1/AO: every client call and adapter operation', async function () {
    const { server, client, adapter } = products[1]!;
    await fuzzOperations('jp1ao', server!, jp1aoOperations(client as api.Jp1aoClient, adapter!), jp1aoAnyResponse, runs(1100));
  });

  it('form hosts: notes, details and cancel-with-callback handlers', async function () {
    await fuzzForms('lxca', products[0]!.server!, products[0]!.adapter!, lxcaResponse, runs(250));
    await fuzzForms('jp1ao', products[1]!.server!, products[1]!.adapter!, jp1aoAnyResponse, runs(250));
  });

  it('counts: enough cases, nothing untyped, no duplicate tree id, no secret echoed', function () {
    const show = (list: string[]) => list.slice(0, 25).join('\n---\n');
    assert.equal(figures.untyped.length, 0, `untyped errors:\n${show(figures.untyped)}`);
    assert.equal(figures.duplicateIds.length, 0, `duplicate tree ids:\n${show(figures.duplicateIds)}`);
    assert.equal(figures.secretsEchoed.length, 0, `secrets echoed:\n${show(figures.secretsEchoed)}`);
    if (scale >= 1) assert.ok(figures.cases >= 3000, `only ${figures.cases} cases`);
  });
});
