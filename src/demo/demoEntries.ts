/** Which saved connections are the demo's, and where its entries go in the list. No vscode here. */
import type { ConnectionConfig } from '../connections/config';
import type { Product } from '../tasks/model';
import { isProduct } from '../tasks/products';

export const demoNames: Readonly<Record<Product, string>> = { lxca: 'Demo LXCA', jp1ao: 'Demo JP1/AO' };

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

export function isDemoEntry(entry: unknown): entry is ConnectionConfig {
  const config = entry as Partial<ConnectionConfig> | null;
  return typeof config?.name === 'string' && typeof config.baseUrl === 'string' && isProduct(config.kind) && isDemoConnection(config as ConnectionConfig);
}

/**
 * The connection list with the demo's entries replaced where they stand (Restart Demo keeps the
 * user's order); demo entries not in the list yet go after the user's own.
 */
export function withDemoConnections(entries: readonly unknown[], wanted: readonly ConnectionConfig[]): unknown[] {
  const placed = new Set<ConnectionConfig>();
  const replaced = entries.flatMap((entry) => {
    const name = (entry as { name?: unknown } | null)?.name;
    const demo = isDemoEntry(entry) ? wanted.find((config) => config.kind === entry.kind) : wanted.find((config) => config.name === name);
    if (!demo && !isDemoEntry(entry)) return [entry];
    if (!demo || placed.has(demo)) return [];
    placed.add(demo);
    return [demo];
  });
  return [...replaced, ...wanted.filter((config) => !placed.has(config))];
}

