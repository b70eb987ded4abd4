import * as vscode from 'vscode';
import type * as Simulator from '../simulator/index';
import { connectionsSetting, type ConnectionConfig } from '../connections/config';
import type { ConnectionRegistry } from '../connections/registry';
import { demoNames, demoPorts, isDemoConnection, rememberDemo, type DemoPorts } from '../connections/demo';
import { log } from '../log';
import { errorText } from '../ui/errorText';

export { demoNames } from '../connections/demo';

let running: Promise<{ close(): Promise<void> }> | undefined;

/** Both simulated servers, on these ports or on free ones. */
async function startServers(ports?: DemoPorts) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulator = require('./simulator.js') as typeof Simulator;
  const started = simulator.startSimulators({ lxcaPort: ports?.lxcaPort ?? 0, jp1aoPort: ports?.jp1aoPort ?? 0 });
  running = started;
  return started;
}

function demoConfigs(): ConnectionConfig[] {
  const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
  return entries.filter((entry): entry is ConnectionConfig => typeof entry === 'object' && entry !== null && isDemoConnection(entry as ConnectionConfig));
}

/**
 * After a window reload: the demo's servers start again on the ports its connections name, with
 * the same seed (so the same data) and the same passwords, before the tree first loads them. When
 * a port is taken, the connections say so and offer "Restart Demo".
 */
export async function resumeDemo(registry: ConnectionRegistry): Promise<void> {
  const ports = demoPorts();
  const configs = demoConfigs();
  if (!ports || configs.length === 0) return;
  try {
    const { lxca, jp1ao } = await startServers(ports);
    for (const config of configs) await registry.credentials.storeQuietly(config, config.kind === 'lxca' ? lxca.password : jp1ao.password);
    log().info('The demo servers started again after the window reload.');
  } catch (error) {
    running = undefined;
    log().warn(`The demo servers could not start again on their ports: ${errorText(error)}`);
  }
}

/**
 * Remove Demo: both demo connections, their passwords and the servers go together.
 * Answers false when the connection is not the demo's.
 */
export async function removeDemo(registry: ConnectionRegistry, name: string): Promise<boolean> {
  const configs = demoConfigs();
  if (!configs.some((config) => config.name === name)) return false;
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the demo? Both demo connections, their stored passwords and the demo servers go.'),
    { modal: true },
    vscode.l10n.t('Remove Demo'),
  );
  if (answer !== vscode.l10n.t('Remove Demo')) return true;
  for (const config of configs) await registry.credentials.delete(config);
  const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
  const names = new Set(configs.map((config) => config.name));
  await vscode.workspace
    .getConfiguration()
    .update(connectionsSetting, entries.filter((entry) => !names.has((entry as { name?: string }).name ?? '')), vscode.ConfigurationTarget.Global);
  await rememberDemo(undefined);
  await stopDemo();
  return true;
}

/**
 * Try the Demo: both simulated servers start inside the extension host on free loopback ports,
 * two connections point at them and their passwords go to SecretStorage, like any other. The
 * ports are remembered (globalState), so after a window reload the servers start again there.
 */
export async function startDemo(registry: ConnectionRegistry): Promise<void> {
  await vscode.window.withProgress(
    { location: { viewId: 'opsTasks.tasks' }, title: 'Starting the demo servers…' },
    async () => {
      await stopDemo();
      const { lxca, jp1ao } = await startServers();
      await rememberDemo({ lxcaPort: Number(new URL(lxca.url).port), jp1aoPort: Number(new URL(jp1ao.url).port) });
      const demo: [ConnectionConfig, string][] = [
        [{ name: demoNames.lxca, kind: 'lxca', baseUrl: lxca.url, username: lxca.username }, lxca.password],
        [{ name: demoNames.jp1ao, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username }, jp1ao.password],
      ];
      for (const [config, password] of demo) await registry.credentials.storeQuietly(config, password);
      const entries = vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
      const others = entries.filter((entry) => !Object.values(demoNames).includes((entry as { name?: never }).name as never));
      await vscode.workspace
        .getConfiguration()
        .update(connectionsSetting, [...others, ...demo.map(([config]) => config)], vscode.ConfigurationTarget.Global);
    },
  );
  await vscode.commands.executeCommand('opsTasks.tasks.focus');
}

export async function stopDemo(): Promise<void> {
  const servers = running;
  running = undefined;
  await (await servers?.catch(() => undefined))?.close();
}
