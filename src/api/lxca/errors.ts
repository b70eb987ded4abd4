/** Maps LXCA error responses (docs/api/lxca.md, "Errors") to ApiError. Never puts a raw body in a message. */
import { ApiError, type ApiErrorKind } from '../errors';
import type { HttpResponse } from '../http';
import { fullServerText, safeExcerpt, scrubberOf, shortServerText } from '../redaction';
import { saysSessionNotAuthenticated } from './assumptions';
import { isRecord } from './text';
import { busyError, isBusy } from '../busy';

export interface LxcaMessage {
  id?: string;
  text?: string;
  explanation?: string;
  recovery: { text?: string; url?: string }[];
}

/** The first entry of an LXCA status-message body `{result, messages: [...]}`, if there is one. */
export function firstLxcaMessage(json: unknown): LxcaMessage | undefined {
  if (!isRecord(json) || !Array.isArray(json.messages) || !isRecord(json.messages[0])) return undefined;
  const message = json.messages[0];
  const recoveries = Array.isArray(message.recovery) ? message.recovery : [message.recovery];
  return {
    id: stringOrUndefined(message.id),
    text: stringOrUndefined(message.text),
    explanation: stringOrUndefined(message.explanation),
    recovery: recoveries.filter(isRecord).map((r) => ({
      text: stringOrUndefined(r.text),
      url: stringOrUndefined(r.URL) ?? stringOrUndefined(r.url),
    })),
  };
}

/** A 401, or a 403 whose message says the session is not authenticated: log in again. */
export function isSessionExpired(response: HttpResponse): boolean {
  if (response.status === 401) return true;
  if (response.status !== 403) return false;
  const message = firstLxcaMessage(response.json);
  return saysSessionNotAuthenticated(message?.text) || saysSessionNotAuthenticated(message?.explanation);
}

function kindFor(response: HttpResponse): ApiErrorKind {
  const { status } = response;
  if (isSessionExpired(response)) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 412) return 'badRequest';
  if (status >= 500) return 'server';
  if (status >= 400) return 'badRequest';
  return 'badResponse';
}

const defaultWording: Partial<Record<number, string>> = {
  400: 'the request was refused as invalid',
  401: 'not signed in',
  403: 'permission denied',
  404: 'not found',
  412: 'missing values',
};

export interface LxcaErrorOptions {
  /** Overrides the status mapping when the caller knows better (a 401 at login is a wrong password). */
  kind?: ApiErrorKind;
  /** Replaces the message built from the server's text; the server's text stays in `serverMessage`. */
  message?: string;
}

/** The ApiError for a failed LXCA response; `action` says what was attempted ("Cancel job 83"). */
export function lxcaError(response: HttpResponse, action: string, options: LxcaErrorOptions = {}): ApiError {
  const { status } = response;
  const kind = options.kind ?? kindFor(response);
  const scrub = scrubberOf(response);
  const message = scrubbed(firstLxcaMessage(response.json), scrub);
  const said = message?.text === undefined ? '' : shortServerText(message.text);
  if (!options.kind && isBusy(response)) return busyError(response, action, said || undefined);
  if (message?.text && said) {
    return new ApiError(kind, options.message ?? `${action} failed: ${said}`, {
      status,
      serverMessage: said,
      fullText: fullServerText(message.text),
      messageId: message.id && shortServerText(message.id),
      details: details(message),
    });
  }
  const text = scrub(response.text);
  const excerpt = response.isJson || text.trim() === '' ? undefined : safeExcerpt(text);
  const wording = defaultWording[status] ?? (status >= 500 ? 'server error' : 'unexpected answer');
  const shown = excerpt ? `${wording}: ${excerpt}` : wording;
  return new ApiError(kind, options.message ?? `${action} failed (HTTP ${status}, ${shown})`, {
    status,
    excerpt,
    fullText: excerpt === undefined ? undefined : fullServerText(text),
    messageId: message?.id && shortServerText(message.id),
  });
}

function scrubbed(message: LxcaMessage | undefined, scrub: (text: string) => string): LxcaMessage | undefined {
  if (!message) return undefined;
  const clean = (text: string | undefined) => (text === undefined ? undefined : scrub(text));
  return {
    id: clean(message.id),
    text: clean(message.text),
    explanation: clean(message.explanation),
    recovery: message.recovery.map((r) => ({ text: clean(r.text), url: clean(r.url) })),
  };
}

function details(message: LxcaMessage): string | undefined {
  const lines = [message.explanation, ...message.recovery.flatMap((r) => [r.text, r.url])];
  const text = lines.filter((line): line is string => !!line && line.trim() !== '').join('\n');
  return text === '' ? undefined : fullServerText(text);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
