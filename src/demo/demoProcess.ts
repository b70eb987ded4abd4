/**
 * The demo's servers run in a process of their own, started detached from the window that asked:
 * a window reload (or a closed browser) leaves them running with their state, so cancelled jobs
 * stay cancelled and ids are never given twice. The process exits by itself once no request came
 * for a while (every window using the demo keeps it alive, see demoServers.ts). No vscode here.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';

export interface DemoServer {
  url: string;
  username: string;
  password: string;
}

export interface DemoProcess {
  lxca: DemoServer;
  jp1ao: DemoServer;
  /** Ends the process (Restart Demo, Remove Demo). */
  stop(): void;
}

export interface DemoProcessOptions {
  /** The simulator CLI (dist/simulator-cli.js). */
  cli: string;
  lxcaPort: number;
  jp1aoPort: number;
  /** First job/task id: above every id an earlier demo gave. */
  firstId: number;
  /** The process exits after this long without a request. */
  idleSeconds: number;
  /** One JP1/AO task starts waiting for a response this long after the start. */
  responseWaitAfterMs?: number;
}

/** The ports are taken (by a demo another window started, most likely). */
export class DemoPortsInUse extends Error {
  constructor() {
    super('the demo ports are in use');
    this.name = 'DemoPortsInUse';
  }
}

/**
 * An id above every id a demo started earlier gave: seconds since 2025 (a demo gives far fewer
 * than one id a second).
 */
export function freshFirstId(now = Date.now()): number {
  return Math.max(1, Math.floor((now - Date.UTC(2025, 0, 1)) / 1000));
}

export function startDemoProcess(options: DemoProcessOptions): Promise<DemoProcess> {
  const args = [
    options.cli,
    '--lxca-port', String(options.lxcaPort),
    '--jp1ao-port', String(options.jp1aoPort),
    '--first-id', String(options.firstId),
    '--exit-when-idle', String(options.idleSeconds),
    ...(options.responseWaitAfterMs === undefined ? [] : ['--response-wait-after-ms', String(options.responseWaitAfterMs)]),
  ];
  // In desktop VS Code the extension host's executable is Electron: run it as plain Node.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return new Promise<DemoProcess>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end < 0) return;
      child.removeAllListeners('exit');
      // Let it run on its own: this window may close or reload.
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      try {
        const info = JSON.parse(out.slice(0, end)) as { lxca: DemoServer; jp1ao: DemoServer };
        resolve({ lxca: info.lxca, jp1ao: info.jp1ao, stop: () => void (child.pid && process.kill(child.pid)) });
      } catch (error) {
        child.kill();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(/EADDRINUSE/.test(err) ? new DemoPortsInUse() : new Error(`the demo servers did not start (exit ${code}): ${err.trim().split('\n')[0] ?? ''}`)));
  });
}

/** A cheap request that tells an idle-exiting demo process it is still in use; failures are ignored. */
export function keepAlive(baseUrl: string): void {
  try {
    const call = request(`${baseUrl}/`, { method: 'GET', timeout: 5_000 }, (response) => response.resume());
    call.on('error', () => undefined);
    call.on('timeout', () => call.destroy());
    call.end();
  } catch {
    // A malformed URL: nothing to keep alive.
  }
}
