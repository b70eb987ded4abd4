import * as vscode from 'vscode';
import type * as Simulator from '../simulator/index';
import { connectionsSetting, type ConnectionConfig } from '../connections/config';
import type { Product } from '../tasks/model';
import { isProduct } from '../tasks/products';

export const demoNames: Readonly<Record<Product, string>> = { lxca: 'Demo LXCA', jp1ao: 'Demo JP1/AO' };

type Servers = Awaited<ReturnType<typeof Simulator.startSimulators>>;

let running: Promise<Servers | undefined> | undefined;

/**
 * A demo connection: one of the two names Try the Demo writes, pointing at this machine. Its
 * password comes from the demo servers themselves, never from a prompt or SecretStorage.
 */
export function isDemoConnection(config: Pick<ConnectionConfig, 'name' | 'kind' | 'baseUrl'>): boolean {
  if (demoNames[config.kind] !== config.name) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(config.baseUrl).hostname);
  } catch {
    return false;
  }
}

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

/** The ports the saved demo connections point at, so a restart serves the same URLs. */
function savedPorts(): { lxcaPort: number; jp1aoPort: number } {
  const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
  const portOf = (kind: Product): number => {
    const entry = entries.find((e): e is ConnectionConfig => isDemoEntry(e) && e.kind === kind);
    return entry ? Number(new URL(entry.baseUrl).port) || 0 : 0;
  };
  return { lxcaPort: portOf('lxca'), jp1aoPort: portOf('jp1ao') };
}

function isDemoEntry(entry: unknown): entry is ConnectionConfig {
  const config = entry as Partial<ConnectionConfig> | null;
  return typeof config?.name === 'string' && typeof config.baseUrl === 'string' && isProduct(config.kind) && isDemoConnection(config as ConnectionConfig);
}

/**
 * The demo servers, started inside the extension host on first use. They hold the same seeded
 * data every time, so after a window reload the demo connections find their servers again on the
 * same ports. When those ports are taken, another window of this machine serves the demo already
 * (undefined here); with none saved, the servers take free ports and the settings follow.
 */
export function demoServers(fresh = false): Promise<Servers | undefined> {
  if (running && !fresh) return running;
  const previous = running;
  const start = async (): Promise<Servers | undefined> => {
    await (await previous?.catch(() => undefined))?.close();
    const simulator = loadSimulator();
    const ports = { ...(fresh ? { lxcaPort: 0, jp1aoPort: 0 } : savedPorts()), responseWaitAfterMs: demoResponseWaitMs() };
    let servers: Servers;
    try {
      servers = await simulator.startSimulators(ports);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && ports.lxcaPort && ports.jp1aoPort) return undefined;
      servers = await simulator.startSimulators({ ...ports, lxcaPort: 0, jp1aoPort: 0 });
    }
    await saveDemoConnections(servers);
    return servers;
  };
  const started = start();
  running = started;
  // Served elsewhere or failed: the next use tries again, so Retry can start them here.
  const forget = () => {
    if (running === started) running = undefined;
  };
  started.then((servers) => servers ?? forget(), forget);
  return started;
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
  const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
  const current = entries.filter(isDemoEntry);
  const same = wanted.every((config) => current.some((entry) => entry.name === config.name && entry.baseUrl === config.baseUrl && entry.username === config.username));
  if (same && current.length === wanted.length) return;
  const others = entries.filter((entry) => !isDemoEntry(entry) && !wanted.some((config) => config.name === (entry as { name?: unknown } | null)?.name));
  await vscode.workspace.getConfiguration().update(connectionsSetting, [...others, ...wanted], vscode.ConfigurationTarget.Global);
}

/** Removes both demo connections and stops their servers. */
export async function removeDemo(): Promise<void> {
  const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
  await vscode.workspace.getConfiguration().update(connectionsSetting, entries.filter((entry) => !isDemoEntry(entry)), vscode.ConfigurationTarget.Global);
  await stopDemo();
}

export async function stopDemo(): Promise<void> {
  const servers = running;
  running = undefined;
  await (await servers?.catch(() => undefined))?.close();
}
