// The options a task store is built with, and the idle-read ratio connections give it.
export interface StoreOptions {
  /**
   * How often the full list is read while polls read only the unfinished tasks (the idle
   * interval): new tasks started elsewhere appear within it.
   */
  fullReadEveryMs?: number;
  /**
   * Of this many idle reads (one per `fullReadEveryMs`), one is the full list; the others read
   * only what can change (the unfinished tasks, and whether a newer task exists: `hasNewer`) and
   * turn into the full list when something newer or gone shows. Only for a source with `hasNewer`;
   * 1 (the default): every idle read is the full list.
   */
  idleReadsPerFullRead?: number;
  /**
   * Runs one refresh as one operation with one overall deadline (the API's
   * `withOperationDeadline`): its reads together (unfinished tasks, a newer one, the list) stop
   * there, however many they are.
   */
  withinDeadline?: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * How long the server's totals (the badge's running and failed counts) stand before a full read
   * asks for them again; an action makes the next full read ask at once. Between reads, polls of
   * the unfinished tasks move them along. They cost JP1/AO two count requests per read.
   */
  totalsEveryMs?: number;
  now?: () => number;
}

/**
 * A connection's store reads the full list at one idle interval in this many, and only what can
 * change at the others, when its product can tell cheaply whether a newer task exists (LXCA,
 * docs/api/lxca.md "Idle reads"). A finished task deleted on the server leaves the tree at the
 * next full read; a user's Refresh is always one.
 */
export const idleReadsPerFullRead = 5;
