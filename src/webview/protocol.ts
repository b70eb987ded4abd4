/**
 * The messages between the extension host and the form pages (media/src/*.ts import this file
 * too). Every page starts with `ready`; the host answers with the form's data, and re-sends it on
 * every later `ready` (a hidden panel's page is reloaded). Requests carry a `requestId` that the
 * answer repeats, so a page can ignore stale answers. Both sides check every incoming message
 * against these schemas and drop (and log) what does not fit.
 */
import { array, boolean, literal, number, object, optional, string, union, type Infer } from '../util/schema';
import { detailsView, notesSnapshot, row } from '../tasks/detailsData';

export type { DetailsView, FieldValue, FormattedPart, LxcaMessageView, NotesSnapshot, PropertyRow, Row, Subtask } from '../tasks/detailsData';

// ---- Edit Notes and TODO (JP1/AO) ----

/** The longest notes the page lets the user save; the host refuses longer ones from a forged page. */
export const notesLimit = 1024;

export const notesPageMessage = union('type', {
  ready: object({}),
  /** `baseModifyTime`: the version the user edited; the host refuses to overwrite a newer one. */
  save: object({ requestId: number, notes: string, toDo: boolean, baseModifyTime: optional(string) }),
  reload: object({ requestId: number }),
  /** The input as it stands, after every change: kept by the host while `dirty`, so closing the tab loses nothing. */
  draft: object({ dirty: boolean, notes: string, toDo: boolean, baseModifyTime: optional(string) }),
});
export type NotesPageMessage = Infer<typeof notesPageMessage>;

export const notesHostMessage = union('type', {
  /** The task as read now; without requestId it was not asked for (first load, tree refresh). */
  loaded: object({
    requestId: optional(number),
    title: string,
    summary: array(row),
    saved: notesSnapshot,
    /** Unsaved input kept from an earlier tab of this task; `savedAt` is when it was typed (ms). */
    draft: optional(object({ notes: string, toDo: boolean, baseModifyTime: optional(string), savedAt: number })),
  }),
  saved: object({ requestId: number, title: string, summary: array(row), saved: notesSnapshot }),
  /** The task changed on the server since the page's base version; nothing was written. */
  conflict: object({ requestId: number, server: notesSnapshot }),
  /** Without requestId: the first load failed. */
  failed: object({ requestId: optional(number), message: string }),
});
export type NotesHostMessage = Infer<typeof notesHostMessage>;

// ---- Show Details (both products) ----

export const detailsPageMessage = union('type', {
  ready: object({}),
  refresh: object({ requestId: number }),
  /** Runs one of the view's `actions` on the task, with the same checks and questions as its menu entry. */
  act: object({ requestId: number, action: string }),
});
export type DetailsPageMessage = Infer<typeof detailsPageMessage>;

export const detailsHostMessage = union('type', {
  loaded: object({ requestId: optional(number), view: detailsView }),
  failed: object({ requestId: optional(number), message: string }),
  /** The action ran (or the user backed out); a fresh `loaded` follows. */
  acted: object({ requestId: number, message: optional(string) }),
});
export type DetailsHostMessage = Infer<typeof detailsHostMessage>;

// ---- Cancel with Callback (LXCA) ----

/** The form's fields exactly as typed; the host validates them again before sending. */
export const callbackInput = object({
  cancelRESTMethod: string,
  cancelURL: string,
  cancelRESTBody: string,
  expirationTimeOut: string,
});
export type CallbackInput = Infer<typeof callbackInput>;

export const callbackField = literal('cancelRESTMethod', 'cancelURL', 'cancelRESTBody', 'expirationTimeOut');
export type CallbackField = Infer<typeof callbackField>;

export const callbackPageMessage = union('type', {
  ready: object({}),
  send: object({ requestId: number, input: callbackInput }),
});
export type CallbackPageMessage = Infer<typeof callbackPageMessage>;

export const callbackHostMessage = union('type', {
  init: object({
    connection: string,
    jobs: array(object({ id: string, title: string })),
    prefill: callbackInput,
    /** Whether the prefill came from the job's own cancel hook. */
    fromHook: boolean,
  }),
  result: object({ requestId: number, ok: boolean, message: string, field: optional(callbackField) }),
});
export type CallbackHostMessage = Infer<typeof callbackHostMessage>;

// ---- Respond (JP1/AO task waiting for a response) ----

export const responseButton = object({ number: number, label: string });

export const respondPageMessage = union('type', {
  ready: object({}),
  /** The user chose button `number` of the step `stepKey` the page shows. */
  answer: object({ requestId: number, number: number, stepKey: string }),
  reload: object({ requestId: number }),
});
export type RespondPageMessage = Infer<typeof respondPageMessage>;

export const respondHostMessage = union('type', {
  /**
   * The task as read now. `waiting`: a step waits and `message`/`buttons` are its own; `stepKey`
   * names that step so an answer goes to the step the user saw. `notice`: what just happened.
   */
  loaded: object({
    requestId: optional(number),
    title: string,
    summary: array(row),
    waiting: boolean,
    stepKey: string,
    message: optional(string),
    buttons: array(responseButton),
    notice: optional(string),
    noticeKind: optional(literal('success', 'warning', 'error')),
  }),
  /** Nothing was sent (the user backed out of the confirmation). */
  kept: object({ requestId: number }),
  failed: object({ requestId: optional(number), message: string }),
});
export type RespondHostMessage = Infer<typeof respondHostMessage>;
