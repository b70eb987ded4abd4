// The JP1/AO simulator's task store. A task's future status changes are queued as phases and
// applied from the clock whenever it is read, so in-progress tasks move on without a timer per task.
import type { SimulatorVariants } from '../types';
import { addWait } from './responseWaits';
import {
  ALLOWED_FROM, aoDate, FINISHED, NEEDS_SUPPORT, type Phase, type Refusal, SCHEDULE_FROM, type ScheduleAction,
  type ScheduleState, STOP_DELAY_MS, type TaskAction, type TaskRecord,
} from './taskRecord';

export class TaskStore {
  private readonly active = new Map<number, TaskRecord>();
  private readonly archived = new Map<number, TaskRecord>();
  readonly schedules = new Map<number, ScheduleState>();
  private lastId = 1000;
  private lastActionId = 50_000;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timeOffset: SimulatorVariants['jp1aoTimeOffset'] = 'plain',
    /** The status as this server writes it (its dialect, words.ts); the record keeps the camel word. */
    private readonly statusWord: (task: TaskRecord) => string = (task) => task.status,
  ) {}

  /** A time as this server writes it. */
  date(ms: number | undefined): string | undefined {
    return aoDate(ms, this.timeOffset);
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** Ids given from now on start at `first` (when above the last one). */
  startIdsAt(first: number): void {
    this.lastId = Math.max(this.lastId, first - 1);
  }

  nextActionId(): number {
    return ++this.lastActionId;
  }

  add(task: TaskRecord): void {
    this.active.set(task.instanceID, task);
    const scheduleID = task.fields.scheduleID;
    if (typeof scheduleID === 'number' && !this.schedules.has(scheduleID)) this.schedules.set(scheduleID, task.status === 'holding' ? 'suspended' : 'active');
  }

  get(id: number): TaskRecord | undefined {
    const task = this.active.get(id);
    return task && this.settle(task);
  }

  history(id: number): TaskRecord | undefined {
    return this.archived.get(id);
  }

  all(): TaskRecord[] {
    return [...this.active.values()].map((task) => this.settle(task));
  }

  histories(): TaskRecord[] {
    return [...this.archived.values()];
  }

  /** Tasks whose scheduleID is `scheduleID`. */
  ofSchedule(scheduleID: number): TaskRecord[] {
    return this.all().filter((task) => task.fields.scheduleID === scheduleID);
  }

  view(task: TaskRecord): Record<string, unknown> {
    this.settle(task);
    const view: Record<string, unknown> = {
      instanceID: task.instanceID,
      ...task.fields,
      status: this.statusWord(task),
      startTime: this.date(task.startTime),
      completionTime: this.date(task.completionTime),
      scheduledStartTime: this.date(task.scheduledStartTime),
      submitTime: this.date(task.submitTime),
      modifyTime: this.date(task.modifyTime),
      stepTime: this.date(task.stepTime),
      archiveTime: this.date(task.archiveTime),
    };
    for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
    return view;
  }

  /** Sets the status now and queues `phases`; keeps the times consistent with the status. */
  setStatus(task: TaskRecord, status: string, phases: Phase[] = []): void {
    this.settle(task);
    this.apply(task, status, this.now());
    task.phases = phases;
  }

  editNotes(task: TaskRecord, notes: string, toDo: boolean): void {
    task.fields.notes = notes;
    task.fields.toDo = toDo;
    task.modifyTime = Math.max(this.now(), task.modifyTime + 1);
  }

  /** Why `action` may not run on the task now (409), or undefined when it may. */
  refusal(task: TaskRecord, action: TaskAction): Refusal | undefined {
    this.settle(task);
    if (!ALLOWED_FROM[action].includes(task.status)) return { reason: 'status', status: task.status };
    const needs = NEEDS_SUPPORT[action];
    const supported = String(task.fields.supportedActionType ?? '').split(',');
    if (needs && !supported.includes(needs)) return { reason: 'unsupported', status: task.status };
    return undefined;
  }

  /** Carries out an allowed operation (see the decisions in routes.ts). */
  operate(task: TaskRecord, action: TaskAction, button?: number): void {
    const now = this.now();
    const rerun = () => [{ at: now + 45_000, status: 'completed' }];
    switch (action) {
      case 'stop':
        this.setStatus(task, 'terminating', [{ at: now + STOP_DELAY_MS, status: task.hadError || task.status === 'abnormalDetection' ? 'failed' : 'canceled' }]);
        break;
      case 'forceStop':
        this.setStatus(task, task.hadError || task.status === 'abnormalDetection' ? 'failed' : 'canceled');
        break;
      case 'rerunStart':
      case 'rerunStepStart':
        task.hadError = false;
        task.completionTime = undefined;
        this.setStatus(task, 'inProgress', rerun());
        break;
      case 'response': {
        const step = task.waits?.shift();
        task.answered = (task.answered ?? 0) + 1;
        if (step && step.abortButton === button) this.setStatus(task, 'failed');
        else if (task.waits?.length) task.modifyTime = Math.max(now, task.modifyTime + 1);
        else this.setStatus(task, 'inProgress', rerun());
        break;
      }
      case 'resubmit':
        break;
      case 'archive':
        this.active.delete(task.instanceID);
        task.archiveTime = now;
        this.archived.set(task.instanceID, task);
        break;
    }
  }

  /**
   * A schedule operation (docs/api/jp1ao.md, "Task operations"): cancel ends the schedule's waiting/holding tasks (and answers
   * success again once the schedule is canceled), suspend holds waiting tasks, resume releases
   * held ones. Returns the changed tasks, or the statuses the operation needed (409).
   */
  scheduleAction(scheduleID: number, action: ScheduleAction): { changed: TaskRecord[] } | { needs: string[] } {
    const tasks = this.ofSchedule(scheduleID);
    const from = SCHEDULE_FROM[action];
    const affected = tasks.filter((task) => from.includes(task.status));
    if (action === 'cancel' && this.schedules.get(scheduleID) === 'canceled') return { changed: affected };
    if (affected.length === 0) return { needs: from };
    for (const task of affected) {
      if (action === 'cancel') this.setStatus(task, 'canceled');
      else if (action === 'suspend') this.setStatus(task, 'holding');
      else {
        const start = Math.max(task.scheduledStartTime ?? 0, this.now() + 60_000);
        task.scheduledStartTime = start;
        this.setStatus(task, 'waiting', [{ at: start, status: 'inProgress' }, { at: start + 5 * 60_000, status: 'completed' }]);
      }
    }
    this.schedules.set(scheduleID, action === 'cancel' ? 'canceled' : action === 'suspend' ? 'suspended' : 'active');
    return { changed: affected };
  }

  /**
   * A new task of the same service with the same inputs, started now (resubmit). It is named as a
   * new submission (`<service>_<time>`) unless the Schedule's name was changed.
   */
  resubmit(task: TaskRecord, name?: string, inputs?: Record<string, string>): TaskRecord {
    const now = this.now();
    const instanceID = this.nextId();
    const stamp = new Date(now + 9 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const submitted = `${String(task.fields.serviceName ?? 'Task').replace(/\s+/g, '_')}_${stamp}`;
    const fresh: TaskRecord = {
      instanceID,
      fields: { ...task.fields, name: name && name !== task.fields.name ? name : submitted, scheduleType: 'immediate', scheduleID: undefined, notes: undefined, toDo: false },
      status: 'inProgress',
      submitTime: now,
      modifyTime: now,
      startTime: now,
      stepTime: now,
      phases: [{ at: now + 45_000, status: 'completed' }],
      hadError: false,
      steps: task.steps,
      inputs: { ...task.inputs, ...inputs },
    };
    this.add(fresh);
    return fresh;
  }

  /** Another step of the task starts waiting for a response (the task is then Waiting for Response). */
  addResponseWait(task: TaskRecord, promptIndex?: number): void {
    this.settle(task);
    task.phases = [];
    if (task.status !== 'waitingResponse') task.waits = [];
    addWait(task, this.now(), promptIndex);
    if (task.status !== 'waitingResponse') this.apply(task, 'waitingResponse', this.now());
    else task.modifyTime = Math.max(this.now(), task.modifyTime + 1);
  }

  remove(task: TaskRecord): void {
    this.active.delete(task.instanceID);
  }

  private settle(task: TaskRecord): TaskRecord {
    const now = this.now();
    while (task.phases.length > 0 && task.phases[0].at <= now) {
      const phase = task.phases.shift() as Phase;
      this.apply(task, phase.status, phase.at);
    }
    // A task seeded as waiting gets its waiting step when first looked at.
    if (task.status === 'waitingResponse' && !task.waits?.length) addWait(task, task.stepTime ?? task.modifyTime);
    return task;
  }

  private apply(task: TaskRecord, status: string, at: number): void {
    if (status === task.status && task.modifyTime >= at) return;
    task.status = status;
    task.modifyTime = Math.max(at, task.modifyTime + 1);
    if (status === 'abnormalDetection') task.hadError = true;
    if (status === 'inProgress' || status === 'abnormalDetection') {
      task.startTime ??= at;
      task.stepTime = at;
    }
    if (FINISHED.includes(status)) task.completionTime = at;
    else task.completionTime = undefined;
    if (status !== 'waitingResponse') task.waits = undefined;
    else if (!task.waits?.length) addWait(task, at);
  }
}
