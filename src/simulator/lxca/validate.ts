// Request-body and path checks for the job calls, exactly as docs/api/lxca.md ("Cancelling") states them.
// Each returns the checked value or the 400 answer naming what is wrong.
import { isResponse, type SimResponse } from '../server';
import type { LxcaJobTemplate } from '../types';
import { lxcaError } from './errors';
import type { CancelHook } from './jobs';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

const invalid = (message: string) => lxcaError('invalidAttribute', message);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDigits = (value: unknown): value is string => typeof value === 'string' && /^\d+$/.test(value);

/** `{job_list}`: comma-separated digit strings. */
export function parseJobList(list: string): string[] | SimResponse {
  const ids = list.split(',').map((id) => id.trim());
  const bad = ids.find((id) => !isDigits(id));
  return bad === undefined ? [...new Set(ids)] : lxcaError('badRequest', `The job list "${list}" is not valid: "${bad}" is not a job ID.`);
}

/** `PUT /tasks/{job_list}` cancel-callback body (docs/api/lxca.md, "Cancelling"). */
export function checkCancelHook(body: unknown): CancelHook | SimResponse {
  if (!isObject(body)) return invalid('The request body must be a JSON object.');
  const { cancelRESTMethod: method, cancelURL, cancelRESTBody, expirationTimeOut } = body;
  if (method === undefined) return invalid('The attribute cancelRESTMethod is required.');
  if (typeof method !== 'string' || !METHODS.includes(method)) return invalid(`The attribute cancelRESTMethod must be one of ${METHODS.join(', ')}.`);
  if (cancelURL === undefined) return invalid('The attribute cancelURL is required.');
  if (typeof cancelURL !== 'string' || cancelURL.trim() === '') return invalid('The attribute cancelURL must be a non-empty string.');
  if ((method === 'PUT' || method === 'POST') && cancelRESTBody === undefined) return invalid(`The attribute cancelRESTBody is required when cancelRESTMethod is ${method}.`);
  if (cancelRESTBody !== undefined && !isObject(cancelRESTBody)) return invalid('The attribute cancelRESTBody must be a JSON object.');
  if (expirationTimeOut === undefined) return invalid('The attribute expirationTimeOut is required.');
  if (typeof expirationTimeOut !== 'number' || !Number.isInteger(expirationTimeOut) || (expirationTimeOut < 1 && expirationTimeOut !== -1))
    return invalid('The attribute expirationTimeOut must be an integer number of seconds, or -1 for never.');
  return { cancelRESTMethod: method, cancelURL, cancelRESTBody, expirationTimeOut };
}

/** `PUT /tasks` `{ action: "cancel", list: ["83", …] }` (docs/api/lxca.md, "PUT /tasks"). */
export function checkPlainCancel(body: unknown): string[] | SimResponse {
  if (!isObject(body)) return invalid('The request body must be a JSON object.');
  if (body.action === undefined) return invalid('The attribute action is required.');
  if (body.action !== 'cancel') return lxcaError('unsupported', `The action "${String(body.action)}" is not supported; the only action is "cancel".`);
  if (!Array.isArray(body.list) || body.list.length === 0) return invalid('The attribute list must be a non-empty array of job IDs.');
  if (!body.list.every(isDigits)) return invalid('Every entry of list must be a job ID given as a string of digits.');
  return [...new Set(body.list as string[])];
}

/** Tells the owner's progress form (`{"jobUID": "9", "percentage": 50, …}`) from a cancel callback. */
export function isProgressReport(body: unknown): boolean {
  return isObject(body) && body.cancelRESTMethod === undefined && body.cancelURL === undefined && (Object.hasOwn(body, 'jobUID') || Object.hasOwn(body, 'percentage'));
}

export function checkProgressReport(body: Record<string, unknown>, ids: string[]): { percentage?: number; status?: string; messages?: unknown[] } | SimResponse {
  if (ids.length !== 1) return invalid('A progress update names exactly one job.');
  if (body.jobUID !== undefined && body.jobUID !== ids[0]) return invalid(`The attribute jobUID must be "${ids[0]}", the job named in the URL.`);
  const { percentage, status, messages } = body;
  if (percentage !== undefined && (typeof percentage !== 'number' || !Number.isInteger(percentage) || percentage < 0 || percentage > 100))
    return invalid('The attribute percentage must be an integer from 0 to 100.');
  if (status !== undefined && (typeof status !== 'string' || status === '')) return invalid('The attribute status must be a non-empty string.');
  if (messages !== undefined && !Array.isArray(messages)) return invalid('The attribute messages must be an array.');
  if (percentage === undefined && status === undefined) return invalid('A progress update needs percentage or status.');
  return { percentage: percentage as number | undefined, status: status as string | undefined, messages: messages as unknown[] | undefined };
}

/** `POST /tasks`: one template object, or an array of them. */
export function checkTemplates(body: unknown): LxcaJobTemplate[] | SimResponse {
  const templates = Array.isArray(body) ? body : [body];
  if (templates.length === 0) return invalid('The request body must be a job template or a non-empty array of them.');
  for (const template of templates) {
    const problem = templateProblem(template, 'template');
    if (problem) return invalid(problem);
  }
  return templates as LxcaJobTemplate[];
}

function templateProblem(template: unknown, where: string): string | undefined {
  if (!isObject(template)) return `The ${where} must be a JSON object.`;
  const { name, createdBy, args, children, percentage, status, customUid, cancelRESTMethod, cancelURL } = template;
  if (name !== undefined && typeof name !== 'string' && !Array.isArray(name)) return `The attribute name of the ${where} must be a string or formatted text.`;
  if (createdBy !== undefined && typeof createdBy !== 'string') return `The attribute createdBy of the ${where} must be a string.`;
  if (args !== undefined && !(Array.isArray(args) && args.every((a) => typeof a === 'string'))) return `The attribute args of the ${where} must be an array of strings.`;
  if (percentage !== undefined && (typeof percentage !== 'number' || percentage < 0 || percentage > 100)) return `The attribute percentage of the ${where} must be a number from 0 to 100.`;
  if (status !== undefined && typeof status !== 'string') return `The attribute status of the ${where} must be a string.`;
  if (customUid !== undefined && typeof customUid !== 'string') return `The attribute customUid of the ${where} must be a string.`;
  if ((cancelRESTMethod === undefined) !== (cancelURL === undefined)) return `The ${where} must give cancelURL and cancelRESTMethod together.`;
  if (cancelRESTMethod !== undefined) {
    const hook = checkCancelHook({ expirationTimeOut: -1, ...template });
    if (isResponse(hook)) return (hook.json as { messages: { text: string }[] }).messages[0].text;
  }
  if (children !== undefined) {
    if (!Array.isArray(children)) return `The attribute children of the ${where} must be an array.`;
    for (const child of children) {
      const problem = templateProblem(child, 'subtask');
      if (problem) return problem;
    }
  }
  return undefined;
}
