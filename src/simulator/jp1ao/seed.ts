// Deterministic demo tasks: every status of the assumed vocabulary (docs/api/jp1ao.md), immediate and scheduled
// (one-off and recurring) tasks, tags, notes/TODO on some, a few debug tasks.
import { Random } from '../random';
import type { Phase, TaskRecord } from './taskRecord';
import type { TaskStore } from './tasks';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STATUS_WEIGHTS = {
  waiting: 8,
  holding: 3,
  inProgress: 10,
  waitingResponse: 3,
  abnormalDetection: 3,
  terminating: 1,
  completed: 50,
  failed: 14,
  canceled: 8,
};
type SeedStatus = keyof typeof STATUS_WEIGHTS;
const VOCABULARY = Object.keys(STATUS_WEIGHTS) as SeedStatus[];

interface Service {
  serviceID: number;
  serviceName: string;
  description: string;
  tags: string;
  serviceTemplateID: number;
  serviceGroupID: number;
  serviceGroupName: string;
}

const SERVICES: Service[] = [
  { serviceID: 11, serviceName: 'Provision Linux VM', description: 'Creates a RHEL virtual machine and registers it in DNS.', tags: 'linux,vm', serviceTemplateID: 101, serviceGroupID: 1, serviceGroupName: 'DefaultServiceGroup' },
  { serviceID: 12, serviceName: 'Apply Windows patches', description: 'Installs the monthly Windows updates and restarts.', tags: 'windows,patch', serviceTemplateID: 102, serviceGroupID: 1, serviceGroupName: 'DefaultServiceGroup' },
  { serviceID: 13, serviceName: 'Nightly database backup', description: 'Dumps the sales database to the backup store.', tags: 'db,backup', serviceTemplateID: 103, serviceGroupID: 2, serviceGroupName: 'Operations' },
  { serviceID: 14, serviceName: 'Rotate application logs', description: 'Compresses and archives application logs.', tags: 'maintenance', serviceTemplateID: 104, serviceGroupID: 2, serviceGroupName: 'Operations' },
  { serviceID: 15, serviceName: 'Configure VLAN', description: 'Adds a VLAN to the core switches.', tags: 'network', serviceTemplateID: 105, serviceGroupID: 3, serviceGroupName: 'Network' },
  { serviceID: 16, serviceName: 'Restart web tier', description: 'Restarts the web servers one at a time.', tags: 'web,linux', serviceTemplateID: 106, serviceGroupID: 2, serviceGroupName: 'Operations' },
];
const SUBMITTERS = ['system', 'ops01', 'jdoe', 'tanaka'];
const NOTES = ['Waiting for change approval CHG-1042.', 'Re-run after the storage maintenance window.', 'Checked by night shift; see ticket INC-2231.', '顧客へ連絡済み。'];
const SUPPORT = ['forciblyStop,retry', 'forciblyStop,retry', 'forciblyStop,retry', 'forciblyStop', 'retry', ''];

const stamp = (ms: number) => new Date(ms + 9 * HOUR).toISOString().replace(/[-:T]/g, '').slice(0, 14);

export class Jp1aoSeeder {
  private readonly rng: Random;
  private lastScheduleId = 300;
  /** Recurring schedules shared by several tasks. */
  private readonly recurring: number[] = [];

  constructor(private readonly store: TaskStore, seed: number, private readonly now: () => number = Date.now) {
    this.rng = new Random(seed ^ 0x5a5a);
  }

  seed(size: number): void {
    const now = this.now();
    const spacing = Math.max(1000, Math.floor((30 * DAY) / Math.max(1, size)));
    for (let i = 0; i < size; i++) {
      const status = this.rng.everyKeyThenWeighted(STATUS_WEIGHTS, i);
      // The first tasks support every operation and are never debug tasks, so tests can rely on them.
      const task = this.task(status, now - (size - i) * spacing, now, i < 2 * VOCABULARY.length);
      if (i === VOCABULARY.length + 1) task.fields.serviceState = 'debug';
      this.store.add(task);
    }
  }

  /** A task submitted now that runs for one to three minutes (the live demo). */
  addLiveTask(): void {
    this.store.add(this.task('inProgress', this.now(), this.now(), false, true));
  }

  /**
   * A task submitted now that runs until `afterMs` from now and then waits for an operator's
   * response (the demo's "needs your answer" moment); answered, it runs on.
   */
  addTaskWaitingLater(afterMs: number): TaskRecord {
    const task = this.task('inProgress', this.now(), this.now(), true, true);
    task.fields.name = `Approve_patch_rollout_${stamp(this.now())}`;
    task.phases = [{ at: this.now() + afterMs, status: 'waitingResponse' }];
    this.store.add(task);
    return task;
  }

