import type { PollTarget } from './poller';
import type { TaskStore } from './store';

/**
 * What the poller sees of a task store: whether its first load has ended, whether tasks run,
 * whether the last read failed and how long a busy server asked to be left alone.
 */
export function storePollTarget(
  store: TaskStore,
  refresh: (background: boolean) => Promise<void>,
  retryAfterMs: () => number | undefined = () => undefined,
): PollTarget {
  return {
    get firstLoadEnded() {
      return store.state.kind !== 'empty';
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
