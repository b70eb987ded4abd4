// The simulators' fault switches, each over loopback: a failure is a typed error, the next call
// after the fault clears succeeds, and a cancel is sent exactly once per cancel group whatever
// happens to its answer (a lost answer is "may have been carried out", never a retry).
import { strict as assert } from 'node:assert';
import type { ApiErrorKind } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao';
import { LxcaClient } from '../../src/api/lxca/client';
import type { LxcaJob } from '../../src/api/lxca/types';
import { startJp1aoSimulator, startLxcaSimulator } from '../../src/simulator';
import type { LxcaSimulator, RunningSimulator } from '../../src/simulator/types';
import { rejectsWith } from '../support/apiErrors';
import { credentialsOf } from '../support/storeFixture';
import { sleep } from '../support/wait';

/** Small, so a stall of a few seconds stands for the 35 s one the default deadline (30 s) would end. */
const deadlineMs = 400;

interface Fault {
  name: string;
  set(sim: RunningSimulator): void;
  /** The error kind a read gets while the fault lasts. */
  kind: ApiErrorKind;
}

function clearFaults(sim: RunningSimulator): void {
  Object.assign(sim.faults, { latencyMs: 0, failNext: undefined, unavailable: false, dropConnections: false, body: undefined, trickle: undefined });
}

const commonFaults: Fault[] = [
  { name: 'dropped connections', set: (sim) => (sim.faults.dropConnections = true), kind: 'unreachable' },
  { name: 'HTTP 500', set: (sim) => (sim.faults.failNext = { status: 500, count: 1 }), kind: 'server' },
  { name: 'a stalled answer', set: (sim) => (sim.faults.latencyMs = 2_000), kind: 'timeout' },
  { name: 'a trickled body', set: (sim) => (sim.faults.trickle = { bytes: 1, intervalMs: 50 }), kind: 'timeout' },
];

/**
 * One simulator for the suite and, before each test, a client over a new HTTP client with a short
 * deadline, signed in by a first `list` (which answers how many items there are) before any fault;
 * faults are cleared around each test. Adds a test per fault: the list fails with its kind, then
 * recovers.
 */
function useFaultyServer<S extends RunningSimulator, C>(
  start: () => Promise<S>,
  connect: (http: HttpClient, sim: S) => C,
  list: (client: C) => Promise<number>,
  productFault: Fault,
): () => { sim: S; client: C } {
  let sim: S | undefined;
  let http: HttpClient;
  let client: C;
  before(async function () {
    sim = await start();
  });
  after(async function () {
    await sim?.close();
  });
  beforeEach(async function () {
    clearFaults(sim!);
    http = new HttpClient({ baseUrl: sim!.url, requestDeadlineMs: deadlineMs });
    client = connect(http, sim!);
    await list(client);
    sim!.clearRequests();
  });
  afterEach(async function () {
    clearFaults(sim!);
    await http.close();
  });

  for (const fault of [...commonFaults, productFault]) {
    it(`${fault.name}: the list fails with ${fault.kind}, then recovers`, async function () {
      fault.set(sim!);
      await rejectsWith(list(client), fault.kind);
      clearFaults(sim!);
      assert.ok((await list(client)) > 0);
    });
  }
  return () => ({ sim: sim!, client });
}

