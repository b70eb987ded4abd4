// The clients against the simulators playing each way a real server may differ from the project's
// reading of the manuals (docs/api/lxca.md and docs/api/jp1ao.md, "Variants").
import { strict as assert } from 'node:assert';
import { HttpClient } from '../../src/api/http';
import { parseJp1aoTime } from '../../src/api/jp1ao/dates';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { pageOf } from '../../src/api/jp1ao/paging';
import type { Jp1aoClientOptions } from '../../src/api/jp1ao/types';
import { maxJobDepth } from '../../src/api/lxca/assumptions';
import { LxcaClient } from '../../src/api/lxca/client';
import { parseJobList } from '../../src/api/lxca/jobs';
import type { LxcaJob } from '../../src/api/lxca/types';
import { startJp1aoSimulator, startLxcaSimulator } from '../../src/simulator';
import type { Jp1aoSimulator, LxcaSimulator, SimulatorOptions } from '../../src/simulator/types';
import * as api from '../../src/api';
import { toJp1aoTask } from '../../src/tasks/jp1aoMapping';
import { toLxcaTask } from '../../src/tasks/lxcaMapping';
import { rejectsWith } from '../support/apiErrors';

const tasksPath = '/Automation/v1/objects/Tasks';

describe('server variants', function () {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async function () {
    await Promise.all(running.splice(0).map((item) => item.close()));
  });

  async function lxca(variants: SimulatorOptions['variants'] = {}): Promise<{ sim: LxcaSimulator; client: LxcaClient }> {
    const sim = await startLxcaSimulator({ size: 12, newItemEveryMs: 0, variants });
    const http = new HttpClient({ baseUrl: sim.url });
    running.push(sim, http);
    return { sim, client: new LxcaClient(http, async () => ({ username: sim.username, password: sim.password })) };
  }

  async function jp1ao(variants: SimulatorOptions['variants'] = {}, options: Jp1aoClientOptions = {}) {
    const sim: Jp1aoSimulator = await startJp1aoSimulator({ size: 30, newItemEveryMs: 0, variants });
    const http = new HttpClient({ baseUrl: sim.url });
    running.push(sim, http);
    return { sim, client: new Jp1aoClient(http, async () => ({ username: sim.username, password: sim.password }), options) };
  }

  const flatten = (jobs: readonly LxcaJob[]): LxcaJob[] => jobs.flatMap((job) => [job, ...flatten(job.children)]);

  describe('LXCA job shape (1)', function () {
    for (const shape of ['tasks', 'jobs'] as const) {
      it(`reads status, percentage, id, cancelability and subtasks in the ${shape} shape`, async function () {
        const { sim, client } = await lxca({ lxcaJobShape: shape });
        const id = sim.addJob({ name: 'Nested', children: [{ name: 'Step 1' }, { name: 'Step 2', children: [{ name: 'Step 2a' }] }] });
        sim.setJobStatus(id, 'Running', 40);
        const raw = sim.job(id);
        if (shape === 'jobs') {
          assert.equal(raw.jobUID, undefined, 'the jobs shape has no jobUID');
          assert.equal(typeof raw.status, 'object', 'the jobs shape nests the state');
          assert.equal(raw.isCancelable, true);
        } else assert.equal(typeof raw.status, 'string');

        const [job] = await client.getJobs([id]);
        assert.equal(job.jobUID, id);
        assert.equal(job.status, 'Running');
        assert.equal(job.percentage, 40);
        assert.equal(job.cancelable, true);
        assert.deepEqual(flatten([job]).map((j) => j.name), ['Nested', 'Step 1', 'Step 2', 'Step 2a']);
        if (shape === 'jobs') assert.equal(job.cancelURI, `/tasks/${id}`);

        await client.cancelJobs([job], { expirationTimeOut: 60 });
        const [after] = await client.getJobs([id]);
        assert.equal(after.status, 'Cancelled');
        assert.equal(after.cancelable, false);
      });
    }

    it('lists every seeded job in the jobs shape with a status, none as unknown', async function () {
      const { client } = await lxca({ lxcaJobShape: 'jobs' });
      const jobs = flatten(await client.listJobs());
      assert.ok(jobs.length >= 12);
      assert.ok(jobs.every((job) => typeof job.status === 'string' && job.status !== ''), 'every job has a status');
      assert.ok(jobs.some((job) => job.status === 'Stopped_With_Error'));
    });

    it('cuts a nesting deeper than the cap and says how many levels were dropped, without overflowing the stack', function () {
      const levels = 5_000;
      let job: Record<string, unknown> = { jobUID: String(levels), status: 'Running' };
      for (let i = levels - 1; i >= 1; i--) job = { jobUID: String(i), status: 'Running', children: [job] };
      const [root] = parseJobList([job]);
      const kept = flatten([root]);
      assert.equal(kept.length, maxJobDepth);
      assert.equal(kept[kept.length - 1].droppedLevels, levels - maxJobDepth);
      assert.ok(kept.slice(0, -1).every((j) => j.droppedLevels === undefined));
    });

    it('newest first is really newest: seeded ids grow with the start time', async function () {
      const { sim } = await lxca();
      const starts = sim
        .jobs()
        .map((job) => ({ id: Number(job.jobUID), start: job.startTime ? Date.parse(job.startTime) : Number.POSITIVE_INFINITY }))
        .sort((a, b) => a.id - b.id);
      for (let i = 1; i < starts.length; i++) assert.ok(starts[i - 1].start <= starts[i].start, `job ${starts[i].id} starts after job ${starts[i - 1].id}`);
      assert.ok(sim.jobs().some((job) => job.status === 'Running'), 'the seed has running jobs');
    });
  });

  describe('LXCA statuses we do not know (2)', function () {
    for (const status of ['Waiting_For_Reboot', 'Suspended']) {
      it(`shows ${status} as received and offers Cancel while the job is unfinished; the server decides`, async function () {
        const { sim, client } = await lxca();
        const id = sim.addJob({ name: 'Firmware update' });
        sim.setJobStatus(id, status, 60);
        const [job] = await client.getJobs([id]);
        const task = toLxcaTask(api, 'lab', job);
        assert.equal(task.category, 'unknown');
        assert.equal(task.statusLabel, status);
        assert.deepEqual(task.operations, ['cancel', 'cancelWithCallback']);
        await client.cancelJobs([job], { expirationTimeOut: 60 });
        assert.equal(sim.job(id).status, 'Cancelled');
      });
    }
  });

  describe('LXCA sign-in (3)', function () {
    for (const status of [400, 401, 403] as const) {
      it(`a sign-in refused with ${status} reads as a wrong user name or password, keeping the server's message`, async function () {
        const { sim } = await lxca({ lxcaLoginFailure: status });
        const http = new HttpClient({ baseUrl: sim.url });
        running.push(http);
        const wrong = new LxcaClient(http, async () => ({ username: sim.username, password: 'not the password' }));
        const error = await rejectsWith(wrong.listJobs(), 'auth');
        assert.match(error.message, /wrong user name or password/);
        assert.equal(error.status, status);
        assert.equal(error.serverMessage, 'The user name or password is not valid.');
        assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`), [`POST /sessions ${status}`]);
      });
    }

    it('takes the CSRF token from the login body when no csrf cookie comes', async function () {
      const { sim, client } = await lxca({ lxcaCsrfIn: 'body' });
      const jobs = await client.listJobs();
      assert.ok(jobs.length > 0);
      const [login, list] = sim.requests;
      assert.ok(!String(login.headers['set-cookie'] ?? '').includes('csrf='));
      assert.equal(list.status, 200);
      assert.ok(list.headers['x-csrf-token'], 'the token was sent');
    });

    it('with the csrf cookie (the default) sends the cookie value as X-Csrf-Token', async function () {
      const { sim, client } = await lxca();
      await client.listJobs();
      const list = sim.requests[1];
      assert.match(String(list.headers.cookie), new RegExp(`csrf=${String(list.headers['x-csrf-token'])}`));
    });
  });

  describe('LXCA ids in paths (4)', function () {
    it('GET and PUT /tasks/{job_list} arrive as 10,11,12 on the wire, never %2C', async function () {
      const { sim, client } = await lxca();
      const ids = ['10', '11', '12'];
      for (const id of ids) sim.setJobStatus(id, 'Running', 5);
      await client.getJobs(ids);
      await client.cancelWithCallback(ids, { cancelRESTMethod: 'DELETE', cancelURL: '/cancel/me', expirationTimeOut: 60 });
      const targets = sim.requests.filter((r) => r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.target} ${r.status}`);
      assert.deepEqual(targets, ['GET /tasks/10,11,12 200', 'PUT /tasks/10,11,12 200']);
      assert.ok(ids.every((id) => sim.job(id).status === 'Cancelled'));
    });
  });

  describe('JP1/AO paging (5)', function () {
    for (const paging of ['limit', 'ignore'] as const) {
      it(`with a server that ${paging === 'limit' ? 'honours' : 'ignores'} HQL::limit, one page and the right total`, async function () {
        const { sim, client } = await jp1ao({ jp1aoPaging: paging });
        const all = await client.listTasks();
        const page = await client.listTasks({ offset: 5, limit: 7 });
        assert.equal(page.count, sim.tasks().length);
        assert.deepEqual(
          page.tasks.map((task) => task.instanceID),
          all.tasks.slice(5, 12).map((task) => task.instanceID),
        );
        const answered = (sim.requests.at(-1)?.query ?? {})['HQL::limit'];
        assert.equal(answered, '7', 'the page size was asked for');
      });
    }

    it('slices the page itself whether the server honoured HQL::offset or answered every task', function () {
      const all = Array.from({ length: 30 }, (_, i) => i);
      assert.deepEqual(pageOf(all.slice(5), 30, 5, 7), [5, 6, 7, 8, 9, 10, 11], 'offset honoured, limit ignored');
      assert.deepEqual(pageOf(all, 30, 5, 7), [5, 6, 7, 8, 9, 10, 11], 'both ignored');
      assert.deepEqual(pageOf(all.slice(5, 12), 30, 5, 7), [5, 6, 7, 8, 9, 10, 11], 'both honoured');
    });

    it('with a server that refuses HQL::limit, falls back to unpaged lists for good and says so once', async function () {
      const notices: string[] = [];
      const { sim, client } = await jp1ao({ jp1aoPaging: 'reject' }, { onNotice: (message) => notices.push(message) });
      const first = await client.listTasks({ offset: 0, limit: 10 });
      const second = await client.listTasks({ offset: 10, limit: 10 });
      const all = await client.listTasks();
      assert.equal(first.count, sim.tasks().length);
      assert.deepEqual(
        [...first.tasks, ...second.tasks].map((task) => task.instanceID),
        all.tasks.slice(0, 20).map((task) => task.instanceID),
      );
      const lists = sim.requests.filter((r) => r.path === tasksPath);
      assert.deepEqual(
        lists.map((r) => `${r.status} ${r.query['HQL::limit'] ?? '-'}`),
        ['400 10', '200 -', '200 -', '200 -'],
        'asked with the page size once, then never again',
      );
      assert.equal(notices.length, 1);
      assert.match(notices[0], /HQL::limit/);
    });
  });

  describe('JP1/AO invoke results and templates (6)', function () {
    for (const shape of ['standard', 'reference'] as const) {
      it(`reads the ${shape} invoke result and posts the rerunStepStart template back as received`, async function () {
        const { sim, client } = await jp1ao({ jp1aoInvokeShape: shape });
        const task = sim.tasks().find((t) => String(t.supportedActionType).includes('retry'));
        assert.ok(task, 'a task whose service supports retry');
        sim.setTaskStatus(task.instanceID, 'failed');
        sim.clearRequests();
        const result = await client.rerunStepStart(task.instanceID);
        assert.equal(typeof result.instanceID, 'number', 'the id is read from either spelling');
        if (shape === 'reference') {
          assert.equal(result.instanceId, result.instanceID);
          assert.equal(result.result, 'success');
          assert.equal(typeof result.resultType, 'string');
        }
        const [template, invoke] = sim.requests;
        assert.equal(invoke.path, `${tasksPath}/${task.instanceID}/actions/rerunStepStart/invoke`);
        assert.equal(invoke.status, 200);
        assert.equal(template.path, `${tasksPath}/${task.instanceID}/actions/rerunStepStart`);
        const posted = invoke.body as { name: string; href: string };
        assert.equal(posted.name, shape === 'reference' ? 'rerunStart' : 'rerunStepStart', 'the name as the template gave it');
        assert.match(posted.href, /\/actions\/rerunStepStart\/invoke$/, 'the href as the template gave it');
        assert.equal(sim.task(task.instanceID).status, 'inProgress');
      });
    }
  });

  describe('JP1/AO operations by state (6)', function () {
    it('offers no Force Stop while terminating, which the server refuses with 409', async function () {
      const { sim, client } = await jp1ao();
      const id = sim.tasks().find((task) => task.status === 'inProgress').instanceID;
      sim.setTaskStatus(id, 'terminating');
      const task = toJp1aoTask(api, 'ao', await client.getTask(id));
      assert.ok(!task.operations.includes('forceStop'));
      await rejectsWith(client.forceStop(id), 'conflict');
    });
  });

  describe('JP1/AO statuses (8)', function () {
    it('matches a status in another casing and shows an unknown one as received with what supportedActionType names', async function () {
      const { sim, client } = await jp1ao();
      const [first, second] = sim.tasks().filter((task) => task.status === 'inProgress');
      sim.setTaskStatus(first.instanceID, 'IN_PROGRESS');
      sim.setTaskStatus(second.instanceID, 'paused');
      const shouting = toJp1aoTask(api, 'ao', await client.getTask(first.instanceID));
      assert.equal(shouting.category, 'running');
      assert.ok(shouting.operations.includes('stop'));
      const raw = await client.getTask(second.instanceID);
      const unknown = toJp1aoTask(api, 'ao', raw);
      assert.equal(unknown.category, 'unknown');
      assert.equal(unknown.statusLabel, 'paused');
      const named = String(raw.supportedActionType ?? '').toLowerCase();
      assert.equal(unknown.operations.includes('forceStop'), named.includes('forciblystop'));
      assert.equal(unknown.operations.includes('retry'), /(^|,)\s*retry\s*(,|$)/.test(named));
    });
  });

  describe('JP1/AO time stamps (7)', function () {
    /** The instant of `yyyy-mm-ddThh:mm:ss.mmm` in JST, worked out without the client's parser. */
    const jstInstant = (text: string) => Date.parse(`${text.slice(0, 23)}Z`) - 9 * 3_600_000;

    for (const [offset, suffix] of [['plain', /\+0900$/], ['colon', /\+09:00$/]] as const) {
      it(`parses the ${offset} offset (${suffix.source.replace(/\\/g, '').replace('$', '')}) to the right instant`, async function () {
        const { client } = await jp1ao({ jp1aoTimeOffset: offset });
        const { tasks } = await client.listTasks({ limit: 5 });
        assert.equal(tasks.length, 5);
        for (const task of tasks) {
          const text = String(task.submitTime);
          assert.match(text, suffix);
          assert.equal(parseJp1aoTime(text), jstInstant(text), text);
        }
      });
    }
  });
});
