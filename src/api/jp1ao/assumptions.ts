/**
 * Every JP1/AO fact the manual left open and this project DECIDED (docs/api/jp1ao.md, the points marked "project").
 * If a real server disagrees, this is the file to change; the client stays tolerant of the rest.
 */

/** Status values as the API sends them (lower camel case, per the manual's `"completed"` example). */
export const jp1aoStatuses = [
  'waiting',
  'holding',
  'inProgress',
  'waitingResponse',
  'abnormalDetection',
  'terminating',
  'completed',
  'failed',
  'canceled',
  // Ops Center Automator's "Long Running": an active task past its expected time.
  'longRunning',
] as const;

export type Jp1aoStatus = (typeof jp1aoStatuses)[number];

/**
 * The status words on the wire are documented only by `"completed"`. A status is recognised by
 * its letters alone, whatever the case and separators (`inProgress`, `IN_PROGRESS`,
 * `In Progress` are one), and under the display names of the manuals and of Ops Center
 * Automator (their table, `statusAliases`, lives with the statuses' meanings in
 * src/tasks/jp1aoStatus.ts). Any other word is shown as sent and counted as Other.
 */

/**
 * A count asks for one row of ids only: the answer's `count` is what is wanted. When the server
 * has been seen to ignore the page size, a count asks from an offset past the largest count it has
 * answered, so the rows it sends anyway are none or few (its `count` still counts every match).
 */
export const countQueryFields = ['instanceID'] as const;

/**
 * The page-size companion of `HQL::offset` (its real name was unreadable in the manual). A server
 * that ignores it is sliced by the client; one that answers 400 naming it is asked without it for
 * the rest of the client's life (src/api/jp1ao/paging.ts).
 */
export const pageSizeParameter = 'HQL::limit';

/** Default order of the task list: newest submissions first. */
export const defaultSortBy = 'submitTime DESC';

/**
 * Inside an HQL string literal a single quote is written twice (`'O''Brien'`), as in SQL/HQL.
 * The manual only says "strings in single quotes".
 */
export const hqlQuoteEscape = "''";

/** An HSSO token expires this long after it was issued (DOC: 1,000 s). */
export const tokenLifetimeMs = 1_000_000;

/**
 * Sign in again this much before the token's lifetime ends, so a request never races the
 * expiry: at most 60 s, and at most a tenth of a (configured) shorter lifetime.
 */
export function tokenRenewalMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

/** Task log response: `{"data": [{"line": "…"}], "count": n}`; other line member names tolerated. */
export const taskLogLineMembers = ['line', 'text', 'message'] as const;

/**
 * Which operations fetch their action template first.
 * Task actions: always (DOC: GET the template, POST it back to `…/invoke`).
 * Schedule cancel: the manual shows only the invoke, so the template GET is tried and, when the
 * server has no such resource (404/405), a minimal template is posted instead.
 */
export type TemplatePolicy = 'required' | 'tryFirst';
export const actionTemplatePolicy: Readonly<Record<'taskAction' | 'scheduleCancel', TemplatePolicy>> = {
  taskAction: 'required',
  scheduleCancel: 'tryFirst',
};

/**
 * `supportedActionType` (e.g. `forciblyStop,retry`) names the optional capabilities of the task's
 * service. Only these operations are restricted by it; stop, archive, cancel and editNotes are
 * not capabilities of a service and stay governed by the status alone. An absent or blank field
 * means "not reported" and restricts nothing. Names are compared case-insensitively.
 */
export const supportedActionTypeNames = {
  forceStop: ['forciblyStop', 'forceStop'],
  retry: ['retry', 'rerunStart'],
  retryNext: ['retry', 'rerunStepStart'],
} as const;
