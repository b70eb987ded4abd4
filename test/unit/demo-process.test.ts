// The demo's servers in a process of their own: it outlives the window that started it, gives ids
// above every earlier demo's, refuses a second start on the same ports (another window's demo is
// used instead), and exits once nobody has used it for a while — keep-alive requests hold it.
import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DemoPortsInUse, freshFirstId, keepAlive, startDemoProcess, type DemoProcess } from '../../src/demo/demoProcess';
import { basic } from '../support/rawHttp';
import { sleep, until } from '../support/wait';

const cli = join(__dirname, '../../../dist/simulator-cli.js');

const listening = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

describe('demo process', function () {
  this.timeout(30_000);
  let demo: DemoProcess | undefined;
  afterEach(() => {
    try {
      demo?.stop();
    } catch {
      // already gone
    }
    demo = undefined;
  });

  it('gives ids from firstId on, and a second start on its ports finds them in use', async () => {
    demo = await startDemoProcess({ cli, lxcaPort: 0, jp1aoPort: 0, firstId: 7_000_000, idleSeconds: 60 });
    const response = await fetch(`${demo.jp1ao.url}/Automation/v1/objects/Tasks?limit=5`, {
      headers: { Authorization: basic(demo.jp1ao.username, demo.jp1ao.password), Accept: 'application/json' },
    });
    assert.equal(response.status, 200);
    const ids = ((await response.json()) as { data: { instanceID: number }[] }).data.map((task) => task.instanceID);
    assert.ok(ids.length > 0 && ids.every((id) => id >= 7_000_000), `ids ${ids.join(', ')}`);

    const ports = { lxcaPort: Number(new URL(demo.lxca.url).port), jp1aoPort: Number(new URL(demo.jp1ao.url).port) };
    await assert.rejects(startDemoProcess({ cli, ...ports, firstId: 1, idleSeconds: 60 }), DemoPortsInUse);
  });

  it('stays while kept alive, and exits once idle', async () => {
    demo = await startDemoProcess({ cli, lxcaPort: 0, jp1aoPort: 0, firstId: freshFirstId(), idleSeconds: 2 });
    const url = demo.lxca.url;
    const started = Date.now();
    while (Date.now() - started < 4_000) {
      keepAlive(url);
      await sleep(500);
    }
    assert.equal(await listening(url), true, 'kept alive past its idle time');
    await until('the idle demo gone', async () => !(await listening(url)), 10_000);
  });

  it('a restarted demo starts above the ids an earlier one gave', () => {
    const first = freshFirstId(Date.UTC(2026, 11, 6, 10, 0, 0));
    assert.ok(freshFirstId(Date.UTC(2026, 11, 6, 10, 1, 0)) >= first + 60);
  });
});
