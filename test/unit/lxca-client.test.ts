import { strict as assert } from 'node:assert';
import { HttpClient, type HttpResponse } from '../../src/api/http';
import { validateCancelCallback, type CancelCallbackInputError } from '../../src/api/lxca/callback';
import { groupByCancelHook } from '../../src/api/lxca/cancelGroups';
import { LxcaClient } from '../../src/api/lxca/client';
import { CookieJar } from '../../src/api/lxca/cookies';
import { lxcaError } from '../../src/api/lxca/errors';
import { parseJobList } from '../../src/api/lxca/jobs';
import type { CancelCallbackInput, LxcaJob } from '../../src/api/lxca/types';
import { startLxcaSimulator } from '../../src/simulator';
import type { LxcaSimulator, RecordedRequest } from '../../src/simulator/types';
import { rejectsWith } from '../support/apiErrors';
import { sleep } from '../support/wait';


function summary(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path} ${r.status}`);
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function response(status: number, body: unknown): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: {}, text, json: typeof body === 'string' ? undefined : body, isJson: typeof body !== 'string' };
}

describe('LXCA client against the simulator', () => {
  let sim: LxcaSimulator;
  let http: HttpClient;
  let client: LxcaClient;

  const clientFor = (username: string, password: string) => new LxcaClient(http, async () => ({ username, password }));
  const requestsTo = (method: string, path: string | RegExp) =>
    sim.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  /** A running job, pinned so that it neither finishes nor changes on its own. */
  const runningJob = (template: Parameters<LxcaSimulator['addJob']>[0] = {}) => {
    const id = sim.addJob({ name: 'Test job', createdBy: 'tester', ...template });
    sim.setJobStatus(id, 'Running', 10);
    return id;
  };
  const jobsById = async (ids: string[]) => {
    const jobs = await client.getJobs(ids);
    sim.clearRequests();
    return ids.map((id) => jobs.find((job) => job.jobUID === id)!);
  };

  before(async () => {
    sim = await startLxcaSimulator({ size: 12, newItemEveryMs: 0 });
  });
  after(async () => {
    await sim.close();
  });
  beforeEach(() => {
    Object.assign(sim.faults, { latencyMs: 0, failNext: undefined, unavailable: false, dropConnections: false, body: undefined });
    http = new HttpClient({ baseUrl: sim.url });
    client = clientFor(sim.username, sim.password);
    sim.clearRequests();
  });
  afterEach(async () => {
    await http.close();
  });

  describe('session', () => {
    it('logs in with UserId/password, then sends the session cookies and X-Csrf-Token = the csrf cookie', async () => {
      await client.login();
      await client.listJobs();
      assert.deepEqual(summary(sim.requests), ['POST /sessions 200', 'GET /tasks 200']);
      const [login, list] = sim.requests;
      assert.deepEqual(login.body, { UserId: sim.username, password: sim.password });
      const csrf = header(list, 'x-csrf-token');
      assert.ok(csrf, 'X-Csrf-Token sent');
      const cookie = header(list, 'cookie') ?? '';
      assert.ok(cookie.split('; ').includes(`csrf=${csrf}`), `Cookie "${cookie}" carries csrf=${csrf}`);
      assert.match(cookie, /JSESSIONID=[^;]+/);
      assert.equal(header(list, 'x-not-user-input'), undefined, 'a user-initiated call is user activity');
    });

    it('logs in by itself on the first call, and concurrent first calls share one login', async () => {
      const ids = sim.jobs().slice(0, 2).map((job) => String(job.jobUID));
      await Promise.all([client.listJobs(), client.getJobs(ids), client.listJobs({ compact: true })]);
      assert.equal(requestsTo('POST', '/sessions').length, 1);
      assert.equal(sim.requests[0].path, '/sessions');
      assert.equal(sim.requests.filter((r) => r.status !== 200).length, 0);
    });

    it('marks polling calls with X-NOT-USER-INPUT: checkSession', async () => {
      await client.listJobs({ background: true });
      const [list] = requestsTo('GET', '/tasks');
      assert.equal(header(list, 'x-not-user-input'), 'checkSession');
    });

    it('logs in again once after the session expired and retries the call once', async () => {
      await client.listJobs();
      sim.expireSessions();
      sim.clearRequests();
      const jobs = await client.listJobs();
      assert.ok(jobs.length > 0);
      assert.deepEqual(summary(sim.requests), ['GET /tasks 401', 'POST /sessions 200', 'GET /tasks 200']);
      assert.notEqual(header(sim.requests[2], 'x-csrf-token'), header(sim.requests[0], 'x-csrf-token'), 'the new session’s token');
    });

    it('renews an expired session once for concurrent calls', async () => {
      await client.login();
      sim.expireSessions();
      sim.clearRequests();
      await Promise.all([client.listJobs(), client.listJobs({ compact: true }), client.listJobs({ background: true })]);
      assert.equal(requestsTo('POST', '/sessions').length, 1);
      assert.equal(requestsTo('GET', '/tasks').filter((r) => r.status === 200).length, 3);
    });

    it('does not log in again for a call whose 401 arrives after another call already renewed the session', async () => {
      /** Real loopback traffic; only the answer to the first GET /tasks/{ids} reaches the client late. */
      class LateFirstReadHttp extends HttpClient {
        private delayed = false;
        override async request(request: Parameters<HttpClient['request']>[0]) {
          const answer = await super.request(request);
          if (request.path.startsWith('/tasks/') && !this.delayed) {
            this.delayed = true;
            await sleep(300);
          }
          return answer;
        }
      }
      const lateHttp = new LateFirstReadHttp({ baseUrl: sim.url });
      try {
        const lateClient = new LxcaClient(lateHttp, async () => ({ username: sim.username, password: sim.password }));
        await lateClient.login();
        sim.expireSessions();
        sim.clearRequests();
        const ids = sim.jobs().slice(0, 1).map((job) => String(job.jobUID));
        await Promise.all([lateClient.getJobs(ids), lateClient.listJobs()]);
        assert.equal(requestsTo('POST', '/sessions').length, 1, summary(sim.requests).join(' | '));
        assert.equal(sim.requests.filter((r) => r.status === 200 && r.method === 'GET').length, 2);
      } finally {
        await lateHttp.close();
      }
    });

    it('surfaces a second 401 after the new login as auth, without a third attempt', async () => {
      await client.login();
      sim.clearRequests();
      sim.faults.failNext = { status: 401, count: 2, path: /^\/tasks/ };
      const error = await rejectsWith(client.listJobs(), 'auth');
      assert.equal(error.status, 401);
      assert.deepEqual(summary(sim.requests), ['GET /tasks 401', 'POST /sessions 200', 'GET /tasks 401']);
    });

    it('reports a wrong password as auth "wrong user name or password", never echoing the password', async () => {
      const wrongPassword = 'Wr0ng-Pa55word-xyz';
      const error = await rejectsWith(clientFor(sim.username, wrongPassword).listJobs(), 'auth');
      assert.match(error.message, /wrong user name or password/i);
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
      assert.ok(!everything.includes(wrongPassword), everything);
      assert.deepEqual(summary(sim.requests).map((line) => line.replace(/ \d+$/, '')), ['POST /sessions']);
      assert.ok([401, 403].includes(sim.requests[0].status));
    });

    it('logs out with DELETE /sessions inside the session; the next call logs in again', async () => {
      await client.login();
      await client.logout();
      await client.listJobs();
      assert.deepEqual(summary(sim.requests), ['POST /sessions 200', 'DELETE /sessions 200', 'POST /sessions 200', 'GET /tasks 200']);
      assert.ok(header(sim.requests[1], 'x-csrf-token'));
    });
  });

  describe('reading jobs', () => {
    it('lists every job with its subtasks; compact=true leaves the subtasks out', async () => {
      const parent = sim.addJob({ name: 'Parent', children: [{ name: 'Child one' }, { name: 'Child two' }] });
      const full = await client.listJobs();
      assert.deepEqual(full.map((job) => job.jobUID).sort(), sim.jobs().map((job) => String(job.jobUID)).sort());
      assert.equal(full.find((job) => job.jobUID === parent)?.children.length, 2);

      sim.clearRequests();
      const compact = await client.listJobs({ compact: true });
      assert.deepEqual(requestsTo('GET', '/tasks')[0].query, { compact: 'true' });
      assert.equal(compact.find((job) => job.jobUID === parent)?.children.length, 0);
    });

    it('reads the listed jobs with one GET /tasks/{id,id}', async () => {
      const ids = sim.jobs().slice(0, 3).map((job) => String(job.jobUID));
      await client.login();
      sim.clearRequests();
      const jobs = await client.getJobs(ids);
      assert.deepEqual(jobs.map((job) => job.jobUID).sort(), [...ids].sort());
      assert.deepEqual(summary(sim.requests), [`GET /tasks/${ids.join(',')} 200`]);
    });

    it('answers an unknown job id with notFound and the server’s text', async () => {
      const error = await rejectsWith(client.getJobs(['999999']), 'notFound');
      assert.ok(error.serverMessage, 'server message kept');
      assert.ok(error.message.includes(error.serverMessage!));
      assert.match(error.messageId ?? '', /^FQXHM/);
    });

    it('maps 412 to badRequest and 500 to server, keeping the server’s message', async () => {
      await client.login();
      sim.faults.failNext = { status: 412, count: 1, path: /^\/tasks/ };
      const missing = await rejectsWith(client.listJobs(), 'badRequest');
      sim.faults.failNext = { status: 500, count: 1, path: /^\/tasks/ };
      const failed = await rejectsWith(client.listJobs(), 'server');
      for (const [error, status] of [[missing, 412], [failed, 500]] as const) {
        assert.equal(error.status, status);
        assert.ok(error.serverMessage && error.message.includes(error.serverMessage), error.message);
      }
      assert.equal(requestsTo('POST', '/sessions').length, 1, 'no re-login for a non-auth error');
    });

    for (const body of ['html', 'text', 'truncated'] as const) {
      it(`reports a ${body} body on a 200 as badResponse without the raw body`, async () => {
        sim.faults.body = body;
        const error = await rejectsWith(client.listJobs(), 'badResponse');
        assert.doesNotMatch(error.message, /<[a-z!/]/i);
      });
    }
  });

  describe('cancelling', () => {
    const hookA = { cancelURL: '/updatableComponents?action=cancelApply&jobID=1', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [{ UUID: 'A1' }], Mode: 'x' } };
    /** The same hook with its body's keys in another order. */
    const hookAReordered = { ...hookA, cancelRESTBody: { Mode: 'x', DeviceList: [{ UUID: 'A1' }] } };
    const hookB = { cancelURL: '/firmware/cancel?jobID=7', cancelRESTMethod: 'DELETE' };

    it('sends one request per distinct hook and one PUT /tasks for all hook-less jobs', async () => {
      const [a1, b1, plain1, a2, plain2] = [
        runningJob(hookA),
        runningJob(hookB),
        runningJob(),
        runningJob(hookAReordered),
        runningJob(),
      ];
      const jobs = await jobsById([a1, b1, plain1, a2, plain2]);

      const outcomes = await client.cancelJobs(jobs, { expirationTimeOut: 60 });

      assert.deepEqual(outcomes, [
        { jobIds: [a1, a2], ok: true },
        { jobIds: [b1], ok: true },
        { jobIds: [plain1, plain2], ok: true },
      ]);
      assert.deepEqual(
        sim.requests.map((r) => ({ method: r.method, path: r.path, body: r.body, status: r.status })),
        [
          { method: 'PUT', path: `/tasks/${a1},${a2}`, body: { ...hookA, expirationTimeOut: 60 }, status: 200 },
          { method: 'PUT', path: `/tasks/${b1}`, body: { ...hookB, expirationTimeOut: 60 }, status: 200 },
          { method: 'PUT', path: '/tasks', body: { action: 'cancel', list: [plain1, plain2] }, status: 200 },
        ],
      );
      for (const id of [plain1, plain2]) assert.match(String(sim.job(id).status), /cancel/i);
    });

    it('reports a cancel of an unknown job as notFound with the server’s text, and does not retry it', async () => {
      const running = runningJob();
      const [job] = await jobsById([running]);
      const ghost: LxcaJob = { jobUID: '999999', cancelHook: hookB, children: [], raw: {} };

      const [ghostOutcome, plainOutcome] = await client.cancelJobs([ghost, job], { expirationTimeOut: 60 });

      assert.ok(!ghostOutcome.ok);
      assert.deepEqual(ghostOutcome.jobIds, ['999999']);
      assert.equal(ghostOutcome.error.kind, 'notFound');
      assert.ok(ghostOutcome.error.serverMessage && ghostOutcome.error.message.includes(ghostOutcome.error.serverMessage));
      assert.deepEqual(plainOutcome, { jobIds: [running], ok: true });
      assert.deepEqual(summary(sim.requests), ['PUT /tasks/999999 404', 'PUT /tasks 200']);
    });

    it('never retries a cancel the server failed, and still sends the other groups', async () => {
      const hooked = runningJob(hookB);
      const plain = runningJob();
      const jobs = await jobsById([hooked, plain]);
      sim.faults.failNext = { status: 500, count: 1 };

      const outcomes = await client.cancelJobs(jobs, { expirationTimeOut: -1 });

      assert.equal(outcomes[0].ok, false);
      assert.equal(!outcomes[0].ok && outcomes[0].error.kind, 'server');
      assert.ok(!outcomes[0].ok && outcomes[0].error.serverMessage);
      assert.deepEqual(outcomes[1], { jobIds: [plain], ok: true });
      assert.deepEqual(summary(sim.requests), [`PUT /tasks/${hooked} 500`, 'PUT /tasks 200']);
      assert.equal((sim.requests[0].body as { expirationTimeOut: number }).expirationTimeOut, -1);
    });

    it('renews an expired session once during a cancel, then sends the cancel again', async () => {
      const [job] = await jobsById([runningJob()]);
      sim.expireSessions();
      const outcomes = await client.cancelJobs([job], { expirationTimeOut: 60 });
      assert.deepEqual(outcomes, [{ jobIds: [job.jobUID], ok: true }]);
      assert.deepEqual(summary(sim.requests), ['PUT /tasks 401', 'POST /sessions 200', 'PUT /tasks 200']);
    });

    it('reports a user without the privilege as forbidden, without logging in again', async () => {
      const id = runningJob();
      const viewer = clientFor(sim.viewer.username, sim.viewer.password);
      const [job] = await viewer.getJobs([id]);
      const [outcome] = await viewer.cancelJobs([job], { expirationTimeOut: 60 });
      assert.ok(!outcome.ok);
      assert.equal(outcome.error.kind, 'forbidden');
      assert.equal(requestsTo('POST', '/sessions').length, 1);
    });

    it('stops after a refused sign-in: the other groups share the error and no further login is tried', async () => {
      const jobs = await jobsById([runningJob(hookB), runningJob()]);
      const outcomes = await clientFor(sim.username, 'not-the-password').cancelJobs(jobs, { expirationTimeOut: 60 });
      assert.deepEqual(
        outcomes.map((outcome) => [outcome.jobIds, outcome.ok ? 'ok' : outcome.error.kind]),
        jobs.map((job) => [[job.jobUID], 'auth']),
      );
      assert.deepEqual(summary(sim.requests).map((line) => line.replace(/ \d+$/, '')), ['POST /sessions']);
    });

    it('refuses a bad expirationTimeOut before sending anything', async () => {
      const [job] = await jobsById([runningJob()]);
      await rejectsWith(client.cancelJobs([job], { expirationTimeOut: -5 }), 'invalidInput');
      assert.equal(sim.requests.length, 0);
    });

    it('cancels with a typed callback: PUT /tasks/{ids} carrying exactly the validated callback', async () => {
      const ids = [runningJob(), runningJob()];
      await client.cancelWithCallback(ids, {
        cancelRESTMethod: 'post',
        cancelURL: ' /jobs/cancel?x=1 ',
        cancelRESTBody: '{"DeviceList": [{"UUID": "B2"}]}',
        expirationTimeOut: '120',
      });
      const puts = requestsTo('PUT', /^\/tasks/);
      assert.deepEqual(
        puts.map((r) => ({ path: r.path, body: r.body, status: r.status })),
        [
          {
            path: `/tasks/${ids.join(',')}`,
            body: { cancelRESTMethod: 'POST', cancelURL: '/jobs/cancel?x=1', cancelRESTBody: { DeviceList: [{ UUID: 'B2' }] }, expirationTimeOut: 120 },
            status: 200,
          },
        ],
      );
    });

    it('rejects a callback the server refuses with the server’s message', async () => {
      const error = await rejectsWith(
        client.cancelWithCallback(['999999'], { cancelRESTMethod: 'GET', cancelURL: '/x', expirationTimeOut: 5 }),
        'notFound',
      );
      assert.ok(error.serverMessage);
    });

    const valid: CancelCallbackInput = { cancelRESTMethod: 'PUT', cancelURL: '/cancel', cancelRESTBody: { a: 1 }, expirationTimeOut: 60 };
    const badInputs: [string, CancelCallbackInput, keyof CancelCallbackInput, RegExp][] = [
      ['no method', { ...valid, cancelRESTMethod: undefined }, 'cancelRESTMethod', /required/],
      ['an unknown method', { ...valid, cancelRESTMethod: 'PATCH' }, 'cancelRESTMethod', /GET, POST, PUT or DELETE, not "PATCH"/],
      ['a method that is not text', { ...valid, cancelRESTMethod: 3 }, 'cancelRESTMethod', /GET, POST, PUT or DELETE/],
      ['no URL', { ...valid, cancelURL: undefined }, 'cancelURL', /required/],
      ['a blank URL', { ...valid, cancelURL: '   ' }, 'cancelURL', /required/],
      ['a URL that is not text', { ...valid, cancelURL: { path: '/x' } }, 'cancelURL', /must be a string/],
      ['no body for PUT', { ...valid, cancelRESTBody: undefined }, 'cancelRESTBody', /required for PUT/],
      ['an empty body text for POST', { ...valid, cancelRESTMethod: 'POST', cancelRESTBody: ' ' }, 'cancelRESTBody', /required for POST/],
      ['a body that is not JSON', { ...valid, cancelRESTBody: '{DeviceList:' }, 'cancelRESTBody', /not valid JSON/],
      ['an array body', { ...valid, cancelRESTBody: [1, 2] }, 'cancelRESTBody', /JSON object, not an array/],
      ['a JSON array body text', { ...valid, cancelRESTBody: '[{"a":1}]' }, 'cancelRESTBody', /JSON object, not an array/],
      ['a null body text', { ...valid, cancelRESTBody: 'null' }, 'cancelRESTBody', /JSON object, not null/],
      ['a body object for GET that is a string', { ...valid, cancelRESTMethod: 'GET', cancelRESTBody: '"x"' }, 'cancelRESTBody', /JSON object/],
      ['no time-out', { ...valid, expirationTimeOut: undefined }, 'expirationTimeOut', /required/],
      ['a fractional time-out', { ...valid, expirationTimeOut: 1.5 }, 'expirationTimeOut', /whole number/],
      ['a time-out text that is not a number', { ...valid, expirationTimeOut: '10s' }, 'expirationTimeOut', /whole number/],
      ['a time-out below -1', { ...valid, expirationTimeOut: '-2' }, 'expirationTimeOut', /-1 \(never\) or 0 and above/],
    ];
    for (const [what, input, field, message] of badInputs) {
      it(`refuses a callback with ${what} before any request`, async () => {
        const error = await rejectsWith(client.cancelWithCallback(['1'], input), 'invalidInput');
        assert.match(error.message, message);
        assert.equal((error as CancelCallbackInputError).field, field);
        assert.equal(sim.requests.length, 0, 'nothing sent, not even a login');
      });
    }

    it('refuses an empty or malformed id list before any request', async () => {
      await rejectsWith(client.cancelWithCallback([], valid), 'invalidInput');
      await rejectsWith(client.cancelWithCallback(['1,2'], valid), 'invalidInput');
      assert.equal(sim.requests.length, 0);
    });
  });
});

describe('LXCA cancel callback validation (form input)', () => {
  it('normalises what a form typed into the API’s types', () => {
    assert.deepEqual(
      validateCancelCallback({ cancelRESTMethod: ' put ', cancelURL: ' /x ', cancelRESTBody: '{"a": [1]}', expirationTimeOut: ' -1 ' }),
      { cancelRESTMethod: 'PUT', cancelURL: '/x', cancelRESTBody: { a: [1] }, expirationTimeOut: -1 },
    );
  });

  it('leaves the body out for GET and DELETE when none was given, and accepts time-out 0', () => {
    for (const method of ['GET', 'DELETE']) {
      assert.deepEqual(validateCancelCallback({ cancelRESTMethod: method, cancelURL: '/x', cancelRESTBody: '', expirationTimeOut: 0 }), {
        cancelRESTMethod: method,
        cancelURL: '/x',
        expirationTimeOut: 0,
      });
    }
  });
});

describe('LXCA cancel grouping', () => {
  const jobs = parseJobList([
    { jobUID: '1', cancelURL: '/c', cancelRESTMethod: 'put', cancelRESTBody: { a: 1, b: 2 } },
    { jobUID: '2' },
    { jobUID: '3', cancelURL: '/c', cancelRESTMethod: 'PUT', cancelRESTBody: { b: 2, a: 1 } },
    { jobUID: '4', cancelURL: '/c', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1, b: 3 } },
    { jobUID: '5', cancelURL: '/c' }, // half a hook is no hook
    { jobUID: '1', cancelURL: '/c', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1, b: 2 } },
  ]);

  it('groups identical hooks (method case and body key order aside), hook-less jobs together, each job once', () => {
    assert.deepEqual(
      groupByCancelHook(jobs).map((group) => ({ ids: group.jobIds, method: group.hook?.cancelRESTMethod, body: group.hook?.cancelRESTBody })),
      [
        { ids: ['1', '3'], method: 'PUT', body: { a: 1, b: 2 } },
        { ids: ['2', '5'], method: undefined, body: undefined },
        { ids: ['4'], method: 'PUT', body: { a: 1, b: 3 } },
      ],
    );
  });
});

describe('LXCA error mapping', () => {
  const failed = (message: Record<string, unknown>) => ({ result: 'failed', messages: [{ id: 'FQXHMJM0001E', text: 'Job 9 was not found.', ...message }] });

  it('keeps text, id, explanation and recovery (object with URL) from the status message', () => {
    const error = lxcaError(
      response(404, failed({ explanation: 'The job does not exist.', recovery: { text: 'Refresh the list.', URL: 'https://help/x' } })),
      'Cancel LXCA job 9',
    );
    assert.equal(error.kind, 'notFound');
    assert.equal(error.message, 'Cancel LXCA job 9 failed: Job 9 was not found.');
    assert.equal(error.serverMessage, 'Job 9 was not found.');
    assert.equal(error.messageId, 'FQXHMJM0001E');
    assert.equal(error.details, 'The job does not exist.\nRefresh the list.\nhttps://help/x');
  });

  it('reads a recovery array with lower-case url keys', () => {
    const error = lxcaError(
      response(400, failed({ recovery: [{ text: 'First.' }, { text: 'Second.', url: 'https://help/y' }] })),
      'Cancel',
    );
    assert.equal(error.kind, 'badRequest');
    assert.equal(error.details, 'First.\nSecond.\nhttps://help/y');
  });

  it('maps the statuses docs/api/lxca.md lists', () => {
    const kinds = [400, 401, 403, 404, 412, 500, 503].map((status) => lxcaError(response(status, failed({})), 'x').kind);
    assert.deepEqual(kinds, ['badRequest', 'auth', 'forbidden', 'notFound', 'badRequest', 'server', 'server']);
  });

  it('treats a 403 saying the session is not authenticated as an expired session', () => {
    const error = lxcaError(response(403, failed({ text: 'The user session is not authenticated.' })), 'x');
    assert.equal(error.kind, 'auth');
  });

  it('shows a non-JSON error body as status plus a safe excerpt, never raw HTML', () => {
    const html = '<html><head><title>502 Proxy Error</title></head><body><h1>Bad gateway</h1><script>x()</script></body></html>';
    const error = lxcaError(response(502, html), 'List LXCA jobs');
    assert.equal(error.kind, 'server');
    assert.match(error.message, /^List LXCA jobs failed \(HTTP 502, server error: .*Bad gateway/);
    assert.doesNotMatch(error.message, /[<>]/);
    assert.equal(error.serverMessage, undefined);
  });
});

describe('LXCA cookie jar', () => {
  it('splits a comma-joined Set-Cookie without breaking Expires dates, and drops expired cookies', () => {
    const jar = new CookieJar();
    jar.store('JSESSIONID=abc; Path=/; Secure; HttpOnly, csrf=t0k3n; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/');
    assert.equal(jar.header(), 'JSESSIONID=abc; csrf=t0k3n');
    assert.equal(jar.get('CSRF'), 't0k3n');
    jar.store(['csrf=; Max-Age=0', 'other="quoted"']);
    assert.equal(jar.header(), 'JSESSIONID=abc; other=quoted');
  });
});
