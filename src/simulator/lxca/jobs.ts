// The LXCA job records: a tree of jobs whose running ones follow a timeline, so status and
// percentage are computed from the clock whenever a job is read (no timers per job).
import type { LxcaJobTemplate, SimulatorVariants } from '../types';

/**
 * Statuses a job can be cancelled from. The simulator's decision: a job suspended or waiting for a
 * reboot has not ended either (no end time), so it can still be cancelled.
 */
const ACTIVE = new Set(['Pending', 'Running', 'Running_With_Errors', 'Suspended', 'Waiting_For_Reboot']);
const WITH_ERRORS = new Set(['CompleteWithErrors', 'Running_With_Errors', 'Cancelled_With_Errors', 'Stopped_With_Error']);

export interface Timeline {
  startAt: number;
  endAt: number;
  finalStatus: string;
}

export interface CancelHook {
  cancelURL: string;
  cancelRESTMethod: string;
  cancelRESTBody?: Record<string, unknown>;
  expirationTimeOut?: number;
}

export interface JobRecord {
  jobUID: string;
  /** name, createdBy, args, messages, targetResources, customUid and any extra template members. */
  fields: Record<string, unknown>;
  hook?: CancelHook;
  status: string;
  percentage: number;
  startTime?: number;
  endTime?: number;
  /** While set, status/percentage/startTime/endTime follow the clock. */
  timeline?: Timeline;
  children: JobRecord[];
  parent?: JobRecord;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export class JobStore {
  private readonly byId = new Map<string, JobRecord>();
  private readonly roots: JobRecord[] = [];
  private lastId = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly shape: SimulatorVariants['lxcaJobShape'] = 'tasks',
  ) {}

  nextId(): string {
    return String(++this.lastId);
  }

  /** Ids given from now on start at `first` (when above the last one). */
  startIdsAt(first: number): void {
    this.lastId = Math.max(this.lastId, first - 1);
  }

