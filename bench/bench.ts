// `npm run bench`: how close the extension comes to the physical limit, as ratios measured side by
// side in one run against the simulators on loopback, each printed next to its goal and written to
// bench-results.json (git-ignored) in the working directory.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent, request } from 'undici';
import * as api from '../src/api';
import { HttpClient } from '../src/api/http';
import { Jp1aoClient } from '../src/api/jp1ao/client';
import { LxcaClient } from '../src/api/lxca/client';
import { startJp1aoSimulator, startLxcaSimulator, type LxcaSimulator, type RunningSimulator } from '../src/simulator/index';
import { spellStatus, STATUS_WORDS } from '../src/simulator/jp1ao/words';
import type { RecordedRequest, SimulatorVariants } from '../src/simulator/types';
import { Jp1aoAdapter } from '../src/tasks/jp1ao';
import { fullListEveryNthIdleRead, LxcaAdapter } from '../src/tasks/lxca';
import type { TaskSource } from '../src/tasks/adapter';
import { TaskStore } from '../src/tasks/store';
import { idleReadsPerFullRead } from '../src/tasks/storeOptions';
import { pinJob } from '../test/support/pinJobs';
import { credentialsOf } from '../test/support/storeFixture';

const root = join(__dirname, '../..');
const size = 5000;
const pageSize = 200;
const runningJobs = 50;
const runs = 15;
const warmUps = 3;

