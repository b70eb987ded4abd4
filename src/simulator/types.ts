// The public shapes of the simulator module (re-exported by index.ts).

export interface SimulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** 0 = any free port (default). */
  lxcaPort?: number;
  /** 0 = any free port (default). */
  jp1aoPort?: number;
  /** HTTPS with a freshly generated self-signed certificate. */
  tls?: boolean;
  /** How many LXCA jobs / JP1/AO tasks to seed (default 300 each). */
  size?: number;
  /** Seed of the deterministic data (default 1). */
  seed?: number;
  /** The first job/task id to give (default 1): a restarted demo starts above every id it gave before. */
  firstId?: number;
  /** JP1/AO HSSO token lifetime in seconds (default 1000). */
  tokenLifetimeSeconds?: number;
  /** How often a new running job/task appears so a live view has something to show (default 20000; 0 = never). */
  newItemEveryMs?: number;
  /** JP1/AO: one extra task starts now and waits for a response this long after (the demo); none when undefined. */
  responseWaitAfterMs?: number;
  /** Variants of real servers the clients must cope with (docs/api/*.md); each default is the first. */
  variants?: Partial<SimulatorVariants>;
}

/**
 * Ways real appliances may answer differently from the simulator's default reading
 * (docs/api/lxca.md and docs/api/jp1ao.md say where each comes from).
 */
export interface SimulatorVariants {
  /** `tasks`: flat `status` string, `jobUID`, `cancelable`; `jobs`: the older jobs API shape `{id, status: {state, percentage, substatus}, isCancelable, cancelURI}`. */
  lxcaJobShape: 'tasks' | 'jobs';
  /** Status a refused `POST /sessions` answers with (default 401). */
  lxcaLoginFailure: 400 | 401 | 403;
  /** Where a new LXCA session's CSRF token is given: the `csrf` cookie (default) or only the login body's `session.csrf`. */
  lxcaCsrfIn: 'cookie' | 'body';
  /** `limit`: honours `HQL::limit`; `ignore`: answers every task from `HQL::offset` on; `reject`: 400 naming `HQL::limit`. */
  jp1aoPaging: 'limit' | 'ignore' | 'reject';
  /** Time stamps as `…+0900` (`plain`, default) or `…+09:00` (`colon`). */
  jp1aoTimeOffset: 'plain' | 'colon';
  /** `standard`: invoke results carry `instanceID`; `reference`: as the manual's examples, `instanceId` with `result`/`resultType`, and the `rerunStepStart` template named `rerunStart`. */
  jp1aoInvokeShape: 'standard' | 'reference';
  /**
   * `cancel`: `PUT /tasks/{job_list}` with a cancel hook cancels the jobs (the seed's reading);
   * `register`: it only stores the hook and leaves the jobs running, as Lenovo's body table ("Add
   * a cancel callback to a created job") may mean; the plain `PUT /tasks` cancels either way.
   */
  lxcaHookCancel: 'cancel' | 'register';
  /** `true`: a JP1/AO stop answers success and leaves the task as it was (a stop that did not take). */
  jp1aoStopIgnored: false | true;
  /** Status words as `inProgress` (`camel`, default), `InProgress`, `IN_PROGRESS` or `In Progress` (`display`). */
  jp1aoStatusWords: 'camel' | 'pascal' | 'upper' | 'display';
  /** Every third task in progress shows as `longRunning` (spelled in the dialect) — Ops Center Automator's Long Running. */
  jp1aoLongRunning: boolean;
  /** A status filter naming a word this server does not use: matches nothing (`match`, default), answers 400 (`strict`), or answers an empty list (`empty`). */
  jp1aoFilter: 'match' | 'strict' | 'empty';
}

export const defaultVariants: SimulatorVariants = {
  lxcaJobShape: 'tasks',
  lxcaLoginFailure: 401,
  lxcaCsrfIn: 'cookie',
  jp1aoPaging: 'limit',
  jp1aoTimeOffset: 'plain',
  jp1aoInvokeShape: 'standard',
  lxcaHookCancel: 'cancel',
  jp1aoStopIgnored: false,
  jp1aoStatusWords: 'camel',
  jp1aoLongRunning: false,
  jp1aoFilter: 'match',
};

/** The switches of `npm run simulator` (`--lxca-job-shape jobs` …) and the values each takes. */
export const variantChoices: { readonly [K in keyof SimulatorVariants]: readonly SimulatorVariants[K][] } = {
  lxcaJobShape: ['tasks', 'jobs'],
  lxcaLoginFailure: [400, 401, 403],
  lxcaCsrfIn: ['cookie', 'body'],
  jp1aoPaging: ['limit', 'ignore', 'reject'],
  jp1aoTimeOffset: ['plain', 'colon'],
  jp1aoInvokeShape: ['standard', 'reference'],
  lxcaHookCancel: ['cancel', 'register'],
  jp1aoStopIgnored: [false, true],
  jp1aoStatusWords: ['camel', 'pascal', 'upper', 'display'],
  jp1aoLongRunning: [false, true],
  jp1aoFilter: ['match', 'strict', 'empty'],
};

