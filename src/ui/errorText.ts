import type { ApiError, ApiErrorKind, TlsError } from '../api/errors';

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

export function tlsErrorOf(error: unknown): TlsError | undefined {
  return apiErrorKind(error) === 'tls' ? (error as TlsError) : undefined;
}

/**
 * The one-line text of any failure, for notifications, the tree and the forms alike: the server's
 * own words with their message id when it gave some, else the error's message (the API layer's
 * messages are safe to show).
 */
export function errorText(error: unknown): string {
  const apiError = apiErrorOf(error);
  if (apiError?.serverMessage) {
    return apiError.messageId ? `${apiError.serverMessage} (${apiError.messageId})` : apiError.serverMessage;
  }
  return error instanceof Error ? error.message : String(error);
}
