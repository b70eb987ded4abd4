import { parseJp1aoTime } from '../api/jp1ao/dates';
import type { Jp1aoTask } from '../api/jp1ao/types';
import { toJp1aoTask } from '../tasks/jp1aoTasks';
import type { NotesSnapshot, Row } from './protocol';

/** A JP1/AO time as the user's local time, or the server's text when it cannot be read. */
export function jp1aoTimeText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = parseJp1aoTime(value);
  return ms === undefined ? value : new Date(ms).toLocaleString();
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : String(value);
}

function schedule(task: Jp1aoTask): string | undefined {
  const parts = [
    text(task.scheduleType),
    text(task.recurrenceInterval) && `every ${task.recurrenceInterval}`,
    text(task.recurrenceTime) && `at ${task.recurrenceTime}`,
    text(task.recurrenceStartDate) && `from ${task.recurrenceStartDate}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(', ') : undefined;
}

/** The read-only facts above the notes form. */
export function jp1aoSummaryRows(task: Jp1aoTask): Row[] {
  const rows: [string, string | undefined][] = [
    ['Name', text(task.name)],
    ['Status', text(toJp1aoTask('', task).statusLabel)],
    ['Service', text(task.serviceName)],
    ['Service group', text(task.serviceGroupName)],
    ['Submitter', text(task.submitter)],
    ['Submitted', jp1aoTimeText(task.submitTime)],
    ['Scheduled start', jp1aoTimeText(task.scheduledStartTime)],
    ['Started', jp1aoTimeText(task.startTime)],
    ['Completed', jp1aoTimeText(task.completionTime)],
    ['Modified', jp1aoTimeText(task.modifyTime)],
    ['Tags', text(task.tags)],
    ['Schedule', schedule(task)],
    ['Supported actions', text(task.supportedActionType)],
    ['Task ID', text(task.instanceID)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}

export function notesSnapshot(task: Jp1aoTask): NotesSnapshot {
  return {
    notes: typeof task.notes === 'string' ? task.notes : '',
    toDo: task.toDo === true,
    modifyTime: typeof task.modifyTime === 'string' ? task.modifyTime : undefined,
  };
}

/** Same instant, whatever the offset's spelling (`+0900` / `+09:00`). */
export function sameModifyTime(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const [ma, mb] = [parseJp1aoTime(a), parseJp1aoTime(b)];
  return ma !== undefined && ma === mb;
}
