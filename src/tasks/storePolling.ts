import type { PollTarget } from './poller';
import type { TaskStore } from './store';

/**
 * What the poller sees of a task store: whether tasks run, whether the last read failed and how
 * long a busy server asked to be left alone; and, from its owner, whether a first load runs.
 */
export function storePollTarget(
  store: TaskStore,
  refresh: (background: boolean) => Promise<void>,
  retryAfterMs: () => number | undefined = () => undefined,
  firstLoadRunning: () => boolean = () => false,
): PollTarget {
  return {
    get firstLoadRunning() {
      return firstLoadRunning();
    },
    get hasActiveTasks() {
      return store.hasActiveTasks;
    },
    get failing() {
      return store.state.kind === 'failed';
    },
    get retryAfterMs() {
      return retryAfterMs();
    },
    refresh,
  };
}
