/**
 * What the details and notes pages show of a JP1/AO task, as data: summary rows, fields with their
 * times also in local time, property rows, the notes snapshot. Pure: no vscode, no network.
 */
import type { Jp1aoTask, PropertyValue } from '../api/jp1ao/types';
import { displayText, optionalString } from '../util/values';
import { safeText } from '../util/safeText';
import { membersOf } from './detailsContent';
import type { NotesSnapshot, PropertyRow, Row } from './detailsData';
import type { ProductDetails } from './adapter';
import { jp1aoStatusMeaning } from './jp1aoStatus';
import type { Task } from './model';
import { t } from './l10n';
import { jp1aoTimeText, type Jp1aoApi } from './jp1aoMapping';

function labelled(text: string | undefined, format: (text: string) => string): string | undefined {
  return text && format(text);
}

function schedule(task: Jp1aoTask): string | undefined {
  const parts = [
    displayText(task.scheduleType),
    labelled(displayText(task.recurrenceInterval), (text) => t('every {0}', text)),
    labelled(displayText(task.recurrenceTime), (text) => t('at {0}', text)),
    labelled(displayText(task.recurrenceStartDate), (text) => t('from {0}', text)),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(t(', ')) : undefined;
}

/** The read-only facts above the notes form. */
export function jp1aoSummaryRows(api: Jp1aoApi, task: Jp1aoTask): Row[] {
  const time = (value: unknown) => jp1aoTimeText(api, value);
  const rows: [string, string | undefined][] = [
    [t('Name'), displayText(task.name)],
    [t('Status'), displayText(jp1aoStatusMeaning(optionalString(task.status) ?? '').label)],
    [t('Service'), displayText(task.serviceName)],
    [t('Service group'), displayText(task.serviceGroupName)],
    [t('Submitter'), displayText(task.submitter)],
    [t('Submitted'), time(task.submitTime)],
    [t('Scheduled start'), time(task.scheduledStartTime)],
    [t('Started'), time(task.startTime)],
    [t('Completed'), time(task.completionTime)],
    [t('Modified'), time(task.modifyTime)],
    [t('Tags'), displayText(task.tags)],
    [t('Schedule'), schedule(task)],
    [t('Supported actions'), displayText(task.supportedActionType)],
    [t('Task ID'), displayText(task.instanceID)],
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
export function sameModifyTime(api: Jp1aoApi, a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const [ma, mb] = [api.parseJp1aoTime(a), api.parseJp1aoTime(b)];
  return ma !== undefined && ma === mb;
}

export function propertyRows(values: readonly PropertyValue[]): PropertyRow[] {
  return values.map((property) => {
    const name = property.displayName ?? property.name;
    const value = property.value;
    return {
      key: typeof property.keyName === 'string' ? property.keyName : '',
      name: typeof name === 'string' && name !== property.keyName ? name : undefined,
      value: safeText(value),
    };
  });
}

/** The task's members for the details page, its times read as instants. */
export function jp1aoFields(api: Jp1aoApi, task: Task): ProductDetails['fields'] {
  return membersOf(task).map(([name, value]) => {
    const time = typeof value === 'string' && /Time$/.test(name) && value.trim() !== '' ? api.parseJp1aoTime(value) : undefined;
    return { name, value, time };
  });
}

/** The server's offset from UTC ("UTC+09:00") as the task's own times carry it: its log is in that clock. */
export function serverZone(task: Task): string | undefined {
  const raw = task.raw as Partial<Jp1aoTask> | undefined;
  for (const time of [raw?.submitTime, raw?.startTime]) {
    const match = typeof time === 'string' ? /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(time.trim().slice(-8)) : null;
    if (match) return match[1] ? `UTC${match[1]}${match[2]}:${match[3]}` : 'UTC';
  }
  return undefined;
}
