import type { ApiError } from '../errors';

/**
 * The LXCA job shapes the client hands out. Parsing (see jobs.ts) keeps only fields of the
 * expected type, so everything here can be trusted; `raw` keeps the server's object as received.
 */

/** One piece of LXCA "formatted text": never HTML, formatting comes as words in `format`. */
export interface FormattedTextPart {
  text: string;
  format?: string[];
  link?: unknown;
}

/** A title or description: a plain string or a formatted-text array. */
export type FormattedText = string | FormattedTextPart[];

export const cancelRestMethods = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type CancelRestMethod = (typeof cancelRestMethods)[number];

/** The cancel call a job registered: LXCA carries it out when the job is cancelled. */
export interface CancelHook {
  cancelURL: string;
  cancelRESTMethod: string;
  cancelRESTBody?: unknown;
}

/** The body of `PUT /tasks/{job_list}`: a cancel hook plus the job's expiration time-out. */
export interface CancelCallback extends CancelHook {
  cancelRESTMethod: CancelRestMethod;
  cancelRESTBody?: Record<string, unknown>;
  /** Seconds; -1 = never. */
  expirationTimeOut: number;
}

/** What a form may hand to validateCancelCallback: typed values or the text the user typed. */
export interface CancelCallbackInput {
  cancelRESTMethod?: unknown;
  cancelURL?: unknown;
  /** A JSON object, or its text. */
  cancelRESTBody?: unknown;
  /** Integer seconds, or its text; -1 = never. */
  expirationTimeOut?: unknown;
}

export interface LxcaJob {
  /** The job id, a string of digits. The only field a job must have. */
  jobUID: string;
  status?: string;
  /** 0–100. */
  percentage?: number;
  name?: FormattedText;
  createdBy?: string;
  args?: string[];
  /** Milliseconds since the epoch. */
  startTime?: number;
  endTime?: number;
  cancelHook?: CancelHook;
  /** `cancelable`, or `isCancelable` in the older jobs API shape. */
  cancelable?: boolean;
  /** The older jobs API shape names where a cancel goes; kept for display, cancels use `PUT /tasks`. */
  cancelURI?: string;
  complete?: boolean;
  children: LxcaJob[];
  /** Levels of subtasks below this job left out because the nesting went past maxJobDepth. */
  droppedLevels?: number;
  /** The job object exactly as the server sent it. */
  raw: unknown;
}

export interface LoginResult {
  /** LXCA asks for a new password before the account is fully usable. */
  passwordChangeRequired: boolean;
}

export interface LxcaCredentials {
  username: string;
  password: string;
}

export interface RequestOptions {
  /** Polling traffic: tells LXCA it is not user activity, so the session can still time out. */
  background?: boolean;
  signal?: AbortSignal;
}

export interface ListJobsOptions extends RequestOptions {
  /** Leave subtasks out. */
  compact?: boolean;
}

export interface CancelJobsOptions {
  /** Seconds, -1 = never (setting `opsTasks.lxca.cancelExpirationSeconds`). */
  expirationTimeOut: number;
  /** One plain `PUT /tasks {action: "cancel"}` for every job, hook or not (setting `opsTasks.lxca.cancelRequest`). */
  plain?: boolean;
  signal?: AbortSignal;
}

/** The result of one cancel request, covering every job it named. */
export type CancelOutcome =
  /** `hook`: the request carried the jobs' cancel hook (`PUT /tasks/{job_list}`), which may only register it. */
  | { readonly jobIds: readonly string[]; readonly ok: true; readonly hook: boolean }
  | { readonly jobIds: readonly string[]; readonly ok: false; readonly error: ApiError };