interface Results {
  lxcaRefreshToRawRatio: number;
  jp1aoRefreshToRawRatio: number;
  activePollBytesRatio: number;
  activationMs: number;
  heapMbFor50k: number;
  unchangedPollTreeEvents: number;
  cancel200Requests: number;
  jp1aoWrongWordsTotalsCorrect: number;
  jp1aoCountQueryBytes: number;
  lxcaIdleRefreshBytesRatio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median times of pieces of work run in turn, the same number of times each, after warm-ups. */
async function sideBySide(...works: (() => Promise<unknown>)[]): Promise<number[]> {
  const samples = works.map((): number[] => []);
  for (let i = 0; i < warmUps + runs; i++) {
    for (const [index, work] of works.entries()) {
      // Each piece starts on a clean heap, so one piece's garbage is not collected in another's time.
      (globalThis as { gc?: () => void }).gc?.();
      const started = performance.now();
      await work();
      if (i >= warmUps) samples[index].push(performance.now() - started);
    }
  }
  return samples.map(median);
}

type ServerAddress = Pick<RunningSimulator, 'url' | 'username' | 'password'>;

/**
 * Both simulators in a process of their own, as a real appliance is on another machine: the time
 * a refresh takes is then the extension's alone, not shared with the server answering it.
 */
async function simulatorProcess(seed: number): Promise<{ lxca: ServerAddress; jp1ao: ServerAddress; close: () => void }> {
  const child = spawn(process.execPath, [join(root, 'dist/simulator-cli.js'), '--size', String(size), '--seed', String(seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  const servers = JSON.parse(line) as { lxca: ServerAddress; jp1ao: ServerAddress };
  return { ...servers, close: () => child.kill() };
}

/** The physical limit: one GET of the same URL and JSON.parse of its body, nothing else. */
function rawReader(sim: ServerAddress) {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const authorization = `Basic ${Buffer.from(`${sim.username}:${sim.password}`).toString('base64')}`;
  let lastBytes = 0;
  return {
    /** Bytes of the last body read. */
    bytes: () => lastBytes,
    read: async (pathAndQuery: string) => {
      const { body, statusCode } = await request(`${sim.url}${pathAndQuery}`, { dispatcher: agent, headers: { authorization, accept: 'application/json' } });
      const text = await body.text();
      lastBytes = Buffer.byteLength(text);
      const parsed: unknown = JSON.parse(text);
      if (statusCode !== 200) throw new Error(`raw read answered ${statusCode}`);
      return parsed;
    },
    close: () => agent.close(),
  };
}

const bytesOf = (requests: readonly RecordedRequest[]) => requests.reduce((sum, r) => sum + r.bytes, 0);

function lxcaSource(sim: LxcaSimulator, connection = 'bench') {
  const http = new HttpClient({ baseUrl: sim.url, maxBodyBytes: 256 * 2 ** 20 });
  const client = new LxcaClient(http, credentialsOf(sim));
  return { adapter: new LxcaAdapter(api, connection, client, () => http.close()), close: () => http.close() };
}

/** Newest jobs running, all others finished, subtasks alike, all pinned: nothing moves unless the bench moves it. */
function pinJobs(sim: LxcaSimulator, running: number): void {
  const jobs = sim.jobs().sort((a, b) => Number(b.jobUID) - Number(a.jobUID));
  jobs.forEach((job, i) => pinJob(sim, job, i < running ? 'Running' : 'Complete', i < running ? 40 : 100));
}

/** Runs `measure` with a store over `adapter` and a raw reader of the same server, then closes them and `http`. */
async function besideRawReads<T>(server: ServerAddress, http: HttpClient, adapter: TaskSource, measure: (store: TaskStore, raw: ReturnType<typeof rawReader>) => Promise<T>): Promise<T> {
  const raw = rawReader(server);
  const store = new TaskStore(async () => adapter, pageSize);
  try {
    return await measure(store, raw);
  } finally {
    store.dispose();
    await Promise.all([http.close(), raw.close()]);
  }
}

/**
 * The refresh against the raw read, and two steps in between that show where the difference goes:
 * the HTTP client's request (size cap, error mapping, JSON) and the LXCA client's list (session,
 * and every job checked and copied into an LxcaJob).
 */
async function lxcaRefreshRatio(server: ServerAddress): Promise<{ ratio: number; refreshMs: number; rawMs: number; httpMs: number; clientMs: number; bytes: number }> {
  const http = new HttpClient({ baseUrl: server.url, maxBodyBytes: 256 * 2 ** 20 });
  const client = new LxcaClient(http, credentialsOf(server));
  const authorization = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
  return besideRawReads(server, http, new LxcaAdapter(api, 'bench', client, () => http.close()), async (store, raw) => {
    const [refreshMs, rawMs, httpMs, clientMs] = await sideBySide(
      () => store.refresh(),
      () => raw.read('/tasks'),
      () => http.request({ method: 'GET', path: '/tasks', headers: { authorization } }),
      () => client.listJobs(),
    );
    return { ratio: refreshMs / rawMs, refreshMs, rawMs, httpMs, clientMs, bytes: raw.bytes() };
  });
}

/** The same for JP1/AO, with the JP1/AO client's page read (session, paging, every task checked) in between. */
async function jp1aoRefreshRatio(server: ServerAddress): Promise<{ ratio: number; refreshMs: number; rawMs: number; clientMs: number }> {
  const http = new HttpClient({ baseUrl: server.url });
  const client = new Jp1aoClient(http, credentialsOf(server));
  // The URL the store reads for its first page (JP1/AO's default order, server-side paging).
  const page = `/Automation/v1/objects/Tasks?${new URLSearchParams({ 'HQL::sortBy': 'submitTime DESC', 'HQL::offset': '0', 'HQL::limit': String(pageSize) })}`;
  return besideRawReads(server, http, new Jp1aoAdapter(api, 'bench', client, server.username, () => http.close()), async (store, raw) => {
    await store.refresh();
    const body = (await raw.read(page)) as { data?: unknown[] };
    if (body.data?.length !== pageSize || store.tasks.length !== pageSize) throw new Error('the raw read and the refresh read different pages');
    const [refreshMs, rawMs, clientMs] = await sideBySide(
      () => store.refresh(),
      () => raw.read(page),
      () => client.listTasks({ offset: 0, limit: pageSize }),
    );
    return { ratio: refreshMs / rawMs, refreshMs, rawMs, clientMs };
  });
}

/**
 * Bytes of one active poll over bytes of the full list, the store events of polls that change
 * nothing, and the average bytes of an idle refresh over the full list, taken over one whole cycle
 * of idle refreshes as a connection makes them: of each `idleReadsPerFullRead`, one lists the jobs
 * (compact, with the subtasks that may have moved; every `fullListEveryNthIdleRead`-th of those the
 * full list) and the others read only the unfinished jobs and whether a newer job exists. No job is
 * expanded; about a third of the seed's jobs have subtasks.
 */
async function activePolling(): Promise<{
  ratio: number;
  idleRatio: number;
  unchangedEvents: number;
  pollBytes: number;
  idleBytes: number;
  fullBytes: number;
  withSubtasks: number;
  idleCycle: number;
  compactListBytes: number;
  changesOnlyBytes: number;
  idleEvents: number;
}> {
  const sim = await startLxcaSimulator({ size, seed: 3, newItemEveryMs: 0 });
  pinJobs(sim, runningJobs);
  const source = lxcaSource(sim);
  let now = Date.now();
  const store = new TaskStore(async () => source.adapter, pageSize, {}, { fullReadEveryMs: 60_000, idleReadsPerFullRead, now: () => now });
  try {
    await store.refresh();
    sim.clearRequests();
    await store.refresh(false);
    const fullBytes = bytesOf(sim.requests);
    let events = 0;
    store.onDidChange(() => events++);
    sim.clearRequests();
    await store.refresh(true); // an active poll
    const pollBytes = bytesOf(sim.requests);
    const unchangedEvents = events;
    // One whole cycle of idle refreshes after the user's Refresh above, each at the idle interval.
    const idleCycle = idleReadsPerFullRead * fullListEveryNthIdleRead;
    let idleBytes = 0;
    let compactListBytes = 0;
    let changesOnlyBytes = 0;
    for (let read = 1; read <= idleCycle; read++) {
      now += 60_000;
      sim.clearRequests();
      await store.refresh(true);
      const bytes = bytesOf(sim.requests);
      idleBytes += bytes;
      const list = sim.requests.find((r) => r.path === '/tasks');
      if (read % idleReadsPerFullRead !== 0 && list) throw new Error(`idle refresh ${read} listed every job`);
      if (read % idleReadsPerFullRead === 0 && read < idleCycle && list?.query.compact !== 'true') throw new Error(`idle refresh ${read} did not list the jobs without subtasks`);
      if (read === idleReadsPerFullRead) compactListBytes = bytes;
      if (read === 1) changesOnlyBytes = bytes;
    }
    idleBytes /= idleCycle;
    const withSubtasks = sim.jobs().filter((job) => job.children?.length > 0).length / sim.jobs().length;
    return {
      ratio: pollBytes / fullBytes,
      idleRatio: idleBytes / fullBytes,
      unchangedEvents,
      pollBytes,
      idleBytes,
      fullBytes,
      withSubtasks,
      idleCycle,
      compactListBytes,
      changesOnlyBytes,
      idleEvents: events - unchangedEvents,
    };
  } finally {
    store.dispose();
    await source.close();
    await sim.close();
  }
}

/** A JP1/AO simulator of `size` tasks in a dialect, each task pinned at its status, and an adapter over it. */
async function jp1aoSource(variants: Partial<SimulatorVariants>) {
  const sim = await startJp1aoSimulator({ size, seed: 6, newItemEveryMs: 0, variants });
  const words = new Map(STATUS_WORDS.map((word) => [spellStatus(word, variants.jp1aoStatusWords ?? 'camel'), word]));
  const camel = (spelled: string) => words.get(spelled) ?? spelled;
  for (const task of sim.tasks()) sim.setTaskStatus(task.instanceID, camel(task.status) === 'longRunning' ? 'inProgress' : camel(task.status));
  const http = new HttpClient({ baseUrl: sim.url, maxBodyBytes: 256 * 2 ** 20 });
  const adapter = new Jp1aoAdapter(api, 'bench', new Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close());
  const close = async () => {
    await http.close();
    await sim.close();
  };
  return { sim, adapter, camel, close };
}

/** 1 when the running and failed totals against upper-case words and a filter that answers unknown words with nothing equal the server's own counts. */
async function wrongWordsTotals(): Promise<{ correct: number; shown: string; server: string }> {
  const source = await jp1aoSource({ jp1aoStatusWords: 'upper', jp1aoFilter: 'empty' });
  const store = new TaskStore(async () => source.adapter, pageSize);
  try {
    await store.refresh();
    const count = (words: readonly string[]) => source.sim.tasks().filter((task) => words.includes(source.camel(task.status))).length;
    const server = { running: count(['inProgress', 'waitingResponse', 'abnormalDetection', 'terminating', 'longRunning']), failed: count(['failed']) };
    const shown = store.totals;
    const correct = shown?.running === server.running && shown.failed === server.failed && server.running > 0 ? 1 : 0;
    return { correct, shown: JSON.stringify(shown), server: JSON.stringify(server) };
  } finally {
    store.dispose();
    await source.close();
  }
}

/** Bytes of the larger of the two count queries of one totals read, against a server that ignores the page size. */
async function countQueryBytes(): Promise<number> {
  const source = await jp1aoSource({ jp1aoPaging: 'ignore' });
  try {
    await source.adapter.list({}, pageSize, { background: false, totals: true });
    source.sim.clearRequests();
    await source.adapter.totals();
    const counts = source.sim.requests.filter((r) => r.path === '/Automation/v1/objects/Tasks');
    if (counts.length !== 2) throw new Error(`a totals read made ${counts.length} list requests, not 2`);
    return Math.max(...counts.map((r) => r.bytes));
  } finally {
    await source.close();
  }
}

async function heapFor50k(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const sim = await startLxcaSimulator({ size, seed: 4, newItemEveryMs: 0 });
  const settle = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  const sources = Array.from({ length: 10 }, (_, i) => lxcaSource(sim, `server-${i}`));
  const before = settle();
  const stores = sources.map((source) => new TaskStore(async () => source.adapter, size));
  for (const store of stores) await store.refresh();
  const after = settle();
  if (stores.some((store) => store.tasks.length !== size)) throw new Error('a store did not load every task');
  for (const store of stores) store.dispose();
  await Promise.all(sources.map((source) => source.close()));
  await sim.close();
  return (after - before) / 2 ** 20;
}

async function cancelRequests(count: number): Promise<number> {
  const sim = await startLxcaSimulator({ size: 100, seed: 5, newItemEveryMs: 0 });
  const source = lxcaSource(sim);
  try {
    const ids = Array.from({ length: count }, (_, i) => sim.addJob({ name: `Bench job ${i}`, status: 'Running', runForMs: 3_600_000 }));
    const tasks = await source.adapter.read(ids);
    if (tasks.some((task) => task.cancelHook)) throw new Error('the bench jobs must carry no cancel hook');
    sim.clearRequests();
    const outcomes = await source.adapter.perform({ operation: 'cancel', participle: 'cancelled', cancelExpirationSeconds: 60 }, tasks);
    if (outcomes.some((outcome) => !outcome.ok)) throw new Error('a cancel failed');
    return sim.requests.length;
  } finally {
    await source.close();
    await sim.close();
  }
}

/** activate() in a real extension host (scripts/bench-activation.mjs); undefined when it could not run. */
function activation(): { medianMs: number; loadMedianMs: number } | undefined {
  const scratch = mkdtempSync(join(tmpdir(), 'ops-tasks-bench-'));
  const file = join(scratch, 'activation.json');
  try {
    const run = spawnSync(process.execPath, [join(root, 'scripts/bench-activation.mjs'), file], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    if (run.status !== 0) {
      console.error(`activation could not be measured in VS Code:\n${(run.stderr || run.stdout).slice(-2000)}`);
      return undefined;
    }
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const row = (what: string, value: string, goal: string, met: boolean) =>
  console.log(`${what.padEnd(58)} ${value.padStart(10)}   goal ${goal.padEnd(7)} ${met ? 'met' : 'NOT MET'}`);
const note = (text: string) => console.log(`   ${text}`);
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  console.log(`Ops Tasks benchmark — ${size} jobs/tasks per server, medians of ${runs} runs side by side\n`);
  const servers = await simulatorProcess(1);
  let lxca, jp1ao;
  try {
    lxca = await lxcaRefreshRatio(servers.lxca);
    jp1ao = await jp1aoRefreshRatio(servers.jp1ao);
  } finally {
    servers.close();
  }
  const polling = await activePolling();
  const heapMb = await heapFor50k();
  const cancels = await cancelRequests(200);
  const wrongWords = await wrongWordsTotals();
  const countBytes = await countQueryBytes();
  const activated = activation();

  const results: Results = {
    lxcaRefreshToRawRatio: Number(lxca.ratio.toFixed(3)),
    jp1aoRefreshToRawRatio: Number(jp1ao.ratio.toFixed(3)),
    activePollBytesRatio: Number(polling.ratio.toFixed(4)),
    activationMs: activated ? Number(activated.medianMs.toFixed(2)) : -1,
    heapMbFor50k: Number(heapMb.toFixed(1)),
    unchangedPollTreeEvents: polling.unchangedEvents,
    cancel200Requests: cancels,
    jp1aoWrongWordsTotalsCorrect: wrongWords.correct,
    jp1aoCountQueryBytes: countBytes,
    lxcaIdleRefreshBytesRatio: Number(polling.idleRatio.toFixed(3)),
  };

  row(`LXCA refresh / raw GET+parse (${size} jobs, ${(lxca.bytes / 2 ** 20).toFixed(1)} MB)`, fixed(results.lxcaRefreshToRawRatio), '≤ 1.15', results.lxcaRefreshToRawRatio <= 1.15);
  note(`refresh ${fixed(lxca.refreshMs, 1)} ms, raw ${fixed(lxca.rawMs, 1)} ms; of the refresh: HTTP client request ${fixed(lxca.httpMs, 1)} ms, LXCA client list ${fixed(lxca.clientMs, 1)} ms`);
  row(`JP1/AO refresh / raw GET+parse (page of ${pageSize} of ${size})`, fixed(results.jp1aoRefreshToRawRatio), '≤ 1.15', results.jp1aoRefreshToRawRatio <= 1.15);
  note(`refresh ${fixed(jp1ao.refreshMs, 1)} ms, raw ${fixed(jp1ao.rawMs, 1)} ms; of the refresh: JP1/AO client page ${fixed(jp1ao.clientMs, 1)} ms`);
  row(`active LXCA poll bytes / full list (${runningJobs} of ${size} running)`, fixed(results.activePollBytesRatio, 4), '≤ 0.05', results.activePollBytesRatio <= 0.05);
  note(`${polling.pollBytes} of ${polling.fullBytes} bytes`);
  row('activate() in the VS Code extension host, ms (median)', activated ? fixed(results.activationMs) : 'n/a', '≤ 20', activated ? results.activationMs <= 20 : false);
  if (activated) note(`loading the extension bundle first: ${fixed(activated.loadMedianMs, 1)} ms`);
  row('heap for 10 connections × 5,000 tasks, MB (after GC)', fixed(results.heapMbFor50k, 1), '≤ 60', results.heapMbFor50k <= 60);
  row('tree change events from polls that change nothing', String(results.unchangedPollTreeEvents), '0', results.unchangedPollTreeEvents === 0);
  row('HTTP requests to cancel 200 LXCA jobs without cancel hooks', String(results.cancel200Requests), '1', results.cancel200Requests === 1);
  row(`JP1/AO totals right with IN_PROGRESS words, empty filter (${size})`, String(results.jp1aoWrongWordsTotalsCorrect), '1', results.jp1aoWrongWordsTotalsCorrect === 1);
  note(`shown ${wrongWords.shown}, the server's own ${wrongWords.server}`);
  row(`JP1/AO bytes of one count query, page size ignored (${size})`, String(results.jp1aoCountQueryBytes), '≤ 2000', results.jp1aoCountQueryBytes <= 2000);
  row(
    `LXCA idle refresh bytes / full list, average of a cycle of ${polling.idleCycle} idle refreshes (${size} jobs, none expanded)`,
    fixed(results.lxcaIdleRefreshBytesRatio, 3),
    '≤ 0.4',
    results.lxcaIdleRefreshBytesRatio <= 0.4,
  );
  note(
    `${Math.round(polling.idleBytes)} of ${polling.fullBytes} bytes on average; a compact list ${polling.compactListBytes} (${fixed(polling.compactListBytes / polling.fullBytes, 3)}), ` +
      `a read of what can change ${polling.changesOnlyBytes}; one full list per cycle; ${polling.idleEvents} tree change events; ${(polling.withSubtasks * 100).toFixed(0)}% of the jobs have subtasks`,
  );

  writeFileSync(join(process.cwd(), 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to bench-results.json');
  if (!activated) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
