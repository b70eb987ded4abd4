// Reads and checks the parts of a JP1/AO request the routes take: a JSON body, a resubmit's values, query bytes and times.
import { isResponse, type SimRequest, type SimResponse } from '../server';
import { header } from '../headers';
import { EDITABLE_INPUTS } from './details';
import { aoError } from './messages';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a resubmit posts back: the Schedule's name and the editable inputs' values. */
export function resubmitBody(body: unknown): { name?: string; inputs: Record<string, string> } | string {
  const parameters = isObject(body) && Array.isArray(body.parameters) ? body.parameters : [];
  const inputs: Record<string, string> = {};
  let name: string | undefined;
  for (const parameter of parameters) {
    if (!isObject(parameter)) return 'every parameter must be an object';
    if (typeof parameter.keyName === 'string') {
      if (typeof parameter.value !== 'string') return `the value of ${parameter.keyName} must be a string`;
      if (EDITABLE_INPUTS.includes(parameter.keyName)) inputs[parameter.keyName] = parameter.value;
    } else if (typeof parameter.scheduleType === 'string' && typeof parameter.name === 'string') name = parameter.name;
  }
  return { name, inputs };
}

/**
 * `start` and `end` of TaskHistories (AOCR0124): DECIDED to bound the task's completion time,
 * given as ISO 8601 times (`+0900` or `+09:00`); a time that does not parse answers 400.
 */
export function historyPeriod(req: SimRequest): ((ms: number | undefined) => boolean) | SimResponse {
  const bound = (name: 'start' | 'end'): number | undefined | SimResponse => {
    const text = req.query[name];
    if (text === undefined) return undefined;
    const ms = Date.parse(text.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(ms) ? aoError(req, 'invalidQuery', name, `"${text}" is not an ISO 8601 time`) : ms;
  };
  const start = bound('start');
  const end = bound('end');
  if (isResponse(start)) return start;
  if (isResponse(end)) return end;
  return (ms) => (start === undefined || (ms ?? 0) >= start) && (end === undefined || (ms ?? 0) <= end);
}

export function byteCount(req: SimRequest, name: string, min: number): number | SimResponse | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) && Number(value) >= min ? Number(value) : aoError(req, 'invalidQuery', name, `"${value}" is not an integer of at least ${min}`);
}

/** A body must be declared and be JSON (docs/api/jp1ao.md, "Conventions"). */
export function checkBody(req: SimRequest): SimResponse | undefined {
  if (req.body === undefined) return undefined;
  if (!/^application\/json\b/i.test(header(req.headers, 'content-type') ?? '')) return aoError(req, 'contentType');
  if (req.bodyInvalid) return aoError(req, 'badRequest', 'the body is not valid JSON');
  return undefined;
}
