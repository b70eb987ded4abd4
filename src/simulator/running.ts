// What both running simulators share: address, users, request log, faults, sessions, and stopping.
import { type HttpCoreOptions, startHttpCore } from './server';
import type { TlsMaterial } from './tls';
import type { RunningSimulator, SimulatorOptions } from './types';

interface User {
  username: string;
  password: string;
}

type SharedMembers = Omit<RunningSimulator, 'product'> & { viewer: User };

interface Product extends Pick<HttpCoreOptions, 'handle' | 'errorFor'> {
  port: number | undefined;
  /** The full user first, then the read-only viewer. */
  users: readonly User[];
  auth: { expireAll(): void };
  /** Runs every `newItemEveryMs` (default 20 s, 0 = never) so a watched tree has something new to show. */
  addLiveItem(): void;
}

/** Starts one product's HTTP server on options.host (loopback unless given) and the shared members. */
export async function runningSimulator(options: SimulatorOptions, tls: TlsMaterial | undefined, product: Product): Promise<SharedMembers> {
  const { users, auth, addLiveItem } = product;
  const core = await startHttpCore({ host: options.host ?? '127.0.0.1', port: product.port ?? 0, tls, handle: product.handle, errorFor: product.errorFor });
  const every = options.newItemEveryMs ?? 20_000;
  const timer = every > 0 ? setInterval(addLiveItem, every).unref() : undefined;
  const [main, viewer] = users;
  return {
    url: core.url,
    username: main.username,
    password: main.password,
    viewer: { username: viewer.username, password: viewer.password },
    fingerprint256: tls?.fingerprint256,
    caPem: tls?.cert,
    requests: core.requests,
    clearRequests: core.clearRequests,
    faults: core.faults,
    expireSessions: () => auth.expireAll(),
    close: async () => {
      if (timer) clearInterval(timer);
      await core.close();
    },
  };
}
