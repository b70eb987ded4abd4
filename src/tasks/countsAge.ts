/**
 * How old the counts are. Polling stops while nobody looks (view hidden, window unfocused), and a
 * server may stop answering: counts read longer ago than polling would allow are not passed off
 * as current; they say when they were read.
 */
import type { PollIntervals } from './poller';

export interface CountedStore {
  /** When the tasks were last read; 0 = never. */
  readonly loadedAt: number;
  readonly hasActiveTasks: boolean;
  /** The last read failed. */
  readonly stale: boolean;
}

/** Slack for a poll that is on its way. */
const slackMs = 5_000;

/** How long counts stay current after a read: two polls at the interval the store would be polled at. */
export function currentForMs(store: CountedStore, intervals: PollIntervals): number {
  return 2 * (store.hasActiveTasks ? intervals.activeMs : intervals.idleMs) + slackMs;
}

/**
 * When the oldest counts were read, if any of them are out of date now (read too long ago, or
 * the connection cannot be read); undefined while they are all current. `nextCheck`: when that
 * answer may change next, if it may without a new read.
 */
export function countsAsOf(stores: readonly CountedStore[], intervals: PollIntervals, now: number): { asOf?: number; nextCheck?: number } {
  let asOf: number | undefined;
  let nextCheck: number | undefined;
  for (const store of stores) {
    if (store.loadedAt === 0) continue;
    const until = store.loadedAt + currentForMs(store, intervals);
    if (store.stale || until <= now) asOf = Math.min(asOf ?? Infinity, store.loadedAt);
    else nextCheck = Math.min(nextCheck ?? Infinity, until);
  }
  return { asOf, nextCheck };
}
