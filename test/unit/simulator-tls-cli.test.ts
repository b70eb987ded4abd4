// Both simulators together: the self-signed TLS mode and the `npm run simulator` CLI.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startSimulators } from '../../src/simulator';
import { basic, peerFingerprint256, rawRequest } from '../support/rawHttp';

describe('simulators: TLS and CLI', () => {
  it('tls: both servers serve HTTPS with one self-signed certificate whose fingerprint is exposed', async () => {
    const sims = await startSimulators({ tls: true, size: 10, newItemEveryMs: 0 });
    try {
      for (const sim of [sims.lxca, sims.jp1ao]) {
        assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
        assert.match(sim.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        assert.equal(new X509Certificate(sim.caPem as string).fingerprint256, sim.fingerprint256);
        await assert.rejects(rawRequest(`${sim.url}/`), /self-signed|self signed/i, 'untrusted without the CA');
      }
      const lxca = await rawRequest(`${sims.lxca.url}/tasks`, { ca: sims.lxca.caPem, headers: { Authorization: basic(sims.lxca.username, sims.lxca.password) } });
      assert.equal(lxca.status, 200);
      assert.equal(lxca.peerFingerprint256, sims.lxca.fingerprint256);
      const login = await rawRequest(`${sims.lxca.url}/sessions`, { ca: sims.lxca.caPem, method: 'POST', body: { UserId: sims.lxca.username, password: sims.lxca.password } });
      assert.ok((login.headers['set-cookie'] ?? []).every((cookie) => /;\s*Secure/i.test(cookie)), 'cookies are Secure over HTTPS');
      const jp1ao = await rawRequest(`${sims.jp1ao.url}/Automation/v1/user`, { ca: sims.jp1ao.caPem, headers: { Accept: 'application/json', Authorization: basic(sims.jp1ao.username, sims.jp1ao.password) } });
      assert.equal(jp1ao.status, 200);
      assert.equal(jp1ao.peerFingerprint256, sims.jp1ao.fingerprint256);
    } finally {
      await sims.close();
    }
  });

  it('plain HTTP exposes no fingerprint', async () => {
    const sims = await startSimulators({ size: 1, newItemEveryMs: 0 });
    try {
      assert.match(sims.lxca.url, /^http:\/\//);
      assert.equal(sims.lxca.fingerprint256, undefined);
      assert.equal(sims.jp1ao.caPem, undefined);
    } finally {
      await sims.close();
    }
  });

  it('close() also closes keep-alive connections', async () => {
    const sims = await startSimulators({ size: 1, newItemEveryMs: 0 });
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http.get(`${sims.lxca.url}/tasks`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    const started = Date.now();
    await sims.close();
    assert.ok(Date.now() - started < 1000, 'close does not wait for idle sockets');
    agent.destroy();
  });

  for (const tls of [false, true]) {
    it(`the CLI${tls ? ' --tls' : ''} prints one JSON line with both servers and serves until killed`, async function () {
      const cli = join(__dirname, '../../../dist/simulator-cli.js');
      if (!existsSync(cli)) this.skip();
      const args = [cli, '--lxca-port', '0', '--jp1ao-port', '0', '--size', '20', ...(tls ? ['--tls'] : [])];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
          setTimeout(() => reject(new Error('no line within 10 s')), 10_000).unref();
        });
        const info = JSON.parse(line);
        assert.deepEqual(Object.keys(info).sort(), ['jp1ao', 'lxca']);
        for (const product of [info.lxca, info.jp1ao]) {
          assert.match(product.url, tls ? /^https:\/\/127\.0\.0\.1:\d+$/ : /^http:\/\/127\.0\.0\.1:\d+$/);
          assert.equal(typeof product.password, 'string');
          assert.ok(product.password.length >= 8);
          if (tls) assert.match(product.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
          else assert.equal(product.fingerprint256, undefined);
        }
        assert.equal(info.lxca.username, 'admin');
        assert.equal(info.jp1ao.username, 'system');
        if (tls) {
          for (const product of [info.lxca, info.jp1ao]) assert.equal(await peerFingerprint256(product.url), product.fingerprint256);
        } else {
          const lxca = await rawRequest(`${info.lxca.url}/sessions`, { method: 'POST', body: { UserId: info.lxca.username, password: info.lxca.password } });
          assert.equal(lxca.status, 200);
          const jp1ao = await rawRequest(`${info.jp1ao.url}/Automation/v1/user`, { headers: { Accept: 'application/json', Authorization: basic(info.jp1ao.username, info.jp1ao.password) } });
          assert.equal(jp1ao.status, 200);
        }
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        assert.equal(await exited, 0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  }

  it('the CLI switches faults on for the whole run: --unavailable, --body html', async function () {
    this.timeout(20_000);
    const cli = join(__dirname, '../../../dist/simulator-cli.js');
    const child = spawn(process.execPath, [cli, '--unavailable', '--size', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const html = spawn(process.execPath, [cli, '--body', 'html', '--size', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [down, htmlInfo] = await Promise.all([child, html].map((c) =>
        new Promise<any>((resolve, reject) => {
          createInterface({ input: c.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
          setTimeout(() => reject(new Error('no line within 10 s')), 10_000).unref();
        }),
      ));
      const login = await rawRequest(`${down.lxca.url}/sessions`, { method: 'POST', body: { UserId: down.lxca.username, password: down.lxca.password } });
      assert.equal(login.status, 412);
      const user = await rawRequest(`${htmlInfo.jp1ao.url}/Automation/v1/user`, { headers: { Accept: 'application/json', Authorization: basic(htmlInfo.jp1ao.username, htmlInfo.jp1ao.password) } });
      assert.match(user.text, /<html/i);
    } finally {
      child.kill('SIGKILL');
      html.kill('SIGKILL');
    }
  });

  it('the CLI plays server variants: --lxca-login-failure 403, --jp1ao-time-offset colon; refuses an unknown value', async function () {
    this.timeout(20_000);
    const cli = join(__dirname, '../../../dist/simulator-cli.js');
    const child = spawn(process.execPath, [cli, '--lxca-login-failure', '403', '--jp1ao-time-offset', 'colon', '--size', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const bad = spawn(process.execPath, [cli, '--jp1ao-paging', 'sometimes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const refused = new Promise<[number | null, string]>((resolve) => {
      let text = '';
      bad.stderr!.on('data', (chunk) => (text += String(chunk)));
      bad.once('exit', (exitCode) => resolve([exitCode, text]));
    });
    try {
      const info = await new Promise<any>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
        setTimeout(() => reject(new Error('no line within 10 s')), 10_000).unref();
      });
      const login = await rawRequest(`${info.lxca.url}/sessions`, { method: 'POST', body: { UserId: info.lxca.username, password: 'wrong' } });
      assert.equal(login.status, 403);
      const tasks = await rawRequest(`${info.jp1ao.url}/Automation/v1/objects/Tasks`, { headers: { Accept: 'application/json', Authorization: basic(info.jp1ao.username, info.jp1ao.password) } });
      assert.match(String(JSON.parse(tasks.text).data[0].submitTime), /\+09:00$/);
      const [code, stderr] = await refused;
      assert.equal(code, 2);
      assert.match(stderr, /--jp1ao-paging takes one of limit, ignore, reject/);
    } finally {
      child.kill('SIGKILL');
      bad.kill('SIGKILL');
    }
  });

  it('the CLI plays a hook cancel that only registers and a stop that does not take: --lxca-hook-cancel register, --jp1ao-stop-ignored', async function () {
    this.timeout(20_000);
    const cli = join(__dirname, '../../../dist/simulator-cli.js');
    const child = spawn(process.execPath, [cli, '--lxca-hook-cancel', 'register', '--jp1ao-stop-ignored', '--size', '30'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const info = await new Promise<any>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
        setTimeout(() => reject(new Error('no line within 10 s')), 10_000).unref();
      });
      const lxcaAuth = { Authorization: basic(info.lxca.username, info.lxca.password) };
      const jobs = JSON.parse((await rawRequest(`${info.lxca.url}/tasks`, { headers: lxcaAuth })).text) as { jobUID: string; cancelable: boolean }[];
      const running = jobs.find((job) => job.cancelable);
      assert.ok(running, 'the simulator has a job to cancel');
      const hook = { cancelURL: '/updatableComponents?action=cancelApply', cancelRESTMethod: 'GET', expirationTimeOut: 60 };
      const registered = await rawRequest(`${info.lxca.url}/tasks/${running.jobUID}`, { method: 'PUT', headers: lxcaAuth, body: hook });
      assert.equal(registered.status, 200);
      const after = JSON.parse((await rawRequest(`${info.lxca.url}/tasks/${running.jobUID}`, { headers: lxcaAuth })).text)[0];
      assert.equal(after.cancelable, true, 'the hook was only registered: the job runs on');
      assert.equal(after.cancelURL, hook.cancelURL);
      const plain = await rawRequest(`${info.lxca.url}/tasks`, { method: 'PUT', headers: lxcaAuth, body: { action: 'cancel', list: [running.jobUID] } });
      assert.equal(plain.status, 200);
      const cancelled = JSON.parse((await rawRequest(`${info.lxca.url}/tasks/${running.jobUID}`, { headers: lxcaAuth })).text)[0];
      assert.match(String(cancelled.status), /^Cancelled/);

      const aoHeaders = { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: basic(info.jp1ao.username, info.jp1ao.password) };
      const tasksUrl = `${info.jp1ao.url}/Automation/v1/objects/Tasks`;
      const tasks = JSON.parse((await rawRequest(tasksUrl, { headers: aoHeaders })).text).data as { instanceID: number; status: string }[];
      const inProgress = tasks.find((task) => task.status === 'inProgress');
      assert.ok(inProgress, 'the simulator has a task in progress');
      const template = JSON.parse((await rawRequest(`${tasksUrl}/${inProgress.instanceID}/actions/stop`, { headers: aoHeaders })).text);
      const stopped = await rawRequest(`${tasksUrl}/${inProgress.instanceID}/actions/stop/invoke`, { method: 'POST', headers: aoHeaders, body: template });
      assert.equal(stopped.status, 200);
      const task = JSON.parse((await rawRequest(`${tasksUrl}/${inProgress.instanceID}`, { headers: aoHeaders })).text);
      assert.equal(task.status, 'inProgress', 'the stop was answered and ignored');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
