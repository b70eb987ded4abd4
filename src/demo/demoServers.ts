import type * as Simulator from '../simulator/index';
import { savedConnectionEntries, saveConnectionEntries, type ConnectionConfig } from '../connections/config';
import type { Product } from '../tasks/model';
import { join } from 'node:path';
import { demoNames, isDemoEntry, withDemoConnections } from './demoEntries';
import { DemoPortsInUse, freshFirstId, keepAlive, startDemoProcess, type DemoProcess } from './demoProcess';

export { demoNames, isDemoConnection } from './demoEntries';

/** Where the demo's two servers answer, and with which account. */
type Servers = Pick<DemoProcess, 'lxca' | 'jp1ao'>;

/** How long the demo process waits without any request before it exits. */
const idleSeconds = 300;
/** How often each window using the demo tells its process it still does. */
const keepAliveMs = 60_000;

let running: Promise<Servers | undefined> | undefined;
/** The process this window started, which Restart Demo and Remove Demo end. */
let started: DemoProcess | undefined;
let keepAliveTimer: NodeJS.Timeout | undefined;

/**
 * How long after the demo starts its approval task waits for the user's response: a minute, or
 * `OPS_TASKS_DEMO_RESPONSE_WAIT_MS` (tests set it so they need not wait).
 */
export function demoResponseWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.OPS_TASKS_DEMO_RESPONSE_WAIT_MS);
  return Number.isFinite(given) && given >= 0 && env.OPS_TASKS_DEMO_RESPONSE_WAIT_MS?.trim() ? given : 60_000;
}

function loadSimulator(): typeof Simulator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./simulator.js') as typeof Simulator;
}

function demoEntries(): ConnectionConfig[] {
  return savedConnectionEntries().filter(isDemoEntry);
}

/** The ports the saved demo connections point at, so a restart serves the same URLs. */
function savedPorts(): { lxcaPort: number; jp1aoPort: number } {
  const entries = demoEntries();
  const portOf = (kind: Product): number => {
    const entry = entries.find((e) => e.kind === kind);
    return entry ? Number(new URL(entry.baseUrl).port) || 0 : 0;
  };
  return { lxcaPort: portOf('lxca'), jp1aoPort: portOf('jp1ao') };
}

/** While this window has demo connections, it keeps the demo process from exiting as idle. */
function keepDemoAlive(): void {
  keepAliveTimer ??= setInterval(() => {
    for (const entry of demoEntries()) keepAlive(entry.baseUrl);
  }, keepAliveMs);
  keepAliveTimer.unref?.();
}

function startProcess(ports: { lxcaPort: number; jp1aoPort: number }): Promise<DemoProcess> {
  return startDemoProcess({ cli: join(__dirname, 'simulator-cli.js'), ...ports, firstId: freshFirstId(), idleSeconds, responseWaitAfterMs: demoResponseWaitMs() });
}

/**
 * The demo servers, in a process of their own that outlives a window reload (see demoProcess.ts).
 * When the saved ports are taken, a demo another window (or this one before a reload) started
 * serves them already: undefined here. With none saved, or on Restart Demo, the servers take free
 * ports and the settings follow.
 */
export function demoServers(fresh = false): Promise<Servers | undefined> {
  if (running && !fresh) return running;
  keepDemoAlive();
  const start = async (): Promise<Servers | undefined> => {
    if (fresh) {
      started?.stop();
      started = undefined;
    }
    const ports = fresh ? { lxcaPort: 0, jp1aoPort: 0 } : savedPorts();
    try {
      started = await startProcess(ports);
    } catch (error) {
      if (error instanceof DemoPortsInUse && ports.lxcaPort && ports.jp1aoPort) return undefined;
      started = await startProcess({ lxcaPort: 0, jp1aoPort: 0 });
    }
    await saveDemoConnections(started);
    return started;
  };
  const starting = start();
  running = starting;
  // Served elsewhere or failed: the next use tries again, so Retry can start them here.
  const forget = () => {
    if (running === starting) running = undefined;
  };
  starting.then((servers) => servers ?? forget(), forget);
  return starting;
}

/** The password of a demo connection, starting its servers when no window of this machine runs them. */
export async function demoPassword(config: ConnectionConfig): Promise<string> {
  const servers = await demoServers();
  return servers ? servers[config.kind].password : loadSimulator().demoAccounts[config.kind].password;
}

/** Writes both demo connections (after the user's own) when they are missing or point elsewhere. */
async function saveDemoConnections(servers: Servers): Promise<void> {
  const wanted: ConnectionConfig[] = (['lxca', 'jp1ao'] as const).map((kind) => ({
    name: demoNames[kind],
    kind,
    baseUrl: servers[kind].url,
    username: servers[kind].username,
  }));
  const entries = savedConnectionEntries();
  const current = entries.filter(isDemoEntry);
  const same = wanted.every((config) => current.some((entry) => entry.name === config.name && entry.baseUrl === config.baseUrl && entry.username === config.username));
  if (same && current.length === wanted.length) return;
  await saveConnectionEntries(withDemoConnections(entries, wanted));
}

/** Removes both demo connections and ends the servers this window started (others end once idle). */
export async function removeDemo(): Promise<void> {
  const entries = savedConnectionEntries();
  await saveConnectionEntries(entries.filter((entry) => !isDemoEntry(entry)));
  started?.stop();
  await stopDemo();
}

/**
 * This window stops keeping the demo alive. Its servers keep running, with their state, for a
 * window reload or another window; they exit once no window has used them for a while.
 */
export async function stopDemo(): Promise<void> {
  running = undefined;
  started = undefined;
  if (keepAliveTimer) clearInterval(keepAliveTimer);
  keepAliveTimer = undefined;
}
