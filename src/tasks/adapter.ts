import type { CancelCallbackInput } from '../api/lxca/types';
import type { DetailsView, FormattedPart, LxcaMessageView, NotesSnapshot, Row } from './detailsData';
import type { Product, Task, TaskOperation } from './model';
import type { TaskQuery } from './query';
import type { OperatorLoop } from './jp1aoLoop';
import type { TaskPage } from './query';

export type { TaskPage, TaskTotals } from './query';

/** How one list read is made. */
export interface ListOptions {
  /** Polling traffic, which servers should not count as user activity. */
  background: boolean;
  /** Abandons the request (a user's Refresh replaces it). */
  signal?: AbortSignal;
  /**
   * Whether the page should come with the server's totals. A product that must ask for them
   * separately (JP1/AO: two count requests) skips them when false; one that counts them from the
   * list it read anyway gives them regardless.
   */
  totals: boolean;
}

/** How a TaskStore reads one connection's tasks, whatever the product. */
export interface TaskSource {
  /** The first `limit` tasks matching the query. */
  list(query: TaskQuery, limit: number, options: ListOptions): Promise<TaskPage>;
  /**
   * These unfinished tasks as the server has them now, read at the product's lowest cost for an
   * active poll. Undefined when only a full list can tell what happened (a task vanished, or one
   * appeared that the list does not show yet).
   */
  readUnfinished?(tasks: readonly Task[], background: boolean, signal?: AbortSignal): Promise<Task[] | undefined>;
  /**
   * Whether the server has a task newer than every task the last list read, found at the
   * product's lowest cost. Undefined when it cannot tell: only a full list can. A product that
   * offers this lets most idle polls skip the full list (`StoreOptions.idleReadsPerFullRead`).
   */
  hasNewer?(background: boolean, signal?: AbortSignal): Promise<boolean | undefined>;
}

/** The product facts the UI shows before any network call: names, icon, what a task is called. */
export interface ProductInfo {
  readonly product: Product;
  /** "Lenovo XClarity Administrator". */
  readonly name: string;
  /** "LXCA". */
  readonly shortName: string;
  /** Shown under the name when the user picks a product. */
  readonly pickDescription: string;
  /** Codicon of a connection node. */
  readonly icon: string;
  /** What the product calls one task: "job" or "task". */
  readonly noun: string;
  /** The same for several: "jobs" or "tasks". */
  readonly nouns: string;
  /** Shown in the URL prompt of Add Connection. */
  readonly urlExample: string;
  /** Tasks carry notes and a TODO flag the user can edit. */
  readonly editsNotes: boolean;
}

/** The operations the action commands run (the forms have their own calls). */
export type ActionOperation = Exclude<TaskOperation, 'cancelWithCallback' | 'editNotes'>;

export interface ActionRequest {
  readonly operation: ActionOperation;
  /** "cancelled", for the failure of an operation the product does not have. */
  readonly participle: string;
  /** Setting `opsTasks.lxca.cancelExpirationSeconds`. */
  readonly cancelExpirationSeconds: number;
  /**
   * `hook`: a product with per-task cancel hooks sends them (setting `opsTasks.lxca.cancelRequest`);
   * `plain`: its plain cancel request for every task (Cancel with Plain Request).
   */
  readonly cancelRequest?: 'hook' | 'plain';
}

/**
 * What happened to one task of an action: the request was accepted (which proves nothing yet: the
 * task's next state does), or it failed. `plainCancelIfNotTaken`: the accepted request may only
 * have registered how the task is to be cancelled, so a plain cancel is the way on if it runs on.
 */
export type TaskOutcome =
  | { readonly task: Task; readonly ok: true; readonly plainCancelIfNotTaken?: boolean }
  | { readonly task: Task; readonly ok: false; readonly error: unknown };

/** One member of a task as its product reads it, for the details page to format. */
export interface ProductField {
  name: string;
  value: unknown;
  /** The member is LXCA formatted text: these parts. */
  parts?: FormattedPart[];
  /** The member is a time: this instant (ms since the epoch), also shown in the user's local time. */
  time?: number;
}

/** A message the server logged for the task (LXCA), its time as sent: an instant in ms, or text. */
export type ProductMessage = Omit<LxcaMessageView, 'time'> & { time?: number | string };

/** The product-specific parts of the details page: the task's members as fields, and its own sections. */
export type ProductDetails = Pick<DetailsView, 'properties' | 'log'> & { fields: ProductField[]; messages?: ProductMessage[] };

/** The notes form's view of one task. */
export interface NotesView {
  title: string;
  summary: Row[];
  saved: NotesSnapshot;
  /** Tells this task from any other that ever had its id (JP1/AO: the id and the submit time). */
  identity: string;
}

/** Edit Notes and TODO (JP1/AO). */
export interface NotesEditor {
  /** The task read from the server, as the form shows it. */
  read(id: string): Promise<NotesView>;
  /** The form's view of a task already in the tree. */
  viewOf(task: Task): NotesView;
  /** Same instant, whatever the spelling of the two modification times. */
  sameVersion(a: string | undefined, b: string | undefined): boolean;
  /** Writes notes and TODO; answers the task as the server now has it. */
  save(id: string, edit: { notes: string; toDo: boolean }): Promise<Task>;
  /** Sets the TODO flag, keeping the notes the server has now. */
  setToDo(id: string, toDo: boolean): Promise<Task>;
}

/** Cancel with Callback (LXCA). */
export interface CancelCallbackSender {
  /** Checks the input as `send` does, without a request: throws what `send` would for it. */
  check(input: CancelCallbackInput): void;
  /** Checks the input and sends it for the jobs; a bad input throws before any request. */
  send(ids: readonly string[], input: CancelCallbackInput): Promise<void>;
}

/**
 * Everything product-specific the tree, the commands and the forms need from one connection.
 * One implementation per product (lxca.ts, jp1ao.ts), created by createAdapter (connections/adapterFactory.ts).
 */
export interface ProductAdapter extends TaskSource {
  readonly info: ProductInfo;
  /** These tasks as the server has them now (by id; a task that is gone may fail the call). */
  read(ids: readonly string[]): Promise<Task[]>;
  /** Runs one operation on a group of tasks; never throws, reports each task's outcome. */
  perform(request: ActionRequest, tasks: readonly Task[]): Promise<TaskOutcome[]>;
  /** "Lenovo XClarity Administrator, 42 jobs" or "JP1/Automatic Operation 12-60 (API 1.4), signed in as …". */
  describe(): Promise<string>;
  /** The product's sections of the details page for a task read fresh (or as last listed). */
  details(task: Task): Promise<ProductDetails>;
  readonly notes?: NotesEditor;
  readonly cancelCallback?: CancelCallbackSender;
  /** Respond, Resubmit and Archived Tasks (JP1/AO). */
  readonly operatorLoop?: OperatorLoop;
  /** Signs out and closes the HTTP client. */
  close(): Promise<void>;
}

/** Every task shares the result of one call (a schedule cancel, a cancel request). */
export async function sharedOutcome(tasks: readonly Task[], call: () => Promise<unknown>): Promise<TaskOutcome[]> {
  try {
    await call();
    return tasks.map((task) => ({ task, ok: true }));
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
}

export function failedOutcomes(tasks: readonly Task[], error: unknown): TaskOutcome[] {
  return tasks.map((task) => ({ task, ok: false, error }));
}
