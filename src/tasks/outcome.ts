/**
 * An action's outcome, as the server shows it: after the action's requests were answered, its
 * tasks are read again until each reaches where the action leads or a settle window passes. An
 * HTTP 200 alone never counts as done. No `vscode` import: tested over loopback in plain Node.
 */
import type { Task } from './model';

/** One task after the window: it reached where the action leads, still had not, or is gone. */
export type ObservedOutcome =
  | { readonly kind: 'reached'; readonly task: Task }
  | { readonly kind: 'notTaken'; readonly task: Task }
  /** The server no longer has it (archived, deleted): what an archive leads to. */
  | { readonly kind: 'gone'; readonly key: string };

export interface ObserveOptions {
  /**
   * The tasks as the server has them now (and shown in the tree); a task missing from the answer
   * is gone. A failing read is tried again at the next step, the tasks keep their last state.
   */
  read(tasks: readonly Task[]): Promise<readonly Task[]>;
  /** Whether the task is where the action leads. */
  reached(task: Task): boolean;
  /** How long the tasks are watched after the action's requests were answered. */
  settleMs: number;
  /** The longest gap between two reads (the active polling interval). */
  intervalMs: number;
  /** Gap before the first read after the read-back; it doubles up to `intervalMs`. */
  firstGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Stops watching early (the connection was removed, VS Code shuts down): the rest is `notTaken`. */
  cancelled?: () => boolean;
  /**
   * Runs one read with every request it sends bound by `ms` (the API's `withOperationDeadline`):
   * each read gets only what is left of the window, so a read-back that hangs ends with it and the
   * watch never outlasts `settleMs`.
   */
  within?: <T>(ms: number, work: () => Promise<T>) => Promise<T>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A task by key in the tasks read, subtasks included (an LXCA subtask is read with its job). */
function findByKey(tasks: readonly Task[], key: string): Task | undefined {
  for (const task of tasks) {
    if (task.key === key) return task;
    const child = findByKey(task.children, key);
    if (child) return child;
  }
  return undefined;
}

/**
 * Reads the tasks at once (the action's read-back), then again after 1 s, 2 s, 4 s … (never
 * longer apart than `intervalMs`) until every one reached where the action leads or `settleMs`
 * passed since the start, and reports each one's outcome in the order given.
 */
export async function observeOutcome(tasks: readonly Task[], options: ObserveOptions): Promise<ObservedOutcome[]> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + options.settleMs;
  const latest = new Map<string, Task | undefined>(tasks.map((task) => [task.key, task]));
  const open = () => tasks.filter((task) => {
    const seen = latest.get(task.key);
    return seen !== undefined && !options.reached(seen);
  });
  let gap = options.firstGapMs ?? 1000;
  for (let first = true; ; first = false) {
    const waiting = open();
    if (waiting.length === 0 || options.cancelled?.()) break;
    if (!first) {
      const left = deadline - now();
      if (left <= 0) break;
      await sleep(Math.min(gap, left, Math.max(options.intervalMs, 1)));
      gap *= 2;
      if (options.cancelled?.()) break;
    }
    try {
      const left = Math.max(1, deadline - now());
      const read = await (options.within ? options.within(left, () => options.read(waiting)) : options.read(waiting));
      for (const task of waiting) latest.set(task.key, findByKey(read, task.key));
    } catch {
      // Not known yet: the next read (or the end of the window) tells.
    }
    if (now() >= deadline) {
      // The last read at the end of the window counts; nothing after it.
      break;
    }
  }
  return tasks.map((task): ObservedOutcome => {
    const seen = latest.get(task.key);
    if (seen === undefined) return { kind: 'gone', key: task.key };
    return options.reached(seen) ? { kind: 'reached', task: seen } : { kind: 'notTaken', task: seen };
  });
}