  /** Adds a root job (and its subtree) built elsewhere. */
  insertRoot(job: JobRecord): void {
    this.roots.push(job);
    this.index(job);
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  rootJobs(): readonly JobRecord[] {
    return this.roots;
  }

  /** Creates a job tree from a template; returns every created job, root first, depth-first. */
  create(template: LxcaJobTemplate): JobRecord[] {
    const at = this.now();
    const root = this.fromTemplate(template, at);
    if (template.runForMs !== undefined) {
      root.timeline = { startAt: at, endAt: at + template.runForMs, finalStatus: template.finalStatus ?? 'Complete' };
      spreadTimeline(root);
    }
    this.insertRoot(root);
    return flatten(root);
  }

  isActive(job: JobRecord): boolean {
    return ACTIVE.has(this.settle(job).status);
  }

  /** Cancels the jobs and their unfinished subtasks; the caller has checked they are active. */
  cancel(jobs: JobRecord[], hook?: CancelHook): void {
    const at = this.now();
    for (const job of jobs) {
      if (hook) job.hook = hook;
      for (const node of flatten(job)) {
        this.settle(node);
        if (!ACTIVE.has(node.status)) continue;
        node.status = node.status === 'Running_With_Errors' ? 'Cancelled_With_Errors' : 'Cancelled';
        node.timeline = undefined;
        node.endTime = at;
      }
    }
  }

  remove(jobs: JobRecord[]): void {
    for (const job of jobs) {
      const siblings = job.parent ? job.parent.children : this.roots;
      const at = siblings.indexOf(job);
      if (at >= 0) siblings.splice(at, 1);
      for (const node of flatten(job)) this.byId.delete(node.jobUID);
    }
  }

  /** Pins a status (and percentage); the job stops following its timeline. */
  setStatus(job: JobRecord, status: string, percentage?: number): void {
    this.settle(job);
    job.timeline = undefined;
    job.status = status;
    if (percentage !== undefined) job.percentage = percentage;
    if (ACTIVE.has(status)) job.endTime = undefined;
    else job.endTime ??= this.now();
    if (status !== 'Pending') job.startTime ??= this.now();
  }

  /** The owner's progress report (`PUT /tasks/{id}` with `{jobUID, percentage, …}`). */
  reportProgress(job: JobRecord, update: { percentage?: number; status?: string; messages?: unknown[] }): void {
    this.settle(job);
    const status = update.status ?? (job.status === 'Pending' ? 'Running' : job.status);
    this.setStatus(job, status, update.percentage);
    if (update.messages) job.fields.messages = update.messages;
  }

  /** The job as the API shows it, in the configured shape. */
  view(job: JobRecord, compact = false): Record<string, unknown> {
    this.settle(job);
    const view = this.shape === 'jobs' ? this.jobsApiView(job, compact) : this.tasksView(job, compact);
    for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
    return view;
  }

  /** `GET /tasks` as the project reads Lenovo's tasks reference: flat status, `jobUID`, `cancelable`. */
  private tasksView(job: JobRecord, compact: boolean): Record<string, unknown> {
    const active = ACTIVE.has(job.status);
    const view: Record<string, unknown> = {
      jobUID: job.jobUID,
      ...job.fields,
      status: job.status,
      percentage: job.percentage,
      startTime: iso(job.startTime),
      endTime: iso(job.endTime),
      cancelable: active,
      complete: !active,
      ...job.hook,
    };
    if (!compact) view.children = job.children.map((child) => this.view(child, false));
    return view;
  }

  /**
   * The older jobs API's shape (lenovo/xclarity_client docs/apib/jobs.apib): `id`, the state nested
   * in `status: {state, percentage, substatus}` with the subtasks as `substatus`, `isCancelable`,
   * and `cancelURI` naming where a cancel goes.
   */
  private jobsApiView(job: JobRecord, compact: boolean): Record<string, unknown> {
    const active = ACTIVE.has(job.status);
    const status: Record<string, unknown> = { state: job.status, percentage: job.percentage };
    if (!compact) status.substatus = job.children.map((child) => this.view(child, false));
    return {
      id: job.jobUID,
      ...job.fields,
      status,
      startTime: iso(job.startTime),
      endTime: iso(job.endTime),
      isCancelable: active,
      cancelURI: active ? `/tasks/${job.jobUID}` : undefined,
    };
  }

  /** Applies the clock to a job that follows a timeline. */
  private settle(job: JobRecord): JobRecord {
    const timeline = job.timeline;
    if (!timeline) return job;
    const now = this.now();
    if (now < timeline.startAt) {
      job.status = 'Pending';
      job.percentage = 0;
    } else if (now < timeline.endAt) {
      const progress = (now - timeline.startAt) / (timeline.endAt - timeline.startAt);
      job.startTime = timeline.startAt;
      job.percentage = Math.floor(progress * 100);
      job.status = WITH_ERRORS.has(timeline.finalStatus) && progress >= 0.5 ? 'Running_With_Errors' : 'Running';
    } else {
      job.startTime = timeline.startAt;
      job.endTime = timeline.endAt;
      job.status = timeline.finalStatus;
      job.percentage = 100;
      job.timeline = undefined;
    }
    return job;
  }

  private fromTemplate(template: LxcaJobTemplate, at: number, parent?: JobRecord): JobRecord {
    // jobUID is ours to give; the simulator-only members do not show on the job.
    const { children, status, percentage, runForMs, finalStatus, cancelURL, cancelRESTMethod, cancelRESTBody, jobUID, ...fields } = template;
    const job: JobRecord = {
      jobUID: this.nextId(),
      fields: { messages: [], ...fields },
      status: status ?? 'Pending',
      percentage: percentage ?? 0,
      startTime: status && status !== 'Pending' ? at : undefined,
      children: [],
      parent,
    };
    if (cancelURL !== undefined && cancelRESTMethod !== undefined) job.hook = { cancelURL, cancelRESTMethod, cancelRESTBody };
    job.children = (children ?? []).map((child) => this.fromTemplate(child, at, job));
    return job;
  }

  private index(job: JobRecord): void {
    for (const node of flatten(job)) this.byId.set(node.jobUID, node);
  }
}

export function flatten(job: JobRecord): JobRecord[] {
  return [job, ...job.children.flatMap(flatten)];
}

/** Gives each subtask an equal consecutive slice of its parent's timeline (recursively). */
export function spreadTimeline(job: JobRecord): void {
  const timeline = job.timeline;
  if (!timeline || job.children.length === 0) return;
  const slice = (timeline.endAt - timeline.startAt) / job.children.length;
  job.children.forEach((child, i) => {
    const last = i === job.children.length - 1;
    child.timeline = {
      startAt: timeline.startAt + i * slice,
      endAt: timeline.startAt + (i + 1) * slice,
      finalStatus: last ? timeline.finalStatus : 'Complete',
    };
    spreadTimeline(child);
  });
}
