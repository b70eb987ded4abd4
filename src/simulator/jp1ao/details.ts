// What a task's detail view reads besides the task: property values and the task log.
import type { TaskRecord } from './taskRecord';
import { aoDate } from './taskRecord';

export function propertyValues(task: TaskRecord): Record<string, unknown>[] {
  const finished = task.completionTime !== undefined;
  const rows = [
    { keyName: 'target.host', displayName: 'Target host', value: `srv${String(task.instanceID % 40).padStart(2, '0')}.example.local`, type: 'string', ioType: 'in' },
    { keyName: 'common.retryCount', displayName: 'Retry count', value: '3', type: 'integer', ioType: 'in' },
    { keyName: 'common.dryRun', displayName: 'Dry run', value: 'false', type: 'boolean', ioType: 'in' },
    // A password input: servers show it masked, never as typed.
    { keyName: 'target.adminPassword', displayName: 'Administrator password', value: '********', type: 'password', ioType: 'in' },
    { keyName: 'result.message', displayName: 'Result message', value: finished ? `Task ended: ${task.status}` : '', type: 'string', ioType: 'out' },
  ];
  return rows.map((row, i) => ({ instanceID: task.instanceID * 10 + i, taskID: task.instanceID, ...row, value: task.inputs?.[row.keyName] ?? row.value }));
}

/** The inputs a resubmit may change (DECIDED: the template marks them `editable: true`). */
export const EDITABLE_INPUTS = ['common.retryCount', 'common.dryRun'];

/** The PropertyValue objects of a resubmit template: the task's inputs, editable ones marked. */
export function resubmitInputs(task: TaskRecord): Record<string, unknown>[] {
  return propertyValues(task)
    .filter((row) => row.ioType === 'in')
    .map(({ keyName, displayName, value, type }) => ({ keyName, displayName, value, type, ...(EDITABLE_INPUTS.includes(String(keyName)) ? { editable: true } : {}) }));
}

/** The task's log text: one line per event, growing while the task runs. */
export function taskLog(task: TaskRecord): string {
  const started = task.startTime ?? task.submitTime;
  const time = (offset: number) => (aoDate(started + offset * 1000) as string).slice(0, 23).replace('T', ' ');
  const lines = [`${aoDate(task.submitTime)?.slice(0, 23).replace('T', ' ')} KNAE03201-I The task (${task.instanceID}, ${task.fields.name}) was registered.`];
  if (task.startTime === undefined) return lines.join('\n') + '\n';
  lines.push(`${time(0)} KNAE03202-I The task (${task.instanceID}) started.`);
  const finished = task.completionTime !== undefined;
  const done = finished ? task.steps : Math.ceil(task.steps / 2);
  for (let step = 1; step <= done; step++) {
    lines.push(`${time(step * 5)} KNAE03210-I Step ${step} of ${task.steps} started.`);
    const failedHere = task.status === 'failed' && step === done;
    lines.push(`${time(step * 5 + 3)} ${failedHere ? 'KNAE03212-E' : 'KNAE03211-I'} Step ${step} ${failedHere ? 'ended abnormally (return code 1).' : 'ended normally.'}`);
  }
  if (finished) {
    const ending: Record<string, string> = { completed: 'KNAE03203-I The task ended normally.', failed: 'KNAE03204-E The task ended abnormally.', canceled: 'KNAE03205-I The task was canceled.' };
    lines.push(`${time(task.steps * 5 + 5)} ${ending[task.status] ?? `KNAE03206-I The task ended (${task.status}).`}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A byte window of the log (`offset` bytes from the start, or from the end with `reverse`),
 * split into lines; the first and last line may be partial when the window cuts through them.
 */
export function logWindow(text: string, offset: number, readSize: number | undefined, reverse: boolean): { line: string }[] {
  const bytes = Buffer.from(text, 'utf8');
  const size = readSize ?? bytes.length;
  const start = reverse ? Math.max(0, bytes.length - offset - size) : Math.min(offset, bytes.length);
  const end = reverse ? Math.max(0, bytes.length - offset) : Math.min(bytes.length, offset + size);
  const window = bytes.subarray(start, end).toString('utf8');
  const lines = window.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => ({ line }));
}
