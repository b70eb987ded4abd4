import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { productInfo } from '../tasks/products';

/**
 * The connection a command is about: the tree node it was invoked on, a name passed by an action
 * node, or the user's pick from the palette.
 */
export async function pickConnection(
  registry: ConnectionRegistry,
  arg: unknown,
  placeHolder = vscode.l10n.t('Which connection?'),
): Promise<Connection | undefined> {
  const named = typeof arg === 'string' ? arg : (arg as { connection?: Connection } | undefined)?.connection?.name;
  if (named) return registry.get(named);
  const connections = registry.all();
  if (connections.length <= 1) return connections[0];
  const picked = await vscode.window.showQuickPick(
    connections.map((connection) => ({
      label: connection.name,
      description: connection.config.baseUrl,
      detail: `${productInfo(connection.config.kind).shortName} · ${connection.config.username}`,
      connection,
    })),
    { placeHolder },
  );
  return picked?.connection;
}
