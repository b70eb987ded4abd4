/**
 * One overall deadline for an operation, however many requests it takes: an LXCA read may sign in,
 * send, sign in again and retry (four requests), and each request's own deadline alone let that
 * take four times as long. Requests sent inside `withOperationDeadline` (directly or through a
 * sign-in it triggers) stop when the operation's time is up. Nested operations keep the earlier
 * deadline.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

export interface OperationDeadline {
  /** `performance.now()` at which the operation's time is up. */
  readonly at: number;
  /** The operation's whole allowance, for the message. */
  readonly ms: number;
}

/** An action or a refresh that has not finished after this long has failed. */
export const DEFAULT_OPERATION_DEADLINE_MS = 60_000;

const current = new AsyncLocalStorage<OperationDeadline>();

/** Runs `work` (sync or async) with every request it sends bound by one deadline `ms` from now. */
export function withOperationDeadline<T>(ms: number, work: () => T): T {
  const outer = current.getStore();
  const at = performance.now() + ms;
  if (outer && outer.at <= at) return work();
  return current.run({ at, ms }, work);
}

/** The deadline of the operation this code runs in, if any. */
export function operationDeadline(): OperationDeadline | undefined {
  return current.getStore();
}
