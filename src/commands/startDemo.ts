import * as vscode from 'vscode';
import type * as Simulator from '../simulator/index';
import { connectionsSetting, type ConnectionConfig } from '../connections/config';
import type { ConnectionRegistry } from '../connections/registry';

export const demoNames = { lxca: 'Demo LXCA', jp1ao: 'Demo JP1/AO' } as const;

let running: Promise<{ close(): Promise<void> }> | undefined;

/**
 * Try the Demo: both simulated servers start inside the extension host on free loopback ports,
 * two connections point at them and their passwords go to SecretStorage, like any other.
 * The servers stop with the extension; the connections stay (and say "unreachable") until the
 * demo starts again or the user removes them.
 */
export async function startDemo(registry: ConnectionRegistry): Promise<void> {
  await vscode.window.withProgress(
    { location: { viewId: 'opsTasks.tasks' }, title: vscode.l10n.t('Starting the demo servers…') },
    async () => {
      await stopDemo();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const simulator = require('./simulator.js') as typeof Simulator;
      const started = simulator.startSimulators({ lxcaPort: 0, jp1aoPort: 0 });
      running = started;
      const { lxca, jp1ao } = await started;
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