  private task(status: SeedStatus, submitTime: number, now: number, plain: boolean, justStarted = false): TaskRecord {
    const rng = this.rng;
    const service = rng.pick(SERVICES);
    const { serviceName, ...serviceFields } = service;
    const instanceID = this.store.nextId();
    const fields: TaskRecord['fields'] = {
      name: `${serviceName.replace(/\s+/g, '_')}_${stamp(submitTime)}`,
      submitter: rng.pick(SUBMITTERS),
      serviceState: !plain && rng.chance(0.02) ? 'debug' : 'release',
      scheduleType: 'immediate',
      serviceName,
      ...serviceFields,
      supportedActionType: plain ? 'forciblyStop,retry' : rng.pick(SUPPORT),
      toDo: false,
    };
    if (rng.chance(0.15)) {
      fields.notes = rng.pick(NOTES);
      fields.toDo = rng.chance(0.5);
    }
    const task: TaskRecord = { instanceID, fields, status, submitTime, modifyTime: submitTime, phases: [], hadError: status === 'abnormalDetection', steps: 3 + (instanceID % 6) };
    if (status === 'waiting' || status === 'holding' || rng.chance(0.2)) this.schedule(task, now);
    this.timeline(task, now, justStarted);
    return task;
  }

  /** Makes the task a one-off or recurring scheduled task. */
  private schedule(task: TaskRecord, now: number): void {
    const rng = this.rng;
    const pending = task.status === 'waiting' || task.status === 'holding';
    // A held task is the one task of a suspended one-off schedule.
    const recurring = task.status !== 'holding' && rng.chance(0.4);
    if (recurring) {
      if (this.recurring.length === 0 || rng.chance(0.3)) this.recurring.push(++this.lastScheduleId);
      task.fields.scheduleID = rng.pick(this.recurring);
      task.fields.scheduleType = 'recurrence';
      task.fields.recurrenceInterval = rng.pick(['daily', 'weekly', 'monthly']);
      task.fields.recurrenceTime = rng.pick(['02:00', '06:30', '23:15']);
      task.fields.recurrenceStartDate = new Date(now - 40 * DAY).toISOString().slice(0, 10);
    } else {
      task.fields.scheduleID = ++this.lastScheduleId;
      task.fields.scheduleType = 'schedule';
    }
    task.scheduledStartTime = pending ? now + rng.int(2, 72) * HOUR : task.submitTime + rng.int(1, 30) * MINUTE;
  }

  /** Past times for finished tasks; future phases for moving ones. */
  private timeline(task: TaskRecord, now: number, justStarted: boolean): void {
    const rng = this.rng;
    const started = task.scheduledStartTime ?? task.submitTime + rng.int(1, 30) * SECOND;
    const phases: Phase[] = [];
    switch (task.status) {
      case 'waiting': {
        const start = task.scheduledStartTime as number;
        phases.push({ at: start, status: 'inProgress' }, { at: start + rng.int(2, 20) * MINUTE, status: 'completed' });
        break;
      }
      case 'holding':
      case 'waitingResponse':
        break;
      case 'inProgress':
      case 'abnormalDetection': {
        const ends = justStarted ? now + rng.int(60, 180) * SECOND : now + rng.int(2, 20) * MINUTE;
        const failing = task.status === 'abnormalDetection' || rng.chance(0.15);
        phases.push({ at: ends, status: failing ? 'failed' : 'completed' });
        break;
      }
      case 'terminating':
        phases.push({ at: now + rng.int(10, 60) * SECOND, status: 'canceled' });
        break;
      default: {
        task.startTime = Math.min(started, now - 2 * MINUTE);
        const room = now - MINUTE - task.startTime;
        const duration = rng.int(1, 90) * MINUTE;
        task.completionTime = task.startTime + (duration < room ? duration : Math.floor(rng.next() * room));
        task.modifyTime = task.completionTime;
        task.stepTime = task.completionTime;
      }
    }
    if (['inProgress', 'waitingResponse', 'abnormalDetection', 'terminating'].includes(task.status)) {
      task.startTime = justStarted ? now : Math.min(now - rng.int(10, 600) * SECOND, Math.max(task.submitTime, now - HOUR));
      task.modifyTime = task.startTime;
      task.stepTime = task.startTime;
    }
    task.phases = phases;
  }
}
