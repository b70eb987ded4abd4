/**
 * Checks a cancel callback exactly as docs/api/lxca.md ("Cancelling") lists the fields, before anything is sent:
 * method GET/POST/PUT/DELETE (typed in any case, sent upper-case), URL a non-empty string,
 * body a JSON object (required for PUT/POST, optional otherwise), expirationTimeOut an integer ≥ -1.
 * Accepts form text: the body as JSON text, the time-out as digits.
 */
import { ApiError } from '../errors';
import { isRecord } from './text';
import { cancelRestMethods, type CancelCallback, type CancelCallbackInput, type CancelRestMethod } from './types';

export type CancelCallbackField = keyof CancelCallbackInput;

/** Names the offending field so a form can point at it. */
export class CancelCallbackInputError extends ApiError {
  readonly field: CancelCallbackField;

  constructor(field: CancelCallbackField, message: string) {
    super('invalidInput', message);
    this.name = 'CancelCallbackInputError';
    this.field = field;
  }
}

export function validateCancelCallback(input: CancelCallbackInput): CancelCallback {
  const cancelRESTMethod = validateMethod(input.cancelRESTMethod);
  const cancelURL = validateUrl(input.cancelURL);
  const cancelRESTBody = validateBody(input.cancelRESTBody, cancelRESTMethod);
  const expirationTimeOut = validateExpirationTimeOut(input.expirationTimeOut);
  return cancelRESTBody === undefined
    ? { cancelRESTMethod, cancelURL, expirationTimeOut }
    : { cancelRESTMethod, cancelURL, cancelRESTBody, expirationTimeOut };
}

function validateMethod(value: unknown): CancelRestMethod {
  if (isBlank(value)) throw new CancelCallbackInputError('cancelRESTMethod', 'cancelRESTMethod is required: GET, POST, PUT or DELETE');
  const method = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  const known = cancelRestMethods.find((m) => m === method);
  if (!known) {
    throw new CancelCallbackInputError('cancelRESTMethod', `cancelRESTMethod must be GET, POST, PUT or DELETE, not ${describe(value)}`);
  }
  return known;
}

function validateUrl(value: unknown): string {
  if (typeof value !== 'string' && !isBlank(value)) {
    throw new CancelCallbackInputError('cancelURL', `cancelURL must be a string, not ${describe(value)}`);
  }
  if (isBlank(value)) throw new CancelCallbackInputError('cancelURL', 'cancelURL is required: the URL LXCA calls to cancel the job');
  return (value as string).trim();
}

function validateBody(value: unknown, method: CancelRestMethod): Record<string, unknown> | undefined {
  if (isBlank(value)) {
    if (method === 'PUT' || method === 'POST') {
      throw new CancelCallbackInputError('cancelRESTBody', `cancelRESTBody is required for ${method}: a JSON object`);
    }
    return undefined;
  }
  const body = typeof value === 'string' ? parseJsonText(value) : value;
  if (!isRecord(body)) {
    throw new CancelCallbackInputError('cancelRESTBody', `cancelRESTBody must be a JSON object, not ${kindOfJson(body)}`);
  }
  return body;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CancelCallbackInputError('cancelRESTBody', `cancelRESTBody is not valid JSON: ${reason}`);
  }
}

/** Seconds as a number or text; -1 = never. */
export function validateExpirationTimeOut(value: unknown): number {
  const field = 'expirationTimeOut';
  if (isBlank(value)) throw new CancelCallbackInputError(field, 'expirationTimeOut is required: seconds, or -1 for never');
  const number = typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new CancelCallbackInputError(field, `expirationTimeOut must be a whole number of seconds, not ${describe(value)}`);
  }
  if (number < -1) throw new CancelCallbackInputError(field, `expirationTimeOut must be -1 (never) or 0 and above, not ${number}`);
  return number;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : kindOfJson(value);
}

function kindOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