export function resolveVariants(options: SimulatorOptions): SimulatorVariants {
  return { ...defaultVariants, ...options.variants };
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request target exactly as it arrived on the wire (path and query, nothing decoded). */
  target: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** Status answered; 0 when the connection was dropped by the `dropConnections` fault. */
  status: number;
  /** Bytes of the answer's body; 0 until answered. */
  bytes: number;
}

export interface Faults {
  /** Added to every response. */
  latencyMs: number;
  /**
   * Answer the next `count` requests (whose path matches `path`, when given) with `status` and the
   * vendor's error body, and a `Retry-After` of `retryAfterSeconds` when given (a busy server).
   */
  failNext?: { status: number; count: number; path?: RegExp; retryAfterSeconds?: number };
  /** Never answer the requests that match (`method` and `path`, each when given): a server that hangs on them. */
  stall?: { method?: string; path?: RegExp };
  /** Every call answers 412 with the vendor's error body. */
  unavailable: boolean;
  /** Destroy sockets without answering. */
  dropConnections: boolean;
  /** Replace the body of successful (2xx) responses; the status stays. `huge` = many MB of valid JSON. */
  body?: 'html' | 'text' | 'truncated' | 'huge';
  /** Send every body slowly: `bytes` at a time, one piece every `intervalMs` (a stalling proxy). */
  trickle?: { bytes: number; intervalMs: number };
}

export interface RunningSimulator {
  product: 'lxca' | 'jp1ao';
  url: string;
  username: string;
  password: string;
  /** 'AB:CD:…' when tls. */
  fingerprint256?: string;
  /** The self-signed certificate (PEM) when tls. */
  caPem?: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  clearRequests(): void;
  faults: Faults;
  /** All LXCA sessions / JP1/AO tokens become invalid (the next call with them answers 401). */
  expireSessions(): void;
  close(): Promise<void>;
}

/** LXCA formatted text: `[{ text, format: ['bold', …], link? }]`. */
export interface FormattedText {
  text: string;
  format: string[];
  link?: string;
}
export type LxcaText = string | FormattedText[];

/** What `POST /tasks` and `addJob` accept. Unknown members are kept on the job as they are. */
export interface LxcaJobTemplate {
  name?: LxcaText;
  createdBy?: string;
  args?: string[];
  status?: string;
  percentage?: number;
  customUid?: string;
  cancelURL?: string;
  cancelRESTMethod?: string;
  cancelRESTBody?: Record<string, unknown>;
  messages?: unknown[];
  children?: LxcaJobTemplate[];
  /** Simulator only (addJob): run for this long, then finish with `finalStatus` (default Complete). */
  runForMs?: number;
  finalStatus?: string;
  [extra: string]: unknown;
}

export interface LxcaSimulator extends RunningSimulator {
  product: 'lxca';
  /** The job (root or subtask) as `GET /tasks/{id}` shows it, or undefined. */
  job(id: string): any;
  /** All root jobs as `GET /tasks` shows them. */
  jobs(): any[];
  /** Creates a job (and its subtasks) like `POST /tasks`; returns the root job's ID. */
  addJob(template: LxcaJobTemplate): string;
  /** Pins a job's status (it stops progressing on its own). */
  setJobStatus(id: string, status: string, percentage?: number): void;
  /** Second user without permission to change jobs (403). */
  readonly viewer: { username: string; password: string };
}

export interface Jp1aoSimulator extends RunningSimulator {
  product: 'jp1ao';
  /** The task as `GET …/Tasks/{id}` shows it, or undefined (also for archived tasks). */
  task(id: number | string): any;
  /** All (not archived) tasks, by instanceID. */
  tasks(): any[];
  /** Archived tasks (TaskHistories). */
  histories(): any[];
  /** Pins a task's status (it stops progressing on its own); bumps modifyTime. */
  setTaskStatus(id: number | string, status: string): void;
  /**
   * One more step of the task waits for a response (the task becomes Waiting for Response); answers
   * the ResponseInput of the step that has waited longest. `promptIndex` picks the prompt.
   */
  addResponseWait(id: number | string, promptIndex?: number): Record<string, unknown>;
  /** Second user who may read but not edit or operate tasks. */
  readonly viewer: { username: string; password: string };
}
