// Formats what an adapter read of a task for the details page: formatted text as parts, times also in
// local time, objects as JSON.
import type { FieldValue, LxcaMessageView } from '../tasks/detailsData';
import type { ProductField, ProductMessage } from '../tasks/adapter';
import { localTimeText } from '../tasks/time';
import { boundedJson } from '../util/safeText';

export function detailsFields(fields: readonly ProductField[]): { name: string; value: FieldValue }[] {
  return fields.map((field) => ({ name: field.name, value: fieldValue(field) }));
}

function fieldValue({ name, value, parts, time }: ProductField): FieldValue {
  if (parts) return { kind: 'formatted', parts };
  if (time !== undefined) return { kind: 'text', text: `${localTimeText(time)} (${String(value)})` };
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') {
    // A large number in a `…Time` member is milliseconds since the epoch (LXCA sends them so).
    const isTime = /Time$/.test(name) && value > 1e11;
    return { kind: 'text', text: isTime ? `${localTimeText(value)} (${value})` : String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  return { kind: 'json', text: boundedJson(value) };
}

/** Messages with their times in local time; a time the server sent as text stays as it was sent. */
export function detailsMessages(messages: readonly ProductMessage[] | undefined): LxcaMessageView[] | undefined {
  return messages?.map(({ time, ...message }) => ({ ...message, time: typeof time === 'number' ? localTimeText(time) : time }));
}
