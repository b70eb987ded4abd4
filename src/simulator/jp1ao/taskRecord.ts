// What a simulated JP1/AO task is: its record and listed fields, its operations and the statuses they need, its times.
import type { SimulatorVariants } from '../types';
import type { WaitStep } from './responseWaits';

export const FINISHED = ['completed', 'failed', 'canceled'];

export type TaskAction = 'stop' | 'forceStop' | 'rerunStart' | 'rerunStepStart' | 'archive' | 'response' | 'resubmit';
export const TASK_ACTIONS: TaskAction[] = ['stop', 'forceStop', 'rerunStart', 'rerunStepStart', 'archive', 'response', 'resubmit'];

/** The statuses each operation is allowed from, otherwise 409 (docs/api/jp1ao.md, "Task operations"). */
export const ALLOWED_FROM: Record<TaskAction, string[]> = {
  stop: ['inProgress', 'waitingResponse', 'abnormalDetection'],
  forceStop: ['inProgress', 'waitingResponse', 'abnormalDetection'],
  rerunStart: ['failed'],
  rerunStepStart: ['failed'],
  archive: FINISHED,
  response: ['waitingResponse'],
  resubmit: FINISHED,
};

/** Operations that also need the service to advertise a supportedActionType. */
export const NEEDS_SUPPORT: Partial<Record<TaskAction, string>> = { forceStop: 'forciblyStop', rerunStart: 'retry', rerunStepStart: 'retry' };

export const STOP_DELAY_MS = 2000;

export const TASK_FIELDS = [
  'instanceID', 'name', 'status', 'startTime', 'completionTime', 'scheduledStartTime', 'submitter', 'submitTime',
  'modifyTime', 'serviceState', 'scheduleType', 'description', 'serviceName', 'tags', 'recurrenceInterval',
  'recurrenceTime', 'recurrenceStartDate', 'serviceGroupName', 'toDo', 'notes', 'stepTime', 'serviceTemplateID',
  'scheduleID', 'serviceGroupID', 'serviceID', 'supportedActionType',
] as const;
export const HISTORY_FIELDS = [...TASK_FIELDS, 'archiveTime'];
export const DATE_FIELDS = new Set(['startTime', 'completionTime', 'scheduledStartTime', 'submitTime', 'modifyTime', 'stepTime', 'archiveTime']);

export interface Phase {
  at: number;
  status: string;
}

export interface TaskRecord {
  instanceID: number;
  /** The members that never change by themselves (name, serviceName, tags, scheduleID, …). */
  fields: Record<string, string | number | boolean | undefined>;
  status: string;
  submitTime: number;
  modifyTime: number;
  startTime?: number;
  completionTime?: number;
  scheduledStartTime?: number;
  stepTime?: number;
  /** Future status changes, oldest first. */
  phases: Phase[];
  /** The task went through abnormalDetection, so stopping it ends as failed. */
  hadError: boolean;
  archiveTime?: number;
  steps: number;
  /** User-response wait steps, oldest first (while the status is waitingResponse). */
  waits?: WaitStep[];
  /** How many waiting steps were answered. */
  answered?: number;
  /** Input values given when the task was resubmitted, by keyName. */
  inputs?: Record<string, string>;
}

export type ScheduleState = 'active' | 'suspended' | 'canceled';
export type ScheduleAction = 'cancel' | 'suspend' | 'resume';
export const SCHEDULE_FROM: Record<ScheduleAction, string[]> = { cancel: ['waiting', 'holding'], suspend: ['waiting'], resume: ['holding'] };

/**
 * A time in JST: `2024-05-01T10:00:00.000+0900` (`plain`, the manual's output form) or
 * `…+09:00` (`colon`, as the manual's request examples write it).
 */
export function aoDate(ms: number | undefined, offset: SimulatorVariants['jp1aoTimeOffset'] = 'plain'): string | undefined {
  if (ms === undefined) return undefined;
  return new Date(ms + 9 * 3600_000).toISOString().replace('Z', offset === 'colon' ? '+09:00' : '+0900');
}

export type Refusal = { reason: 'status' | 'unsupported'; status: string };
