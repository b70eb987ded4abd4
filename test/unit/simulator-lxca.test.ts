// The fake LXCA, checked with raw HTTP requests written from docs/api/lxca.md.
import { strict as assert } from 'node:assert';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator';
import { basic, rawRequest, type RawRequest, type RawResponse, setCookies } from '../support/rawHttp';
import { sleep } from '../support/wait';
import { itemsAfterLiveStart } from '../support/liveItems';

const KNOWN_STATUSES = ['Pending', 'Running', 'Complete', 'CompleteWithErrors', 'Cancelled', 'Running_With_Errors', 'Cancelled_With_Errors', 'Stopped_With_Error', 'Interrupted'];

function assertLxcaError(response: RawResponse, status: number, text?: RegExp): any {
  assert.equal(response.status, status, response.text);
  const body = response.json();
  assert.equal(body.result, 'failed');
  assert.ok(Array.isArray(body.messages) && body.messages.length > 0);
  const [message] = body.messages;
  assert.match(message.id, /^FQXHM[A-Z]{2}\d{4}E$/);
  assert.equal(typeof message.text, 'string');
  assert.equal(typeof message.explanation, 'string');
  assert.ok(message.recovery, 'recovery present');
  if (text) assert.match(message.text, text);
  return message;
}

describe('LXCA simulator', () => {
  let sim: LxcaSimulator;
  let session: Record<string, string>;

  const call = (path: string, request: RawRequest = {}) =>
    rawRequest(sim.url + path, { ...request, headers: { ...session, ...request.headers } });
  const asAdmin = (path: string, request: RawRequest = {}) =>
    rawRequest(sim.url + path, { ...request, headers: { Authorization: basic(sim.username, sim.password), ...request.headers } });

  async function login(username = sim.username, password = sim.password): Promise<Record<string, string>> {
    const response = await rawRequest(`${sim.url}/sessions`, { method: 'POST', body: { UserId: username, password } });
    assert.equal(response.status, 200, response.text);
    const cookies = setCookies(response);
    return { Cookie: `JSESSIONID=${cookies.JSESSIONID}; csrf=${cookies.csrf}`, 'X-Csrf-Token': cookies.csrf };
  }

  /** A fresh job that keeps running for a minute. */
  const runningJob = () => sim.addJob({ name: 'test job', createdBy: 'test', runForMs: 60_000 });

  before(async () => {
    sim = await startLxcaSimulator({ size: 60, seed: 7, newItemEveryMs: 0 });
    session = await login();
  });
  after(() => sim.close());
  afterEach(() => {
    sim.faults.latencyMs = 0;
    sim.faults.unavailable = false;
    sim.faults.dropConnections = false;
    sim.faults.failNext = undefined;
    sim.faults.body = undefined;
  });

  describe('sessions', () => {
    it('POST /sessions answers 200 with JSESSIONID and csrf cookies and the session body', async () => {
      const response = await rawRequest(`${sim.url}/sessions`, { method: 'POST', body: { UserId: 'admin', password: sim.password } });
      assert.equal(response.status, 200);
      const cookies = setCookies(response);
      assert.match(cookies.JSESSIONID, /^\w{16,}$/);
      assert.ok(cookies.csrf.length >= 16);
      const body = response.json();
      assert.equal(body.pwChangeRequired, false);
      assert.equal(typeof body.session, 'object');
      assert.equal(body.session.UserId, 'admin');
    });

    it('a wrong password answers 401 with the error body; a body without UserId answers 400', async () => {
      assertLxcaError(await rawRequest(`${sim.url}/sessions`, { method: 'POST', body: { UserId: 'admin', password: 'nope' } }), 401);
      assertLxcaError(await rawRequest(`${sim.url}/sessions`, { method: 'POST', body: { password: sim.password } }), 400);
    });

    it('a call needs the session cookie (401) and X-Csrf-Token equal to the csrf cookie (403)', async () => {
      assertLxcaError(await rawRequest(`${sim.url}/tasks`), 401);
      const own = await login();
      const noToken = { Cookie: own.Cookie };
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: noToken }), 403, /CSRF/);
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: { ...noToken, 'X-Csrf-Token': 'wrong' } }), 403);
      const jsessionOnly = own.Cookie.split(';')[0];
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: { Cookie: `${jsessionOnly}; csrf=forged`, 'X-Csrf-Token': 'forged' } }), 403, /CSRF/);
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: { Cookie: jsessionOnly } }), 403);
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: { Cookie: 'JSESSIONID=unknown', 'X-Csrf-Token': own['X-Csrf-Token'] } }), 401);
      assert.equal((await rawRequest(`${sim.url}/tasks`, { headers: own })).status, 200);
    });

    it('accepts X-NOT-USER-INPUT: checkSession', async () => {
      assert.equal((await call('/tasks?compact=true', { headers: { 'X-NOT-USER-INPUT': 'checkSession' } })).status, 200);
    });

    it('Basic authorization works on any call; wrong Basic credentials answer 401', async () => {
      assert.equal((await asAdmin('/tasks')).status, 200);
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: { Authorization: basic('admin', 'wrong') } }), 401);
    });

    it('DELETE /sessions logs out (success body), after which the cookie answers 401', async () => {
      const own = await login();
      const response = await rawRequest(`${sim.url}/sessions`, { method: 'DELETE', headers: own });
      assert.equal(response.status, 200);
      assert.equal(response.json().result, 'success');
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: own }), 401);
    });

    it('expireSessions() makes every session answer 401', async () => {
      const own = await login();
      sim.expireSessions();
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { headers: own }), 401);
      session = await login();
    });
  });

  describe('listing jobs', () => {
    it('GET /tasks answers an array of jobs with the documented fields and nested children', async () => {
      const response = await call('/tasks');
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /application\/json/);
      const jobs: any[] = response.json();
      assert.ok(jobs.length >= 60);
      const all: any[] = [];
      const walk = (job: any, depth: number) => {
        all.push({ ...job, depth });
        assert.match(job.jobUID, /^\d+$/);
        assert.equal(typeof job.status, 'string');
        assert.ok(job.percentage >= 0 && job.percentage <= 100);
        assert.ok(Array.isArray(job.children));
        job.children.forEach((child: any) => walk(child, depth + 1));
      };
      jobs.forEach((job) => walk(job, 0));
      const statuses = new Set(all.map((job) => job.status));
      for (const status of KNOWN_STATUSES) assert.ok(statuses.has(status), `status ${status} present`);
      assert.ok([...statuses].some((s) => !KNOWN_STATUSES.includes(s)), 'an unknown status string is present');
      assert.ok(all.some((job) => job.depth === 2), 'subtasks nest two levels');
      assert.ok(jobs.some((job) => typeof job.name === 'string'));
      const formatted = jobs.find((job) => Array.isArray(job.name));
      assert.ok(formatted, 'a formatted-text name');
      assert.ok(formatted.name.every((part: any) => typeof part.text === 'string' && Array.isArray(part.format)));
      assert.ok(jobs.some((job) => job.cancelURL && job.cancelRESTMethod));
      assert.ok(jobs.some((job) => job.cancelRESTMethod === 'PUT' && typeof job.cancelRESTBody === 'object'));
      assert.ok(jobs.every((job) => typeof job.createdBy === 'string'));
      assert.ok(jobs.filter((job) => job.endTime).every((job) => !Number.isNaN(Date.parse(job.endTime))));
    });

    it('?compact=true leaves the children out', async () => {
      const jobs: any[] = (await call('/tasks?compact=true')).json();
      assert.ok(jobs.length > 0);
      assert.ok(jobs.every((job) => !('children' in job)));
    });

    it('GET /tasks/{id,id} answers the listed jobs; 404 when one is missing; 400 for a malformed list', async () => {
      const response = await call('/tasks/1,3');
      assert.equal(response.status, 200);
      assert.deepEqual(response.json().map((job: any) => job.jobUID), ['1', '3']);
      assert.equal((await call('/tasks/2')).json().length, 1);
      assertLxcaError(await call('/tasks/1,999999'), 404, /999999/);
      assertLxcaError(await call('/tasks/1,abc'), 400);
    });

    it('running jobs progress from the clock and finish', async () => {
      const id = sim.addJob({ name: 'short', runForMs: 400 });
      const first = (await call(`/tasks/${id}`)).json()[0];
      assert.equal(first.status, 'Running');
      assert.ok(first.percentage < 100);
      await sleep(450);
      const later = (await call(`/tasks/${id}`)).json()[0];
      assert.equal(later.status, 'Complete');
      assert.equal(later.percentage, 100);
      assert.ok(later.endTime);
    });

    it('new running jobs appear over time (newItemEveryMs)', async () => {
      const jobs = await itemsAfterLiveStart(startLxcaSimulator, (live) => live.jobs());
      assert.ok(jobs.length >= 5, `${jobs.length} jobs`);
      assert.equal(jobs[jobs.length - 1].status, 'Running');
    });

    it('unknown paths answer 404 and known paths with another method 405, with the error body', async () => {
      assertLxcaError(await call('/nothing'), 404);
      assertLxcaError(await call('/tasks', { method: 'PATCH' }), 405);
    });
  });

  describe('PUT /tasks (plain cancel)', () => {
    it('cancels the listed running jobs: 200 without a body', async () => {
      const [a, b] = [runningJob(), runningJob()];
      const response = await call('/tasks', { method: 'PUT', body: { action: 'cancel', list: [a, b] } });
      assert.equal(response.status, 200);
      assert.equal(response.text, '');
      assert.equal(sim.job(a).status, 'Cancelled');
      assert.equal(sim.job(b).status, 'Cancelled');
    });

    it('cancels unfinished subtasks with their job', async () => {
      const id = sim.addJob({ name: 'parent', runForMs: 60_000, children: [{ name: 'one' }, { name: 'two' }] });
      assert.equal((await call('/tasks', { method: 'PUT', body: { action: 'cancel', list: [id] } })).status, 200);
      const job = sim.job(id);
      assert.equal(job.status, 'Cancelled');
      assert.ok(job.children.every((child: any) => child.status === 'Cancelled'));
    });

    it('answers 404 for an unknown ID and changes nothing', async () => {
      const id = runningJob();
      assertLxcaError(await call('/tasks', { method: 'PUT', body: { action: 'cancel', list: [id, '987654'] } }), 404, /987654/);
      assert.equal(sim.job(id).status, 'Running');
    });

    it('answers 400 "not running" for a finished job', async () => {
      const id = runningJob();
      sim.setJobStatus(id, 'Complete', 100);
      assertLxcaError(await call('/tasks', { method: 'PUT', body: { action: 'cancel', list: [id] } }), 400, /not running/);
      assert.equal(sim.job(id).status, 'Complete');
    });

    it('answers 400 for a bad body', async () => {
      const id = runningJob();
      for (const body of [{ list: [id] }, { action: 'stop', list: [id] }, { action: 'cancel', list: [] }, { action: 'cancel', list: [Number(id)] }, { action: 'cancel' }, ['cancel']]) {
        assertLxcaError(await call('/tasks', { method: 'PUT', body }), 400);
      }
      assertLxcaError(await call('/tasks', { method: 'PUT', body: '{"action": "cancel", ' }), 400);
      assert.equal(sim.job(id).status, 'Running');
    });

    it('answers 403 for a user without the privilege', async () => {
      const id = runningJob();
      const viewer = await login(sim.viewer.username, sim.viewer.password);
      assertLxcaError(await rawRequest(`${sim.url}/tasks`, { method: 'PUT', headers: viewer, body: { action: 'cancel', list: [id] } }), 403);
      assert.equal(sim.job(id).status, 'Running');
      assert.equal((await rawRequest(`${sim.url}/tasks/${id}`, { headers: viewer })).status, 200);
    });
  });

  describe('PUT /tasks/{job_list} (cancel callback)', () => {
    const valid = { cancelRESTMethod: 'PUT', cancelURL: '/updatableComponents?action=cancelApply&jobID=1', cancelRESTBody: { DeviceList: [] }, expirationTimeOut: 60 };
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['cancelRESTMethod missing', { ...valid, cancelRESTMethod: undefined }, /cancelRESTMethod is required/],
      ['cancelRESTMethod not in the enum', { ...valid, cancelRESTMethod: 'PATCH' }, /cancelRESTMethod must be one of GET, POST, PUT, DELETE/],
      ['cancelRESTMethod in lower case', { ...valid, cancelRESTMethod: 'put' }, /cancelRESTMethod/],
      ['cancelRESTMethod not a string', { ...valid, cancelRESTMethod: 1 }, /cancelRESTMethod/],
      ['cancelURL missing', { ...valid, cancelURL: undefined }, /cancelURL is required/],
      ['cancelURL not a string', { ...valid, cancelURL: 42 }, /cancelURL must be/],
      ['cancelURL empty', { ...valid, cancelURL: '' }, /cancelURL must be/],
      ['cancelRESTBody missing with PUT', { ...valid, cancelRESTBody: undefined }, /cancelRESTBody is required when cancelRESTMethod is PUT/],
      ['cancelRESTBody missing with POST', { ...valid, cancelRESTMethod: 'POST', cancelRESTBody: undefined }, /cancelRESTBody is required when cancelRESTMethod is POST/],
      ['cancelRESTBody an array', { ...valid, cancelRESTBody: [1] }, /cancelRESTBody must be a JSON object/],
      ['cancelRESTBody a string', { ...valid, cancelRESTBody: '{}' }, /cancelRESTBody must be a JSON object/],
      ['expirationTimeOut missing', { ...valid, expirationTimeOut: undefined }, /expirationTimeOut is required/],
      ['expirationTimeOut a string', { ...valid, expirationTimeOut: '60' }, /expirationTimeOut must be an integer/],
      ['expirationTimeOut fractional', { ...valid, expirationTimeOut: 1.5 }, /expirationTimeOut must be an integer/],
      ['expirationTimeOut -2', { ...valid, expirationTimeOut: -2 }, /-1 for never/],
      ['expirationTimeOut 0', { ...valid, expirationTimeOut: 0 }, /expirationTimeOut/],
    ];
    for (const [title, body, message] of cases) {
      it(`answers 400 when ${title}`, async () => {
        const id = runningJob();
        assertLxcaError(await call(`/tasks/${id}`, { method: 'PUT', body }), 400, message);
        assert.equal(sim.job(id).status, 'Running');
      });
    }

    it('cancels the jobs and records the callback (GET and DELETE need no body; -1 = never)', async () => {
      const [a, b] = [runningJob(), runningJob()];
      const body = { cancelRESTMethod: 'DELETE', cancelURL: '/hostPlatforms/deployments/1', expirationTimeOut: -1 };
      const response = await call(`/tasks/${a},${b}`, { method: 'PUT', body });
      assert.equal(response.status, 200, response.text);
      assert.equal(response.text, '');
      for (const id of [a, b]) {
        const job = sim.job(id);
        assert.equal(job.status, 'Cancelled');
        assert.equal(job.cancelURL, '/hostPlatforms/deployments/1');
        assert.equal(job.cancelRESTMethod, 'DELETE');
      }
      const c = runningJob();
      assert.equal((await call(`/tasks/${c}`, { method: 'PUT', body: valid })).status, 200);
      assert.deepEqual(sim.job(c).cancelRESTBody, { DeviceList: [] });
    });

    it('answers 404 when a listed job does not exist, and 400 when one has finished', async () => {
      const id = runningJob();
      assertLxcaError(await call(`/tasks/${id},123456`, { method: 'PUT', body: valid }), 404);
      sim.setJobStatus(id, 'Stopped_With_Error');
      assertLxcaError(await call(`/tasks/${id}`, { method: 'PUT', body: valid }), 400, /not running/);
    });

    it('takes the owner progress form {jobUID, percentage}', async () => {
      const id = sim.addJob({ name: 'owned' });
      assert.equal(sim.job(id).status, 'Pending');
      const response = await call(`/tasks/${id}`, { method: 'PUT', body: { jobUID: id, percentage: 50 } });
      assert.equal(response.status, 200, response.text);
      assert.equal(sim.job(id).percentage, 50);
      assert.equal(sim.job(id).status, 'Running');
      assert.equal((await call(`/tasks/${id}`, { method: 'PUT', body: { jobUID: id, percentage: 100, status: 'Complete' } })).status, 200);
      assert.equal(sim.job(id).status, 'Complete');
      assertLxcaError(await call(`/tasks/${id}`, { method: 'PUT', body: { jobUID: '1', percentage: 10 } }), 400, /jobUID/);
      assertLxcaError(await call(`/tasks/${id}`, { method: 'PUT', body: { jobUID: id, percentage: 101 } }), 400, /percentage/);
    });
  });

  describe('POST /tasks and DELETE /tasks/{job_list}', () => {
    it('creates a job with subtasks and answers the new IDs as strings', async () => {
      const response = await call('/tasks', { method: 'POST', body: { name: 'Created', createdBy: 'tester', args: ['x'], children: [{ name: 'child' }] } });
      assert.equal(response.status, 200, response.text);
      const ids = response.json();
      assert.equal(ids.length, 2);
      assert.ok(ids.every((id: unknown) => typeof id === 'string' && /^\d+$/.test(id)));
      assert.equal(Number(ids[1]), Number(ids[0]) + 1);
      const [job] = (await call(`/tasks/${ids[0]}`)).json();
      assert.equal(job.name, 'Created');
      assert.equal(job.createdBy, 'tester');
      assert.equal(job.children[0].jobUID, ids[1]);
    });

    it('answers [{customUid, uid}] when the subtasks carry customUid', async () => {
      const response = await call('/tasks', { method: 'POST', body: { name: 'P', children: [{ name: 'c1', customUid: 'D' }, { name: 'c2', customUid: 'E' }] } });
      assert.equal(response.status, 200);
      const answer = response.json();
      const withCustom = answer.filter((entry: any) => entry.customUid);
      assert.deepEqual(withCustom.map((entry: any) => entry.customUid), ['D', 'E']);
      assert.ok(answer.every((entry: any) => /^\d+$/.test(entry.uid)));
      assert.equal(sim.job(withCustom[0].uid).name, 'c1');
    });

    it('answers 400 for a template that is not an object or has bad members', async () => {
      for (const body of ['"text"', { name: 5 }, { children: 'x' }, { children: [3] }, { cancelURL: '/x' }, { cancelURL: '/x', cancelRESTMethod: 'POST' }]) {
        assertLxcaError(await call('/tasks', { method: 'POST', body }), 400);
      }
    });

    it('DELETE removes the listed jobs; 404 when one does not exist', async () => {
      const [a, b] = [runningJob(), runningJob()];
      const response = await call(`/tasks/${a},${b}`, { method: 'DELETE' });
      assert.equal(response.status, 200);
      assertLxcaError(await call(`/tasks/${a}`), 404);
      assert.equal(sim.job(b), undefined);
      assertLxcaError(await call(`/tasks/${a}`, { method: 'DELETE' }), 404);
    });
  });

  describe('error bodies', () => {
    it('recovery comes as an object and as an array, with URL and with url', async () => {
      const recoveries = [
        await rawRequest(`${sim.url}/tasks`),
        await rawRequest(`${sim.url}/tasks`, { headers: { Cookie: session.Cookie } }),
        await call('/tasks/424242'),
        await call('/tasks/1,x'),
        await call('/tasks', { method: 'PUT', body: {} }),
        await call('/tasks', { method: 'PUT', body: { action: 'x', list: ['1'] } }),
        await call('/tasks/1', { method: 'PUT', body: valid() }),
      ].map((response) => response.json().messages[0].recovery);
      const flat = recoveries.flatMap((r) => (Array.isArray(r) ? r : [r]));
      assert.ok(recoveries.some(Array.isArray), 'array form');
      assert.ok(recoveries.some((r) => !Array.isArray(r)), 'object form');
      assert.ok(flat.some((r) => 'URL' in r) && flat.some((r) => 'url' in r), 'both link keys');
      assert.ok(flat.every((r) => typeof r.text === 'string'));
      function valid() {
        return { cancelRESTMethod: 'GET', cancelURL: '/x', expirationTimeOut: 5 };
      }
    });
  });

  describe('request log and faults', () => {
    it('records every request exactly', async () => {
      sim.clearRequests();
      await call('/tasks/1?compact=true', { method: 'PUT', body: { jobUID: '1', percentage: 5 }, headers: { 'X-Extra': 'yes' } });
      assert.equal(sim.requests.length, 1);
      const [request] = sim.requests;
      assert.equal(request.method, 'PUT');
      assert.equal(request.path, '/tasks/1');
      assert.deepEqual(request.query, { compact: 'true' });
      assert.deepEqual(request.body, { jobUID: '1', percentage: 5 });
      assert.equal(request.headers['x-extra'], 'yes');
      assert.equal(request.headers['x-csrf-token'], session['X-Csrf-Token']);
      assert.equal(request.status, 200);
      sim.clearRequests();
      assert.equal(sim.requests.length, 0);
    });

    it('unavailable answers 412 with the LXCA error body', async () => {
      sim.faults.unavailable = true;
      assertLxcaError(await call('/tasks'), 412);
      assertLxcaError(await rawRequest(`${sim.url}/sessions`, { method: 'POST', body: { UserId: 'admin', password: sim.password } }), 412);
      sim.faults.unavailable = false;
      assert.equal((await call('/tasks')).status, 200);
    });

    it('failNext fails the next N matching requests only', async () => {
      sim.faults.failNext = { status: 500, count: 2, path: /^\/tasks\/1$/ };
      assert.equal((await call('/tasks/2')).status, 200);
      assertLxcaError(await call('/tasks/1'), 500);
      assertLxcaError(await call('/tasks/1'), 500);
      assert.equal((await call('/tasks/1')).status, 200);
      sim.faults.failNext = { status: 401, count: 1 };
      assertLxcaError(await call('/tasks'), 401);
      assert.equal((await call('/tasks')).status, 200);
    });

    it('latencyMs delays every answer', async () => {
      sim.faults.latencyMs = 300;
      const started = Date.now();
      await call('/tasks/1');
      assert.ok(Date.now() - started >= 290);
    });

    it('dropConnections destroys the socket without an answer', async () => {
      sim.faults.dropConnections = true;
      sim.clearRequests();
      await assert.rejects(call('/tasks'), /socket hang up|ECONNRESET/);
      assert.equal(sim.requests[0].status, 0);
    });

    it('body faults replace successful bodies: html, text, truncated, huge', async () => {
      sim.faults.body = 'html';
      let response = await call('/tasks/1');
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /text\/html/);
      assert.match(response.text, /<html/);
      assertLxcaError(await call('/tasks/99999'), 404);
      sim.faults.body = 'text';
      response = await call('/tasks/1');
      assert.match(String(response.headers['content-type']), /text\/plain/);
      assert.throws(() => response.json());
      sim.faults.body = 'truncated';
      response = await call('/tasks/1');
      assert.match(String(response.headers['content-type']), /application\/json/);
      assert.throws(() => response.json());
      sim.faults.body = 'huge';
      response = await call('/tasks');
      assert.ok(response.text.length > 10 * 1024 * 1024);
      const jobs = response.json();
      assert.ok(Array.isArray(jobs) && jobs.length > 60);
      assert.match(jobs[0].jobUID, /^\d+$/);
    });
  });

  describe('size (speed is measured by npm run bench, not asserted here)', () => {
    it('size 5000 serves all 5,000 jobs', async () => {
      const big = await startLxcaSimulator({ size: 5000, newItemEveryMs: 0 });
      try {
        const auth = { Authorization: basic(big.username, big.password) };
        await rawRequest(`${big.url}/tasks/1`, { headers: auth });
        const response = await rawRequest(`${big.url}/tasks`, { headers: auth });
        assert.equal(response.json().length, 5000);
      } finally {
        await big.close();
      }
    });

    it('the same seed gives the same jobs', async () => {
      const [a, b] = await Promise.all([startLxcaSimulator({ size: 30, seed: 3, newItemEveryMs: 0 }), startLxcaSimulator({ size: 30, seed: 3, newItemEveryMs: 0 })]);
      try {
        const strip = (jobs: any[]) => jobs.map(({ jobUID, name, status }) => ({ jobUID, name, status }));
        assert.deepEqual(strip(a.jobs()), strip(b.jobs()));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
});
