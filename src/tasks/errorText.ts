import type { ApiError, ApiErrorKind } from '../api/errors';
import { shortPlainText } from '../util/plainText';
import { safeLine } from '../util/displayText';
import { t } from './l10n';

/** Longest one-line error text: the API layer's wording plus a short server message. */
const maxErrorTextLength = 500;

/**
 * The API layer's error, recognised without loading the API bundle: its classes live in
 * dist/api.js and only their types are known here. Every ApiError, and nothing else the
 * extension throws, carries a `kind`.
 */
export function apiErrorOf(error: unknown): ApiError | undefined {
  return error instanceof Error && typeof (error as { kind?: unknown }).kind === 'string' ? (error as ApiError) : undefined;
}

export function apiErrorKind(error: unknown): ApiErrorKind | undefined {
  return apiErrorOf(error)?.kind;
}

/**
 * After these the server may have carried the request out (it timed out, the connection dropped or
 * the answer was unreadable): the request is reported so and never sent again.
 */
const uncertainKinds: ReadonlySet<ApiErrorKind> = new Set<ApiErrorKind>(['uncertain', 'timeout', 'unreachable', 'aborted', 'badResponse', 'tooLarge', 'server']);

export function mayHaveBeenCarriedOut(error: unknown): boolean {
  const kind = apiErrorKind(error);
  return kind !== undefined && uncertainKinds.has(kind) && !wasNotSent(error);
}

/** The change never left this machine (ApiError.notSent): nothing happened, it may be tried again. */
export function wasNotSent(error: unknown): boolean {
  return apiErrorOf(error)?.notSent === true;
}

/**
 * The one-line text of any failure, for notifications, the tree and the forms alike: the server's
 * own words with their message id when it gave some, else the error's message (the API layer's
 * messages are safe to show).
 */
export function errorText(error: unknown): string {
  const apiError = apiErrorOf(error);
  if (apiError?.serverMessage) {
    return safeLine(apiError.messageId ? `${apiError.serverMessage} (${apiError.messageId})` : apiError.serverMessage, maxErrorTextLength);
  }
  return safeLine(shortPlainText(error instanceof Error ? safeString(error.message) : safeString(error), maxErrorTextLength), maxErrorTextLength);
}

/**
 * The text of a failure for the log: the short line plus the server's whole (redacted) text when
 * the short line had to leave some of it out.
 */
export function errorLogText(error: unknown): string {
  const short = errorText(error);
  const full = apiErrorOf(error)?.fullText;
  return full && full !== short ? `${short}\n  Server's full text: ${full}` : short;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return t('Unknown error');
  }
}
