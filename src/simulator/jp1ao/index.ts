// Starts the fake JP1/Automatic Operation server.
import { runningSimulator } from '../running';
import type { TlsMaterial } from '../tls';
import { type Jp1aoSimulator, resolveVariants, type SimulatorOptions } from '../types';
import { AO_USERS, AoAuth } from './auth';
import { aoErrorForStatus } from './messages';
import { jp1aoHandler } from './routes';
import { Jp1aoSeeder } from './seed';
import { TaskStore } from './tasks';
import { showsLongRunning, spellStatus } from './words';
import { responseInput } from './responseWaits';

export async function startJp1ao(options: SimulatorOptions, tls?: TlsMaterial): Promise<Jp1aoSimulator> {
  const variants = resolveVariants(options);
  const store = new TaskStore(Date.now, variants.jp1aoTimeOffset, (task) =>
    spellStatus(showsLongRunning(task.status, task.instanceID, variants) ? 'longRunning' : task.status, variants.jp1aoStatusWords),
  );
  if (options.firstId) store.startIdsAt(options.firstId);
  const seeder = new Jp1aoSeeder(store, options.seed ?? 1);
  seeder.seed(options.size ?? 300);
  if (options.responseWaitAfterMs !== undefined) seeder.addTaskWaitingLater(options.responseWaitAfterMs);
  const auth = new AoAuth(options.tokenLifetimeSeconds ?? 1000);
  const find = (id: number | string) => store.get(Number(id));

  return {
    product: 'jp1ao',
    ...(await runningSimulator(options, tls, {
      port: options.jp1aoPort,
      handle: jp1aoHandler(auth, store, variants),
      errorFor: aoErrorForStatus,
      users: AO_USERS,
      auth,
      addLiveItem: () => seeder.addLiveTask(),
    })),
    task: (id: number | string) => {
      const task = find(id);
      return task && store.view(task);
    },
    tasks: () => store.all().map((task) => store.view(task)),
    histories: () => store.histories().map((task) => store.view(task)),
    addResponseWait: (id: number | string, promptIndex?: number) => {
      const task = find(id);
      if (!task) throw new Error(`no JP1/AO task ${id}`);
      store.addResponseWait(task, promptIndex);
      return responseInput(task);
    },
    setTaskStatus: (id: number | string, status: string) => {
      const task = find(id);
      if (!task) throw new Error(`no JP1/AO task ${id}`);
      store.setStatus(task, status);
    },
  };
}
