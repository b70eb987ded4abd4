// An LXCA job's details page data: its formatted-text members as parts, and its messages.
import type { FormattedPart } from './detailsData';
import { membersOf } from './detailsContent';
import type { ProductDetails, ProductMessage } from './adapter';
import type { LxcaApi } from './lxcaMapping';
import type { Task } from './model';

/** LXCA formatted text as parts; undefined when the value is not formatted text. */
export function formattedParts(api: LxcaApi, value: unknown): FormattedPart[] | undefined {
  const parsed = api.parseLxcaFormattedText(value);
  if (parsed === undefined) return undefined;
  if (typeof parsed === 'string') return [{ text: parsed, format: [] }];
  return parsed.map((part) => {
    const run: FormattedPart = { text: part.text, format: part.format ?? [] };
    if (typeof part.link === 'string') run.link = part.link;
    return run;
  });
}

/** LXCA job messages (`messages`: `{id, text, explanation?, timeStamp?}`). */
export function lxcaMessages(api: LxcaApi, task: Task): ProductMessage[] | undefined {
  const messages = (task.raw as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  return messages.flatMap((message): ProductMessage[] => {
    const record: Record<string, unknown> = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { text: message };
    const text = formattedParts(api, record.text);
    if (!text) return [];
    const time = record.timeStamp ?? record.timestamp;
    return [
      {
        id: typeof record.id === 'string' ? record.id : undefined,
        time: typeof time === 'number' || typeof time === 'string' ? time : undefined,
        text,
        explanation: typeof record.explanation === 'string' ? record.explanation : undefined,
      },
    ];
  });
}

/** The job's members for the details page (arrays of formatted text as parts) and its messages. */
export function lxcaDetails(api: LxcaApi, task: Task): ProductDetails {
  const fields = membersOf(task).map(([name, value]) => ({ name, value, parts: Array.isArray(value) ? formattedParts(api, value) : undefined }));
  return { fields, messages: lxcaMessages(api, task) };
}
