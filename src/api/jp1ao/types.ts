/**
 * Shapes of the JP1/AO Tasks API (docs/api/jp1ao.md). Every member the server may omit
 * is optional, and unknown members are kept: the client tolerates other product versions.
 */

/** Task object (docs/api/jp1ao.md, "Task object"). Times are the server's strings, e.g. `2024-05-01T10:00:00.000+0900`. */
export interface Jp1aoTask {
  instanceID: number | string;
  name?: string;
  status?: string;
  startTime?: string;
  completionTime?: string;
  scheduledStartTime?: string;
  submitter?: string;
  submitTime?: string;
  modifyTime?: string;
  serviceState?: string;
  scheduleType?: string;
  description?: string;
  serviceName?: string;
  /** Comma-separated. */
  tags?: string;
  recurrenceInterval?: string;
  recurrenceTime?: string;
  recurrenceStartDate?: string;
  serviceGroupName?: string;
  toDo?: boolean;
  notes?: string;
  stepTime?: string;
  serviceTemplateID?: number | string;
  scheduleID?: number | string;
  serviceGroupID?: number | string;
  serviceID?: number | string;
  /** Comma-separated, e.g. `forciblyStop,retry`. */
  supportedActionType?: string;
  [member: string]: unknown;
}

export interface Jp1aoTaskList {
  tasks: Jp1aoTask[];
  /** Number of tasks matching the query on the server (not just this page). */
  count: number;
}

export interface ListTasksQuery {
  /** Case-insensitive words over name, submitter, description, serviceName, tags, notes. */
  q?: string;
  /** A raw `HQL::filter` expression, joined with `statuses` by `and` when both are given. */
  filter?: string;
  /** Builds `status in ['a','b']`. An empty list means "no status restriction". */
  statuses?: readonly string[];
  /** `HQL::sortBy`; default `submitTime DESC`. */
  sortBy?: string;
  offset?: number;
  limit?: number;
  /** `HQL::fields`: only these members of each task (the server adds none it was not asked for). */
  fields?: readonly string[];
  serviceID?: number | string;
  scheduleID?: number | string;
  /** All must match. */
  tags?: string | readonly string[];
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface TaskEdit {
  notes: string;
  toDo: boolean;
}

/** Task operations that go through `…/Tasks/{id}/actions/{name}/invoke`. */
export type Jp1aoTaskAction = 'stop' | 'forceStop' | 'rerunStart' | 'rerunStepStart' | 'archive';

/**
 * The template `GET …/actions/{name}` returns and the invoke takes back as received (its `name` may
 * differ from the action's: the manual's rerunStepStart example is named `rerunStart`).
 */
export interface ActionTemplate {
  name: string;
  href?: string;
  method: string;
  parameters: unknown[];
  [member: string]: unknown;
}

/**
 * Result of an invoke. `state`: queued, running, failed, success, stopping, stopped. The id comes
 * as `instanceID` or `instanceId`; the client fills `instanceID` from either.
 */
export interface InvokeResult {
  instanceID?: number | string;
  instanceId?: number | string;
  result?: string;
  resultType?: string;
  created?: string;
  updated?: string;
  completed?: string;
  state?: string;
  affectedResources?: unknown[];
  [member: string]: unknown;
}

export interface Jp1aoVersion {
  productName?: string;
  productVersion?: string;
  apiVersion?: string;
  [member: string]: unknown;
}

/** `GET /Automation/v1/user`: user name, permissions, resource groups. */
export interface Jp1aoUser {
  name?: string;
  [member: string]: unknown;
}

export interface PropertyValue {
  keyName?: string;
  value?: unknown;
  [member: string]: unknown;
}

export interface TaskLogQuery extends CallOptions {
  /** Byte offset into the log. */
  offset?: number;
  /** Bytes to read. */
  readSize?: number;
  /** Read from the end backwards. */
  reverse?: boolean;
}

export interface Jp1aoCredentials {
  username: string;
  password: string;
}

export type Jp1aoLanguage = 'en' | 'ja' | 'zh';

export interface Jp1aoClientOptions {
  /** `Accept-Language`; default `en`. */
  language?: Jp1aoLanguage;
  /** Lifetime of an HSSO token; default 1,000 s. */
  tokenLifetimeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Told once when the client changes how it talks to this server (e.g. lists unpaged from now on). */
  onNotice?: (message: string) => void;
}
