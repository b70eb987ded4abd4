// What both running simulators share: address, users, request log, faults, sessions, and stopping.
import type { HttpCore } from './server';
import type { TlsMaterial } from './tls';
import type { RunningSimulator, SimulatorOptions } from './types';

interface User {
  username: string;
  password: string;
}

type SharedMembers = Omit<RunningSimulator, 'product'> & { viewer: User };

/**
 * `users` is the full user first, then the read-only viewer. `addLiveItem` runs every
 * `newItemEveryMs` (default 20 s, 0 = never) so a watched tree has something new to show.
 */
export function runningSimulator(
  core: HttpCore,
  options: SimulatorOptions,
  users: readonly User[],
  auth: { expireAll(): void },
  addLiveItem: () => void,
  tls?: TlsMaterial,
): SharedMembers {
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
