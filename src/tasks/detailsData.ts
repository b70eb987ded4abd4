/**
 * What the details and notes pages show of a task, as data: the product adapters fill it, the pages
 * format it. Schemas rather than bare types, so that the page protocol (webview/protocol.ts) checks
 * them in every message. Pure: no vscode, no DOM, no Node.
 */
import { array, boolean, literal, number, object, optional, string, union, type Infer } from '../util/schema';

/** A label and a value shown as one table row; always rendered as text. */
export const row = object({ label: string, value: string });
export type Row = Infer<typeof row>;

/** One run of LXCA formatted text; `format` words such as bold, listElement, link. */
export const formattedPart = object({ text: string, format: array(string), link: optional(string) });
export type FormattedPart = Infer<typeof formattedPart>;

export const fieldValue = union('kind', {
  text: object({ text: string }),
  formatted: object({ parts: array(formattedPart) }),
  json: object({ text: string }),
});
export type FieldValue = Infer<typeof fieldValue>;

/** Notes and TODO as the server holds them, with the `modifyTime` they were read at. */
export const notesSnapshot = object({ notes: string, toDo: boolean, modifyTime: optional(string) });
export type NotesSnapshot = Infer<typeof notesSnapshot>;

export const subtask = object({ depth: number, id: string, title: string, status: string, progress: optional(number) });
export type Subtask = Infer<typeof subtask>;

export const lxcaMessage = object({ id: optional(string), time: optional(string), text: array(formattedPart), explanation: optional(string) });
export type LxcaMessageView = Infer<typeof lxcaMessage>;

export const propertyRow = object({ key: string, name: optional(string), value: string });
export type PropertyRow = Infer<typeof propertyRow>;

export const detailsView = object({
  title: string,
  product: literal('lxca', 'jp1ao'),
  connection: string,
  /** Why the view shows older data, e.g. the server could not be reached just now. */
  notice: optional(string),
  summary: array(row),
  fields: array(object({ name: string, value: fieldValue })),
  messages: optional(array(lxcaMessage)),
  subtasks: optional(array(subtask)),
  properties: optional(object({ rows: optional(array(propertyRow)), error: optional(string) })),
  log: optional(object({ lines: optional(array(string)), error: optional(string), partial: optional(boolean), zone: optional(string) })),
  /** The row's actions in its present state, as buttons: `id` is what the page sends back to run one. */
  actions: optional(array(object({ id: string, title: string }))),
});
export type DetailsView = Infer<typeof detailsView>;
