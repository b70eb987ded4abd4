import { ApiError, type ApiErrorKind } from '../errors';
import type { HttpResponse } from '../http';
import { fullServerText, safeExcerpt, scrubberOf, shortServerText } from '../redaction';
import { safeText } from '../../util/safeText';
import { busyError, isBusy } from '../busy';

/** The JP1/AO error body (docs/api/jp1ao.md, "Errors"). */
interface Jp1aoErrorBody {
  message?: string;
  messageId?: string;
  details?: string;
}

function describe(status: number, subject: string): { kind: ApiErrorKind; summary: string } {
  switch (status) {
    case 400:
      return { kind: 'badRequest', summary: 'JP1/AO refused the request as invalid' };
    case 401:
      return { kind: 'auth', summary: 'JP1/AO did not accept the user name or password' };
    case 403:
      return { kind: 'forbidden', summary: 'You have no permission to do this on the JP1/AO server' };
    case 404:
      return { kind: 'notFound', summary: `${subject} was not found or you have no permission to see it` };
    case 409:
      return { kind: 'conflict', summary: 'The task is not in a state that allows this operation' };
    case 412:
      // JP1/AO uses 412 for "server not available", not for an HTTP precondition.
      return { kind: 'unavailable', summary: 'The JP1/AO server is not available' };
    default:
      return status >= 500
        ? { kind: 'server', summary: 'The JP1/AO server failed' }
        : { kind: 'badResponse', summary: 'The JP1/AO server gave an unexpected answer' };
  }
}

/** The server's texts are kept whole up to this size (shown short, logged whole). */
const maxServerTextLength = 100_000;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return safeText(value, maxServerTextLength);
}

function errorBody(response: HttpResponse, scrub: (text: string) => string): Jp1aoErrorBody | undefined {
  const json = response.json;
  if (!response.isJson || typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const body = json as Record<string, unknown>;
  const clean = (value: unknown) => {
    const said = text(value);
    return said === undefined ? undefined : scrub(said);
  };
  return {
    message: clean(body.message),
    messageId: clean(body.messageID ?? body.messageId),
    details: clean(body.messageData),
  };
}

/**
 * The ApiError for a non-2xx JP1/AO response. `subject` names what was asked for ("Task 42"),
 * so a 404 can say which thing is missing (or hidden: JP1/AO answers 404 for no permission too).
 */
export function jp1aoError(response: HttpResponse, subject = 'The requested object'): ApiError {
  const { kind, summary } = describe(response.status, subject);
  const scrub = scrubberOf(response);
  const body = errorBody(response, scrub);
  if (isBusy(response)) return busyError(response, 'JP1/AO', body?.message === undefined ? undefined : shortServerText(body.message));
  const status = response.status;
  if (body?.message !== undefined || body?.messageId !== undefined) {
    const message = body.message === undefined ? undefined : shortServerText(body.message);
    const messageId = body.messageId === undefined ? undefined : shortServerText(body.messageId);
    const said = [messageId, message].filter((part) => part !== undefined).join(' ');
    return new ApiError(kind, `${summary}: ${said}`, {
      status,
      serverMessage: message,
      fullText: body.message === undefined ? undefined : fullServerText(body.message),
      messageId,
      details: body.details === undefined ? undefined : fullServerText(body.details),
    });
  }
  const raw = scrub(response.text);
  const excerpt = raw.trim() === '' ? undefined : safeExcerpt(raw);
  const suffix = excerpt === undefined ? '' : `: ${excerpt}`;
  return new ApiError(kind, `${summary} (HTTP ${status})${suffix}`, {
    status,
    excerpt,
    fullText: excerpt === undefined ? undefined : fullServerText(raw),
  });
}

/**
 * The action's template answered 404 or 409: the server does not offer this operation for the task
 * now (`GET …/Tasks/{id}/actions/{name}`). Keeps the server's error as its cause.
 */
export class OperationNotOffered extends ApiError {
  constructor(
    readonly operation: string,
    subject: string,
    cause: ApiError,
  ) {
    super(cause.kind, `JP1/AO does not offer the operation "${operation}" for ${subject} now`, {
      status: cause.status,
      serverMessage: cause.serverMessage,
      fullText: cause.fullText,
      messageId: cause.messageId,
      details: cause.details,
      cause,
    });
    this.name = 'OperationNotOffered';
  }
}
