/**
 * Turns the JSON of `GET /tasks` into LxcaJob objects, tolerating missing and odd fields and both
 * job shapes of docs/api/lxca.md ("Job object").
 */
import { ApiError } from '../errors';
import { cancelableFields, hasCancelHookFields, jobIdFields, maxJobDepth, parseLxcaTime, parsePercentage } from './assumptions';
import { isRecord, optionalBoolean, optionalString } from '../../util/values';
import { parseFormattedText } from './text';
import { safeText } from '../../util/safeText';
import type { CancelHook, LxcaJob } from './types';
import { nestsDeeperThan, serverDataDepth } from '../../util/safeText';

/** Expects an array of jobs; a single job object is accepted as a one-element list. */
export function parseJobList(json: unknown): LxcaJob[] {
  return jobRecords(json).flatMap(({ record }) => parseJob(record) ?? []);
}

/** One job of a list with its id read and the rest unparsed (parseJob parses it when needed). */
export interface JobRecord {
  jobUID: string;
  /** The job's status as parseJob reads it, so a caller can count statuses without parsing jobs. */
  status: string | undefined;
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
    return jobUID === undefined ? [] : [{ jobUID, status: jobState(item as Record<string, unknown>).status, record: item as Record<string, unknown> }];
  });
}

function parseJobs(items: readonly unknown[], depth: number): LxcaJob[] {
  return items.filter(isRecord).flatMap((item) => {
    const job = parseJob(item, depth);
    return job ? [job] : [];
  });
}

/**
 * One job in either shape (see jobShape in assumptions.ts). `depth` counts from 1 for a root job;
 * subtasks deeper than maxJobDepth are left out and counted in `droppedLevels`.
 */
export function parseJob(raw: Record<string, unknown>, depth = 1): LxcaJob | undefined {
  const jobUID = jobId(raw);
  if (jobUID === undefined) return undefined;
  const state = jobState(raw);
  const subtasks = subtaskList(raw);
  const job: LxcaJob = {
    jobUID,
    status: state.status,
    percentage: parsePercentage(state.percentage),
    name: parseFormattedText(raw.name),
    createdBy: optionalString(raw.createdBy),
    args: Array.isArray(raw.args) ? raw.args.map(argText) : undefined,
    startTime: parseLxcaTime(raw.startTime),
    endTime: parseLxcaTime(raw.endTime),
    cancelHook: parseCancelHook(raw),
    cancelable: firstBoolean(raw, cancelableFields),
    cancelURI: optionalString(raw.cancelURI),
    complete: optionalBoolean(raw.complete),
    children: [],
    raw,
  };
  if (depth < maxJobDepth) job.children = parseJobs(subtasks, depth + 1);
  else {
    const dropped = nestingBelow(subtasks);
    if (dropped > 0) job.droppedLevels = dropped;
  }
  return job;
}

/** How many levels of subtasks the list holds, counted without recursion (it may be hostile). */
function nestingBelow(subtasks: readonly unknown[]): number {
  let levels = 0;
  let level = subtasks.filter(isRecord);
  while (level.length > 0) {
    levels += 1;
    level = level.flatMap((job) => subtaskList(job).filter(isRecord));
  }
  return levels;
}

/** Status and percentage from a flat job, or from the older shape's `status: {state, percentage}`. */
function jobState(raw: Record<string, unknown>): { status?: string; percentage?: unknown } {
  if (isRecord(raw.status)) {
    return { status: optionalString(raw.status.state), percentage: raw.status.percentage ?? raw.percentage };
  }
  return { status: optionalString(raw.status), percentage: raw.percentage };
}

/** `children`, or the older shape's `status.substatus`. */
function subtaskList(raw: Record<string, unknown>): unknown[] {
  if (Array.isArray(raw.children)) return raw.children;
  if (isRecord(raw.status) && Array.isArray(raw.status.substatus)) return raw.status.substatus;
  return [];
}

/** Longest argument text put into a job's name. */
const maxArgLength = 1_000;

/** An argument as text; objects as bounded JSON, so a hostile `toString` or deep nesting cannot fail the list. */
function argText(value: unknown): string {
  return safeText(value, maxArgLength);
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
  // A body nested past any real hook cannot be compared or sent back: the job is cancelled plainly.
  if (nestsDeeperThan(raw.cancelRESTBody, serverDataDepth)) return undefined;
  const hook: CancelHook = { cancelURL: raw.cancelURL as string, cancelRESTMethod: raw.cancelRESTMethod as string };
  if (raw.cancelRESTBody !== undefined && raw.cancelRESTBody !== null) hook.cancelRESTBody = raw.cancelRESTBody;
  return hook;
}

function firstBoolean(raw: Record<string, unknown>, fields: readonly string[]): boolean | undefined {
  for (const field of fields) {
    const value = optionalBoolean(raw[field]);
    if (value !== undefined) return value;
  }
  return undefined;
}