describe('fault switches end in recovery', function () {
  this.timeout(20_000);

  describe('LXCA', function () {
    const lxca = useFaultyServer(
      () => startLxcaSimulator({ size: 10, newItemEveryMs: 0 }),
      (http, sim) => new LxcaClient(http, credentialsOf(sim)),
      async (client) => (await client.listJobs()).length,
      { name: 'HTTP 412', set: (s) => (s.faults.failNext = { status: 412, count: 1 }), kind: 'badRequest' },
    );

    it('an expired session is renewed once and the list succeeds', async function () {
      const { sim, client } = lxca();
      sim.expireSessions();
      assert.ok((await client.listJobs()).length > 0);
      assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`).slice(0, 2), ['GET /tasks 401', 'POST /sessions 200']);
    });

    /** Two running jobs, one with a cancel hook and one without: two cancel groups. */
    function twoGroups(sim: LxcaSimulator): LxcaJob[] {
      const hooked = sim.addJob({ name: 'Hooked', runForMs: 600_000, cancelURL: '/hook', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1 } });
      const plain = sim.addJob({ name: 'Plain', runForMs: 600_000 });
      return [
        { jobUID: hooked, children: [], raw: {}, cancelHook: { cancelURL: '/hook', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1 } } },
        { jobUID: plain, children: [], raw: {} },
      ];
    }

    /** PUTs the server acted on: a 401 for an expired session was refused, not carried out. */
    const cancelPuts = (sim: LxcaSimulator) => sim.requests.filter((r) => r.method === 'PUT' && r.status !== 401);

    const cancelFaults: Array<{ name: string; set(sim: LxcaSimulator): void; kind: ApiErrorKind | 'ok' }> = [
      { name: 'no fault', set: () => undefined, kind: 'ok' },
      { name: 'HTTP 500', set: (sim) => (sim.faults.failNext = { status: 500, count: 99, path: /^\/tasks/ }), kind: 'server' },
      { name: 'HTTP 412', set: (sim) => (sim.faults.failNext = { status: 412, count: 99, path: /^\/tasks/ }), kind: 'badRequest' },
      { name: 'an expired session', set: (sim) => sim.expireSessions(), kind: 'ok' },
      { name: 'a stalled answer', set: (sim) => (sim.faults.latencyMs = 2_000), kind: 'uncertain' },
      { name: 'a dropped connection', set: (sim) => (sim.faults.dropConnections = true), kind: 'uncertain' },
    ];
    for (const fault of cancelFaults) {
      it(`cancel under ${fault.name}: exactly one PUT per cancel group, outcome ${fault.kind}`, async function () {
        const { sim, client } = lxca();
        const jobs = twoGroups(sim);
        sim.clearRequests();
        fault.set(sim);
        const outcomes = await client.cancelJobs(jobs, { expirationTimeOut: 60 });
        const puts = cancelPuts(sim);
        if (fault.kind === 'ok') {
          assert.deepEqual(outcomes.map((o) => o.ok), [true, true]);
          assert.equal(puts.length, 2, puts.map((r) => r.target).join(', '));
        } else {
          const first = outcomes[0];
          assert.ok(!first.ok && (first.error as { kind?: string }).kind === fault.kind, JSON.stringify(outcomes.map((o) => !o.ok && String(o.error))));
          // A lost answer stops the rest: the other group is not sent either.
          assert.equal(puts.length, fault.kind === 'uncertain' ? 1 : 2, puts.map((r) => r.target).join(', '));
          if (fault.kind === 'uncertain') assert.match(String(!first.ok && first.error), /may have been carried out/);
        }
        clearFaults(sim);
        await sleep(50);
        assert.ok((await client.getJobs(jobs.map((job) => job.jobUID))).length === 2, 'the jobs read again afterwards');
      });
    }

    it('refuses ids that would walk or break the path before sending anything', async function () {
      const { sim, client } = lxca();
      for (const id of ['..', '.', 'a/b', '', ' ', '5\u0000', '5\n6', '%2e%2e']) {
        sim.clearRequests();
        await rejectsWith(client.cancelJobs([{ jobUID: id, children: [], raw: {} }], { expirationTimeOut: 60 }), 'invalidInput');
        await rejectsWith(client.cancelWithCallback([id], { cancelURL: '/callback', cancelRESTMethod: 'PUT', expirationTimeOut: 60 }), 'invalidInput');
        assert.equal(sim.requests.length, 0, `nothing sent for ${JSON.stringify(id)}`);
      }
    });
  });

  describe('JP1/AO', function () {
    const jp1ao = useFaultyServer(
      () => startJp1aoSimulator({ size: 10, newItemEveryMs: 0 }),
      (http, sim) => new Jp1aoClient(http, credentialsOf(sim)),
      async (client) => (await client.listTasks({ limit: 5 })).tasks.length,
      { name: 'HTTP 412 (server not available)', set: (s) => (s.faults.unavailable = true), kind: 'unavailable' },
    );

    it('an expired HSSO token is replaced by signing in again and the list succeeds', async function () {
      const { sim, client } = jp1ao();
      sim.expireSessions();
      assert.ok((await client.listTasks({ limit: 5 })).tasks.length > 0);
      assert.ok(sim.requests.some((r) => r.status === 401), 'the old token was refused first');
    });
  });
});
