import type { Jp1aoClient } from '../api/jp1ao/client';
import type { LxcaClient } from '../api/lxca/client';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';

/** The connection by name as it is now: a settings change may have replaced the object. */
export function currentConnection(registry: ConnectionRegistry, name: string): Connection {
  const connection = registry.get(name);
  if (!connection) throw new Error(`The connection ${name} no longer exists`);
  return connection;
}

export function jp1aoClient(connection: Connection): Jp1aoClient {
  const session = connection.productSession();
  if (session.product !== 'jp1ao') throw new Error(`${connection.name} is not a JP1/AO connection`);
  return session.client;
}

export function lxcaClient(connection: Connection): LxcaClient {
  const session = connection.productSession();
  if (session.product !== 'lxca') throw new Error(`${connection.name} is not an LXCA connection`);
  return session.client;
}

/** A failure as one line for a form: the API layer's messages are already safe to show. */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
