/** Turns the JSON of `GET /tasks` into LxcaJob objects, tolerating missing and odd fields. */
import { ApiError } from '../errors';
import { hasCancelHookFields, jobIdFields, parseLxcaTime, parsePercentage } from './assumptions';
import { isRecord, optionalBoolean, optionalString } from '../../util/values';
import { parseFormattedText } from './text';
import type { CancelHook, LxcaJob } from './types';

/** Expects an array of jobs; a single job object is accepted as a one-element list. */
export function parseJobList(json: unknown): LxcaJob[] {
  return jobRecords(json).flatMap(({ record }) => parseJob(record) ?? []);
}

/** One job of a list with its id read and the rest unparsed (parseJob parses it when needed). */
export interface JobRecord {
  jobUID: string;
  record: Record<string, unknown>;
}

/**
 * The jobs of a list, as parseJobList accepts them, without parsing them: a caller that shows a
 * page of a long list parses only that page.
 */
export function jobRecords(json: unknown): JobRecord[] {
  const items = Array.isArray(json) ? json : isRecord(json) && jobId(json) !== undefined ? [json] : undefined;
  if (!items) throw new ApiError('badResponse', 'LXCA answered the job list with something that is not a list of jobs');
  return items.flatMap((item): JobRecord[] => {
    const jobUID = isRecord(item) ? jobId(item) : undefined;
    return jobUID === undefined ? [] : [{ jobUID, record: item as Record<string, unknown> }];
  });
}

function parseJobs(items: readonly unknown[]): LxcaJob[] {
  return items.filter(isRecord).flatMap((item) => {
    const job = parseJob(item);
    return job ? [job] : [];
  });
}

export function parseJob(raw: Record<string, unknown>): LxcaJob | undefined {
  const jobUID = jobId(raw);
  if (jobUID === undefined) return undefined;
  return {
    jobUID,
    status: optionalString(raw.status),
    percentage: parsePercentage(raw.percentage),
    name: parseFormattedText(raw.name),
    createdBy: optionalString(raw.createdBy),
    args: Array.isArray(raw.args) ? raw.args.map(String) : undefined,
    startTime: parseLxcaTime(raw.startTime),
    endTime: parseLxcaTime(raw.endTime),
    cancelHook: parseCancelHook(raw),
    cancelable: optionalBoolean(raw.cancelable),
    complete: optionalBoolean(raw.complete),
    children: Array.isArray(raw.children) ? parseJobs(raw.children) : [],
    raw,
  };
}

function jobId(raw: Record<string, unknown>): string | undefined {
  for (const field of jobIdFields) {
    const value = raw[field];
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      return String(value).trim();
    }
  }
  return undefined;
}

function parseCancelHook(raw: Record<string, unknown>): CancelHook | undefined {
  if (!hasCancelHookFields(raw)) return undefined;
  const hook: CancelHook = { cancelURL: raw.cancelURL as string, cancelRESTMethod: raw.cancelRESTMethod as string };
  if (raw.cancelRESTBody !== undefined && raw.cancelRESTBody !== null) hook.cancelRESTBody = raw.cancelRESTBody;
  return hook;
}
