// LXCA status-message bodies: `{ result, messages: [{ id, text, explanation, recovery }] }`.
// Real appliances are inconsistent about `recovery` (object or array) and its link key (`URL` or
// `url`); the catalogue below rotates through all four shapes so clients must parse each of them.
import type { SimResponse } from '../server';

interface Entry {
  id: string;
  status: number;
  text: string;
  explanation: string;
  recovery: string;
}

const HELP = 'https://pubs.lenovo.com/lxca/';

export const LXCA_ERRORS = {
  badRequest: { id: 'FQXHMSE0100E', status: 400, text: 'The request is not valid.', explanation: 'The request could not be processed because it is malformed.', recovery: 'Correct the request and try again.' },
  badCredentials: { id: 'FQXHMSE0001E', status: 401, text: 'The user name or password is not valid.', explanation: 'The credentials supplied did not match a user account.', recovery: 'Enter a valid user name and password.' },
  notAuthenticated: { id: 'FQXHMSE0002E', status: 401, text: 'The session is not authenticated.', explanation: 'The request has no valid session, or the session has expired.', recovery: 'Log in again and retry the request.' },
  csrf: { id: 'FQXHMSE0003E', status: 403, text: 'The request was rejected because the CSRF token is missing or does not match.', explanation: 'Every request in a session must send the X-Csrf-Token header with the value of the csrf cookie.', recovery: 'Send the X-Csrf-Token header, or log in again.' },
  noPrivilege: { id: 'FQXHMSE0004E', status: 403, text: 'The user does not have the privilege to perform this action.', explanation: 'The role groups of the user do not allow changing jobs.', recovery: 'Ask an administrator for the required role.' },
  jobNotFound: { id: 'FQXHMJM0001E', status: 404, text: 'The job was not found.', explanation: 'One or more of the requested jobs do not exist.', recovery: 'Refresh the job list and try again.' },
  invalidAttribute: { id: 'FQXHMJM0002E', status: 400, text: 'The request body is not valid.', explanation: 'A required attribute is missing or has an invalid value.', recovery: 'Correct the request body and try again.' },
  jobNotRunning: { id: 'FQXHMJM0003E', status: 400, text: 'The job is not running.', explanation: 'Only pending or running jobs can be cancelled.', recovery: 'Refresh the job list; the job has already finished.' },
  unsupported: { id: 'FQXHMJM0004E', status: 400, text: 'The operation is not supported.', explanation: 'The requested action is not supported by this resource.', recovery: 'Use a supported action.' },
  notFound: { id: 'FQXHMCO0404E', status: 404, text: 'The resource was not found.', explanation: 'The URL does not name a known resource.', recovery: 'Check the URL.' },
  methodNotAllowed: { id: 'FQXHMCO0405E', status: 405, text: 'The method is not allowed for this resource.', explanation: 'The resource does not support this HTTP method.', recovery: 'Use a supported method.' },
  unavailable: { id: 'FQXHMCO0412E', status: 412, text: 'The management server is not available.', explanation: 'The management server is starting, stopping or busy.', recovery: 'Wait a few minutes and try again.' },
  internal: { id: 'FQXHMCO0500E', status: 500, text: 'An internal error occurred.', explanation: 'The management server could not complete the request.', recovery: 'Try again. If the problem persists, collect service data.' },
} satisfies Record<string, Entry>;

export type LxcaErrorKey = keyof typeof LXCA_ERRORS;

const byStatus: Record<number, LxcaErrorKey> = { 400: 'badRequest', 401: 'notAuthenticated', 403: 'noPrivilege', 404: 'notFound', 405: 'methodNotAllowed', 412: 'unavailable' };

function recovery(entry: Entry, variant: number): unknown {
  switch (variant % 4) {
    case 0:
      return { text: entry.recovery, URL: HELP };
    case 1:
      return { text: entry.recovery, url: HELP };
    case 2:
      return [{ text: entry.recovery, URL: HELP }];
    default:
      return [{ text: entry.recovery, url: HELP }];
  }
}

/** An LXCA error answer; `detail` replaces the catalogue text (e.g. naming the bad attribute). */
export function lxcaError(key: LxcaErrorKey, detail?: string): SimResponse {
  const entry: Entry = LXCA_ERRORS[key];
  const variant = Object.keys(LXCA_ERRORS).indexOf(key);
  return {
    status: entry.status,
    json: {
      result: 'failed',
      messages: [{ id: entry.id, text: detail ?? entry.text, explanation: entry.explanation, recovery: recovery(entry, variant) }],
    },
  };
}

/** The error for a bare status (faults, unexpected exceptions). */
export function lxcaErrorForStatus(status: number): SimResponse {
  const key = byStatus[status];
  return key ? lxcaError(key) : { ...lxcaError('internal'), status };
}

export function lxcaSuccess(id: string, text: string): unknown {
  return { result: 'success', messages: [{ id, text, explanation: '', recovery: { text: '', URL: '' } }] };
}
