/**
 * "Server busy": a 429, or a 503 that says when to come back (`Retry-After`). Neither carried the
 * request out, so an action says it was refused and may be tried again, and polling waits at least
 * as long as the server asked.
 */
import { ApiError } from './errors';
import type { HttpResponse } from './httpTypes';

/** A server asking for more than this is waited for this long: polling must not stop for a day. */
export const maxRetryAfterMs = 10 * 60_000;
/** A 429 without a usable Retry-After is given this pause. */
export const defaultRetryAfterMs = 30_000;

function headerText(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After in milliseconds (seconds or an HTTP date), capped; undefined when absent or unreadable. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | undefined {
  const value = headerText(response, 'retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(maxRetryAfterMs, Math.max(0, ms));
}

/** Whether the response says "busy, come back later": 429 always, 503 with a Retry-After. */
export function isBusy(response: HttpResponse): boolean {
  return response.status === 429 || (response.status === 503 && retryAfterMs(response) !== undefined);
}

/** The typed "server busy" error for such a response; `action` says what was refused. */
export function busyError(response: HttpResponse, action: string, serverMessage?: string): ApiError {
  const wait = retryAfterMs(response) ?? defaultRetryAfterMs;
  const seconds = Math.max(1, Math.ceil(wait / 1000));
  const said = serverMessage ? ` (${serverMessage})` : '';
  return new ApiError('busy', `${action}: refused, the server is busy (HTTP ${response.status})${said}. Nothing was carried out; try again in ${seconds} s.`, {
    status: response.status,
    retryAfterMs: wait,
  });
}
