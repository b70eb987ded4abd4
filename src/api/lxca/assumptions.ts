/**
 * Every LXCA behaviour the vendor documents leave open and this project decides
 * (docs/api/lxca.md, the points marked "project"), in one place so it is easy to correct once a real appliance
 * has been seen.
 */
import { isRecord } from '../../util/values';

/**
 * Job fields: only `jobUID` is required. A job without one (nor an `id` to fall back on) cannot be
 * shown, refreshed or cancelled, so it is left out of the list. Every other field is optional and
 * one of an unexpected type is ignored (the raw object still shows it).
 */
export const jobIdFields = ['jobUID', 'id'] as const;

/**
 * Job shape: the tasks API as the project reads it gives `jobUID`, `status` as a string,
 * `percentage`, `cancelable` and `children`. Lenovo's older jobs API (lenovo/xclarity_client,
 * docs/apib/jobs.apib) gives `id`, `status: {state, percentage, substatus[]}`, `isCancelable` and
 * `cancelURI`. Either is read; when both spellings of a field are present the first listed wins.
 */
export const cancelableFields = ['cancelable', 'isCancelable'] as const;

/**
 * Subtasks deeper than this (a root job is level 1) are left out, and the job at the last level
 * kept says how many levels were dropped. No real job nests anywhere near this; a hostile or
 * broken answer must not exhaust the stack.
 */
export const maxJobDepth = 32;

/** A number, or a numeric string such as `"40"`, clamped to 0–100. */
export function parsePercentage(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  return Math.min(100, Math.max(0, number));
}

/** Below this an epoch number is taken as seconds, above it as milliseconds (1e11 s ≈ year 5138). */
const epochSecondsLimit = 1e11;

/**
 * Job times: ISO 8601 text (`2024-05-01T10:00:00Z`, also with a space instead of `T`), or epoch
 * seconds/milliseconds as a number or numeric text. Anything else is treated as absent.
 */
export function parseLxcaTime(value: unknown): number | undefined {
  let epoch: number;
  if (typeof value === 'number') epoch = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) epoch = Number(value);
  else if (typeof value === 'string' && value.trim() !== '') epoch = Date.parse(value.trim().replace(/^(\d{4}-\d\d-\d\d) /, '$1T'));
  else return undefined;
  if (!Number.isFinite(epoch) || epoch <= 0) return undefined;
  return epoch < epochSecondsLimit ? epoch * 1000 : epoch;
}

/**
 * A job advertises a cancel hook when it carries both `cancelURL` and `cancelRESTMethod` as
 * non-empty strings; `cancelRESTBody` is passed back as received.
 */
export function hasCancelHookFields(job: Record<string, unknown>): boolean {
  return isNonEmptyString(job.cancelURL) && isNonEmptyString(job.cancelRESTMethod);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Job `args` fill `{0}`, `{1}`… placeholders in the title (the docs say args are substituted, not how). */
export function substituteArgs(text: string, args: readonly string[] | undefined): string {
  if (!args || args.length === 0) return text;
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => args[Number(index)] ?? placeholder);
}

/**
 * A 403 counts as an expired session (log in again) rather than a missing privilege when its
 * message says so. LXCA's exact wording is not documented; these are the phrasings seen in its
 * message catalogue style.
 */
const sessionNotAuthenticatedPattern =
  /not (been )?authenticated|session (has )?(expired|timed out|is not valid|is invalid)|invalid session|not logged in|no (valid |active )?session/i;

export function saysSessionNotAuthenticated(text: string | undefined): boolean {
  return text !== undefined && sessionNotAuthenticatedPattern.test(text);
}

/** Name of the cookie whose value goes into `X-Csrf-Token` (compared case-insensitively). */
export const csrfCookieName = 'csrf';

/**
 * Lenovo's login reference also gives the token in the login body as `session.csrf` (some
 * versions at the top level as `csrf`); it is used when no csrf cookie came.
 */
export function loginBodyCsrf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const token = isRecord(body.session) ? body.session.csrf : body.csrf;
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : undefined;
}

/**
 * A refused `POST /sessions` means a wrong user name or password. Lenovo documents 200/400/500
 * for it, its Ruby client reads 403 as bad credentials, and a 401 says so outright.
 */
export const refusedLoginStatuses: ReadonlySet<number> = new Set([400, 401, 403]);
