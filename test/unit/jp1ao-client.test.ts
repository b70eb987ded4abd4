import { strict as assert } from 'node:assert';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient, jp1aoStatusFilter, type Jp1aoClientOptions, type Jp1aoTask } from '../../src/api/jp1ao';
import { startJp1aoSimulator } from '../../src/simulator';
import type { Jp1aoSimulator, RecordedRequest } from '../../src/simulator/types';
import { sleep } from '../support/wait';

const tasksPath = '/Automation/v1/objects/Tasks';

describe('Jp1aoClient against the JP1/AO simulator', function () {
  let sim: Jp1aoSimulator;
  let http: HttpClient;

  before(async function () {
    sim = await startJp1aoSimulator({ size: 40, newItemEveryMs: 0 });
    http = new HttpClient({ baseUrl: sim.url });
  });

  after(async function () {
    await http?.close();
    await sim?.close();
  });

  beforeEach(function () {
    sim.faults.latencyMs = 0;
    sim.faults.failNext = undefined;
    sim.faults.unavailable = false;
    sim.faults.dropConnections = false;
    sim.faults.body = undefined;
    sim.clearRequests();
  });

  function client(options: Jp1aoClientOptions = {}, password = sim.password): Jp1aoClient {
    return new Jp1aoClient(http, async () => ({ username: sim.username, password }), options);
  }

  /** A client that has signed in already, with the sign-in request cleared from the record. */
  async function signedInClient(options: Jp1aoClientOptions = {}): Promise<Jp1aoClient> {
    const signedIn = client(options);
    await signedIn.user();
    sim.clearRequests();
    return signedIn;
  }

  function basicOf(username: string, password: string): string {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  function authorization(request: RecordedRequest): string {
    return String(request.headers.authorization ?? '');
  }

  /** The scheme only, so an assertion message never shows a password or token. */
  function schemes(): string[] {
    return sim.requests.map((request) => authorization(request).split(' ')[0]);
  }

  function anyTask(predicate: (task: Jp1aoTask) => boolean = () => true): Jp1aoTask {
    const task = sim.tasks().find(predicate);
    assert.ok(task, 'the simulator has a task to work with');
    return task;
  }

  async function rejection(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
    let error: unknown;
    try {
      await promise;
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ApiError, `expected ApiError ${kind}, got ${error === undefined ? 'success' : String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }

  describe('authentication', function () {
    it('signs in with Basic, then sends the HSSO token it was given', async function () {
      const jp1ao = client();
      await jp1ao.listTasks({ limit: 1 });
      await jp1ao.getTask(anyTask().instanceID);
      await jp1ao.version();
      assert.equal(sim.requests.length, 3);
      assert.ok(authorization(sim.requests[0]) === basicOf(sim.username, sim.password), 'first request carries Basic credentials of the user');
      assert.deepEqual(schemes(), ['Basic', 'HSSO', 'HSSO']);
      assert.ok(authorization(sim.requests[1]).length > 'HSSO '.length, 'the token is not empty');
    });

    it('asks for the credentials only when it signs in', async function () {
      let asked = 0;
      const jp1ao = new Jp1aoClient(http, async () => {
        asked += 1;
        return { username: sim.username, password: sim.password };
      });
      await jp1ao.user();
      await jp1ao.user();
      await jp1ao.listTasks({ limit: 1 });
      assert.equal(asked, 1);
    });

    it('signs in with Basic again when the token nears its 1,000 s lifetime', async function () {
      let clock = 0;
      const jp1ao = client({ now: () => clock });
      await jp1ao.user();
      clock = 900_000;
      await jp1ao.user();
      clock = 990_000;
      await jp1ao.user();
      clock = 1_000_000;
      await jp1ao.user();
      assert.deepEqual(schemes(), ['Basic', 'HSSO', 'Basic', 'HSSO']);
    });

    it('honours a configured token lifetime', async function () {
      let clock = 0;
      const jp1ao = client({ now: () => clock, tokenLifetimeMs: 100_000 });
      await jp1ao.user();
      clock = 50_000;
      await jp1ao.user();
      clock = 99_000;
      await jp1ao.user();
      assert.deepEqual(schemes(), ['Basic', 'HSSO', 'Basic']);
    });

    it('after the session expires, signs in once and retries the call once', async function () {
      const jp1ao = await signedInClient();
      const id = anyTask().instanceID;
      sim.expireSessions();
      const task = await jp1ao.getTask(id);
      assert.equal(String(task.instanceID), String(id));
      assert.deepEqual(schemes(), ['HSSO', 'Basic']);
      assert.deepEqual(
        sim.requests.map((request) => request.status),
        [401, 200],
      );
      await jp1ao.getTask(id);
      assert.deepEqual(schemes(), ['HSSO', 'Basic', 'HSSO']);
    });

    it('shows a second 401 as an auth error', async function () {
      const jp1ao = await signedInClient();
      sim.faults.failNext = { status: 401, count: 2 };
      await rejection(jp1ao.user(), 'auth');
      assert.deepEqual(schemes(), ['HSSO', 'Basic']);
    });

    it('reports a wrong password as auth after one attempt and never repeats the password', async function () {
      const wrongPassword = 'not-the-password-4711';
      const jp1ao = client({}, wrongPassword);
      const error = await rejection(jp1ao.listTasks(), 'auth');
      assert.equal(error.status, 401);
      assert.equal(sim.requests.length, 1, 'a rejected password is not sent twice (account lockout)');
      const shown = `${error.message} ${error.serverMessage ?? ''} ${error.details ?? ''} ${error.excerpt ?? ''}`;
      assert.ok(!shown.includes(wrongPassword), 'the error does not repeat the password');
      assert.ok(!shown.includes(Buffer.from(`${sim.username}:${wrongPassword}`).toString('base64')), 'nor its Basic form');
    });

    it('shares one sign-in between calls made at the same time after an expiry', async function () {
      const jp1ao = await signedInClient();
      const ids = sim.tasks().slice(0, 5).map((task) => task.instanceID);
      sim.expireSessions();
      sim.faults.latencyMs = 30;
      const tasks = await Promise.all(ids.map((id) => jp1ao.getTask(id)));
      assert.deepEqual(tasks.map((task) => String(task.instanceID)), ids.map(String));
      assert.equal(schemes().filter((scheme) => scheme === 'Basic').length, 1);
    });

    it('shares one sign-in between the first calls of a new client', async function () {
      const jp1ao = client();
      sim.faults.latencyMs = 30;
      await Promise.all([jp1ao.user(), jp1ao.version(), jp1ao.listTasks({ limit: 1 }), jp1ao.getTask(anyTask().instanceID)]);
      assert.equal(schemes().filter((scheme) => scheme === 'Basic').length, 1);
      assert.equal(sim.requests.length, 4);
    });

    it('sends Accept: application/json and the chosen Accept-Language on every call', async function () {
      const jp1ao = client({ language: 'ja' });
      const task = anyTask();
      await jp1ao.listTasks({ limit: 1 });
      await jp1ao.updateTask(task.instanceID, { notes: String(task.notes ?? ''), toDo: task.toDo === true });
      sim.setTaskStatus(task.instanceID, 'completed');
      await jp1ao.archive(task.instanceID);
      assert.ok(sim.requests.length >= 4);
      for (const request of sim.requests) {
        assert.equal(request.headers.accept, 'application/json', `${request.method} ${request.path}`);
        assert.equal(request.headers['accept-language'], 'ja', `${request.method} ${request.path}`);
      }
    });

    it('defaults Accept-Language to en', async function () {
      await client().user();
      assert.equal(sim.requests[0].headers['accept-language'], 'en');
    });
  });

  describe('task list', function () {
    let jp1ao: Jp1aoClient;
    beforeEach(async function () {
      jp1ao = await signedInClient();
    });

    function time(task: Jp1aoTask): number {
      return Date.parse(String(task.submitTime).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    }

    it('pages with HQL::offset and HQL::limit and reports the total count', async function () {
      const all = await jp1ao.listTasks({ limit: 1000 });
      assert.equal(all.count, sim.tasks().length);
      assert.equal(all.tasks.length, sim.tasks().length);
      const page = await jp1ao.listTasks({ offset: 5, limit: 5 });
      assert.equal(page.count, all.count);
      assert.deepEqual(
        page.tasks.map((task) => task.instanceID),
        all.tasks.slice(5, 10).map((task) => task.instanceID),
      );
      const query = sim.requests[1].query;
      assert.equal(query['HQL::offset'], '5');
      assert.equal(query['HQL::limit'], '5');
    });

    it('sorts by submitTime DESC unless told otherwise', async function () {
      const newestFirst = await jp1ao.listTasks({ limit: 1000 });
      assert.equal(sim.requests[0].query['HQL::sortBy'], 'submitTime DESC');
      const times = newestFirst.tasks.map(time);
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      const oldestFirst = await jp1ao.listTasks({ limit: 1000, sortBy: 'submitTime ASC' });
      assert.equal(sim.requests[1].query['HQL::sortBy'], 'submitTime ASC');
      const ascending = oldestFirst.tasks.map(time);
      assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
      assert.notDeepEqual(ascending, times);
    });

    it('searches with q', async function () {
      const wanted = anyTask((task) => typeof task.name === 'string' && task.name.length > 0);
      const q = String(wanted.name);
      const found = await jp1ao.listTasks({ q, limit: 1000 });
      assert.equal(sim.requests[0].query.q, q);
      assert.ok(found.tasks.some((task) => task.instanceID === wanted.instanceID), 'the task named is found');
      assert.ok(found.count < sim.tasks().length, 'q narrows the list');
      assert.equal(found.count, found.tasks.length);
    });

    it('filters by statuses with a quoted HQL::filter', async function () {
      const [a, b] = sim.tasks();
      sim.setTaskStatus(a.instanceID, 'holding');
      sim.setTaskStatus(b.instanceID, 'abnormalDetection');
      const found = await jp1ao.listTasks({ statuses: ['holding', 'abnormalDetection'], limit: 1000 });
      assert.equal(sim.requests[0].query['HQL::filter'], "status in ['holding','abnormalDetection']");
      const ids = found.tasks.map((task) => task.instanceID);
      assert.ok(ids.includes(a.instanceID) && ids.includes(b.instanceID));
      for (const task of found.tasks) assert.ok(['holding', 'abnormalDetection'].includes(String(task.status)), String(task.status));
      assert.equal(found.count, sim.tasks().filter((task) => ['holding', 'abnormalDetection'].includes(task.status)).length);
    });

    it('escapes quotes inside HQL strings', function () {
      assert.equal(jp1aoStatusFilter(["it's", 'failed']), "status in ['it''s','failed']");
      assert.equal(jp1aoStatusFilter([]), undefined);
    });
  });

  describe('one task', function () {
    let jp1ao: Jp1aoClient;
    beforeEach(async function () {
      jp1ao = await signedInClient();
    });

    it('gets a task by id', async function () {
      const wanted = anyTask();
      const task = await jp1ao.getTask(wanted.instanceID);
      assert.equal(task.instanceID, wanted.instanceID);
      assert.equal(task.name, wanted.name);
      assert.equal(sim.requests[0].path, `${tasksPath}/${wanted.instanceID}`);
    });

    it('reports a missing task as notFound, "not found or no permission"', async function () {
      const error = await rejection(jp1ao.getTask(987654321), 'notFound');
      assert.equal(error.status, 404);
      assert.match(error.message, /not found or .*no permission/);
      assert.match(error.message, /987654321/);
    });

    it('refuses an id that is not one before sending anything', async function () {
      await rejection(jp1ao.getTask('../user'), 'invalidInput');
      assert.equal(sim.requests.length, 0);
    });

    it('updateTask sends exactly {notes, toDo} and returns the new modifyTime', async function () {
      const task = anyTask();
      const before = sim.task(task.instanceID).modifyTime;
      await sleep(5);
      const notes = `checked by ops ${Date.now()} — 日本語`;
      const updated = await jp1ao.updateTask(task.instanceID, { notes, toDo: true });
      assert.deepEqual(sim.requests[0].body, { notes, toDo: true });
      assert.equal(sim.requests[0].method, 'PUT');
      assert.equal(sim.requests[0].path, `${tasksPath}/${task.instanceID}`);
      assert.equal(updated.notes, notes);
      assert.equal(updated.toDo, true);
      assert.notEqual(updated.modifyTime, before);
      assert.equal(updated.modifyTime, sim.task(task.instanceID).modifyTime);
    });

    it('updateTask accepts notes at the limit and refuses longer notes with the server text', async function () {
      const task = anyTask();
      await jp1ao.updateTask(task.instanceID, { notes: 'n'.repeat(1024), toDo: false });
      const error = await rejection(jp1ao.updateTask(task.instanceID, { notes: 'x'.repeat(1025), toDo: false }), 'badRequest');
      assert.equal(error.status, 400);
      assert.ok(error.serverMessage, 'the server message is carried');
      assert.ok(error.message.includes(error.serverMessage), 'and shown');
      assert.ok(error.messageId, 'the message id is carried');
      assert.equal(sim.task(task.instanceID).notes, 'n'.repeat(1024));
    });

    it('updateTask by a user who may only read is forbidden', async function () {
      const viewer = new Jp1aoClient(http, async () => sim.viewer);
      const error = await rejection(viewer.updateTask(anyTask().instanceID, { notes: 'no', toDo: false }), 'forbidden');
      assert.equal(error.status, 403);
    });
  });

  describe('operations', function () {
    let jp1ao: Jp1aoClient;
    beforeEach(async function () {
      jp1ao = await signedInClient();
    });

    const operations = [
      { action: 'stop', invoke: (c: Jp1aoClient, id: string | number) => c.stop(id), allowed: 'inProgress', refused: 'completed' },
      { action: 'forceStop', invoke: (c: Jp1aoClient, id: string | number) => c.forceStop(id), allowed: 'abnormalDetection', refused: 'waiting' },
      { action: 'rerunStart', invoke: (c: Jp1aoClient, id: string | number) => c.rerunStart(id), allowed: 'failed', refused: 'inProgress' },
      { action: 'rerunStepStart', invoke: (c: Jp1aoClient, id: string | number) => c.rerunStepStart(id), allowed: 'failed', refused: 'completed' },
      { action: 'archive', invoke: (c: Jp1aoClient, id: string | number) => c.archive(id), allowed: 'completed', refused: 'inProgress' },
    ] as const;

    for (const { action, invoke, allowed, refused } of operations) {
      it(`${action}: GETs the template and POSTs it to …/actions/${action}/invoke`, async function () {
        const id = anyTask().instanceID;
        sim.setTaskStatus(id, allowed);
        sim.clearRequests();
        const result = await invoke(jp1ao, id);
        assert.equal(typeof result, 'object');
        const actionPath = `${tasksPath}/${id}/actions/${action}`;
        assert.deepEqual(
          sim.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
          [`GET ${actionPath} 200`, `POST ${actionPath}/invoke 200`],
        );
        const posted = sim.requests[1].body as Record<string, unknown>;
        assert.equal(posted.name, action);
        assert.equal(posted.method, 'POST');
        assert.ok(Array.isArray(posted.parameters));
        const after = sim.task(id);
        if (action === 'archive') assert.equal(after, undefined, 'an archived task leaves the task list');
        else assert.notEqual(after.status, allowed, 'the task moved on');
      });

      it(`${action}: a task in status ${refused} gives conflict with the server's message and id`, async function () {
        const id = anyTask().instanceID;
        sim.setTaskStatus(id, refused);
        const error = await rejection(invoke(jp1ao, id), 'conflict');
        assert.equal(error.status, 409);
        assert.ok(error.serverMessage && error.messageId, 'message and messageID are carried');
        assert.ok(error.message.includes(error.serverMessage) && error.message.includes(error.messageId));
        assert.equal(sim.task(id).status, refused);
      });
    }

    const usedSchedules = new Set<string>();

    /** A task alone in a schedule no other test has touched (a canceled schedule stays canceled). */
    function taskWithOwnSchedule(): Jp1aoTask & { scheduleID: string | number } {
      const tasks = sim.tasks();
      const scheduleOf = (task: Jp1aoTask) => (task.scheduleID === undefined || task.scheduleID === null ? undefined : String(task.scheduleID));
      const task = tasks.find((candidate) => {
        const schedule = scheduleOf(candidate);
        return schedule !== undefined && !usedSchedules.has(schedule) && tasks.filter((other) => scheduleOf(other) === schedule).length === 1;
      });
      assert.ok(task, 'the simulator has a task with a schedule of its own');
      usedSchedules.add(String(task.scheduleID));
      return task as Jp1aoTask & { scheduleID: string | number };
    }

    it('cancelSchedule cancels a waiting scheduled task, and again answers success', async function () {
      const task = taskWithOwnSchedule();
      sim.setTaskStatus(task.instanceID, 'waiting');
      sim.clearRequests();
      await jp1ao.cancelSchedule(task.scheduleID);
      const invoke = sim.requests.find((request) => request.method === 'POST');
      assert.equal(invoke?.path, `/Automation/v1/objects/Schedules/${task.scheduleID}/actions/cancel/invoke`);
      assert.equal((invoke?.body as Record<string, unknown>).name, 'cancel');
      assert.equal(sim.task(task.instanceID).status, 'canceled');
      await jp1ao.cancelSchedule(task.scheduleID);
    });

    it('cancelSchedule of a running task gives conflict', async function () {
      const task = taskWithOwnSchedule();
      sim.setTaskStatus(task.instanceID, 'inProgress');
      const error = await rejection(jp1ao.cancelSchedule(task.scheduleID), 'conflict');
      assert.ok(error.messageId);
      assert.equal(sim.task(task.instanceID).status, 'inProgress');
    });
  });

  describe('server information and details', function () {
    let jp1ao: Jp1aoClient;
    beforeEach(async function () {
      jp1ao = await signedInClient();
    });

    it('version() reads /Automation/v1/configuration/version', async function () {
      const version = await jp1ao.version();
      assert.equal(sim.requests[0].path, '/Automation/v1/configuration/version');
      assert.equal(typeof version.productName, 'string');
      assert.equal(typeof version.productVersion, 'string');
      assert.equal(typeof version.apiVersion, 'string');
    });

    it('user() reads /Automation/v1/user for the signed-in user', async function () {
      const user = await jp1ao.user();
      assert.equal(sim.requests[0].path, '/Automation/v1/user');
      assert.ok(JSON.stringify(user).includes(sim.username), 'the answer names the user');
    });

    it('propertyValues() lists the inputs and outputs of a task', async function () {
      const id = anyTask().instanceID;
      const values = await jp1ao.propertyValues(id);
      assert.ok(Array.isArray(values));
      assert.equal(sim.requests[0].path, '/Automation/v1/objects/PropertyValues');
      assert.equal(sim.requests[0].query.taskID, String(id));
    });

    it('taskLog() returns the lines of the task log', async function () {
      const id = anyTask().instanceID;
      const lines = await jp1ao.taskLog(id, { offset: 0, readSize: 4096, reverse: true });
      assert.ok(lines.length > 0, 'the log has lines');
      for (const line of lines) assert.equal(typeof line, 'string');
      const query = sim.requests[0].query;
      assert.equal(sim.requests[0].path, '/Automation/v1/objects/TaskLogs');
      assert.equal(query.taskID, String(id));
      assert.equal(query.offset, '0');
      assert.equal(query.readSize, '4096');
      assert.ok('reverse' in query);
    });
  });

  describe('failures', function () {
    let jp1ao: Jp1aoClient;
    beforeEach(async function () {
      jp1ao = await signedInClient();
    });

    it('412 means the server is not available', async function () {
      sim.faults.unavailable = true;
      const error = await rejection(jp1ao.listTasks(), 'unavailable');
      assert.equal(error.status, 412);
      assert.match(error.message, /not available/);
    });

    it('5xx is a server error carrying the message id', async function () {
      sim.faults.failNext = { status: 500, count: 1 };
      const error = await rejection(jp1ao.getTask(anyTask().instanceID), 'server');
      assert.equal(error.status, 500);
      assert.ok(error.messageId);
    });

    for (const body of ['html', 'text', 'truncated'] as const) {
      it(`a 2xx ${body} body is a badResponse, shown without markup`, async function () {
        sim.faults.body = body;
        const error = await rejection(jp1ao.listTasks(), 'badResponse');
        assert.ok(!/<[a-z!/]/i.test(error.message), 'no markup in the message');
      });
    }

    it('a 2xx html body on an operation is a badResponse too', async function () {
      const id = anyTask().instanceID;
      sim.setTaskStatus(id, 'inProgress');
      sim.faults.body = 'html';
      await rejection(jp1ao.stop(id), 'badResponse');
    });
  });
});
