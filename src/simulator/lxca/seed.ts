// Deterministic demo jobs: every status of docs/api/lxca.md's vocabulary (plus a few unknown strings),
// plain and formatted-text names, subtasks up to two levels, some jobs with cancel hooks.
import { Random } from '../random';
import type { FormattedText, LxcaText } from '../types';
import { type CancelHook, type JobRecord, type JobStore, spreadTimeline } from './jobs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Statuses whose jobs are still moving; the others are seeded finished. */
const MOVING = ['Running', 'Running_With_Errors', 'Pending'] as const;
type Moving = (typeof MOVING)[number];
const isMoving = (status: string): status is Moving => (MOVING as readonly string[]).includes(status);
const STATUS_WEIGHTS = {
  Complete: 40,
  CompleteWithErrors: 8,
  Running: 10,
  Running_With_Errors: 3,
  Pending: 4,
  Cancelled: 6,
  Cancelled_With_Errors: 2,
  Stopped_With_Error: 8,
  Interrupted: 3,
  Suspended: 1,
  Waiting_For_Reboot: 1,
};
type SeedStatus = keyof typeof STATUS_WEIGHTS;

const SERVERS = ['SR650-01', 'SR650-07', 'SR630-V2-12', 'SD530-03', 'ThinkSystem-SR950', 'Flex-x240-5', 'ST550-lab', 'SR665-22'];
const USERS = ['admin', 'USERID', 'ops.jane', 'scheduler', 'LXCA'];
const COMPONENTS = ['UEFI', 'XClarity Controller', 'LXPM', 'Adapter firmware', 'Drive firmware'];
const STEPS = ['Validate request', 'Prepare target', 'Apply changes', 'Restart', 'Verify result'];

interface Kind {
  title(target: string, rng: Random): { name: string; args: string[] };
  hook?(jobUID: string, target: string): CancelHook;
  childName(i: number, target: string): string;
}

const KINDS: Kind[] = [
  {
    title: (target) => ({ name: `Firmware update on ${target}`, args: [target] }),
    hook: (jobUID, target) => ({
      cancelURL: `/updatableComponents?action=cancelApply&jobID=${jobUID}`,
      cancelRESTMethod: 'PUT',
      cancelRESTBody: { DeviceList: [{ ServerList: [{ UUID: uuidOf(target), Components: [{ Fixid: 'lnvgy_fw_uefi', Component: 'UEFI' }] }] }] },
    }),
    childName: (i, target) => `Update ${COMPONENTS[i % COMPONENTS.length]} on ${target}`,
  },
  {
    title: (target, rng) => {
      const image = rng.pick(['rhel-9.4-x86_64', 'esxi-8.0u2', 'win2022-std', 'sles-15sp5']);
      return { name: `Deploy operating system ${image} to ${target}`, args: [image, target] };
    },
    hook: (jobUID) => ({ cancelURL: `/hostPlatforms/deployments/${jobUID}`, cancelRESTMethod: 'DELETE' }),
    childName: (i) => STEPS[i % STEPS.length],
  },
  {
    title: (target) => ({ name: `Deploy server pattern to ${target}`, args: [target] }),
    hook: (jobUID) => ({ cancelURL: '/patterns?action=cancelDeploy', cancelRESTMethod: 'POST', cancelRESTBody: { jobUID } }),
    childName: (i) => STEPS[i % STEPS.length],
  },
  { title: (target) => ({ name: `Refresh inventory of ${target}`, args: [target] }), childName: (i) => STEPS[i % STEPS.length] },
  {
    title: (target, rng) => {
      const action = rng.pick(['powerOn', 'powerOff', 'restart']);
      return { name: `Power action ${action} on ${target}`, args: [action, target] };
    },
    childName: (i, target) => `Power step ${i + 1} on ${target}`,
  },
  { title: () => ({ name: 'Back up management server data', args: [] }), childName: (i) => STEPS[i % STEPS.length] },
];

function uuidOf(target: string): string {
  let hash = 0;
  for (const ch of target) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return hash.toString(16).toUpperCase().padStart(8, '0') + '0000000000000000000000AB';
}

/** Every third job carries its title as LXCA formatted text. */
function titleText(name: string, target: string, formatted: boolean): LxcaText {
  const at = target ? name.lastIndexOf(target) : -1;
  if (!formatted || at < 0) return name;
  const parts: FormattedText[] = [
    { text: name.slice(0, at), format: [] },
    { text: target, format: ['bold'] },
  ];
  return parts;
}

function messagesFor(status: string, at: number): unknown[] {
  const timeStamp = new Date(at).toISOString();
  if (status === 'CompleteWithErrors' || status === 'Running_With_Errors' || status === 'Cancelled_With_Errors')
    return [{ id: 'FQXHMJM0120W', text: [{ text: 'One or more subtasks ', format: [] }, { text: 'completed with errors', format: ['bold'] }, { text: '.', format: [] }], timeStamp }];
  if (status === 'Stopped_With_Error' || status === 'Interrupted')
    return [{ id: 'FQXHMJM0130E', text: 'The job stopped because a target did not respond.', timeStamp }];
  return [];
}

/** Children statuses consistent with a finished parent. */
function childStatus(parent: string, i: number, count: number): string {
  const last = i === count - 1;
  switch (parent) {
    case 'CompleteWithErrors':
      return last ? 'CompleteWithErrors' : 'Complete';
    case 'Cancelled':
    case 'Cancelled_With_Errors':
      return i === 0 ? 'Complete' : 'Cancelled';
    case 'Stopped_With_Error':
      return last ? 'Stopped_With_Error' : 'Complete';
    case 'Interrupted':
      return last ? 'Interrupted' : 'Complete';
    default:
      return parent;
  }
}

/** A seeded job before it is numbered: the hook needs the job's id. */
interface Made {
  root: JobRecord;
  hook?: (jobUID: string) => CancelHook;
}

const startOf = (job: JobRecord): number => job.startTime ?? job.timeline?.startAt ?? Number.MAX_SAFE_INTEGER;

export class LxcaSeeder {
  private readonly rng: Random;

  constructor(private readonly store: JobStore, seed: number, private readonly now: () => number = Date.now) {
    this.rng = new Random(seed);
  }

  /**
   * Seeds `size` root jobs created over the last 30 days. Ids grow with the start time, as LXCA
   * numbers jobs when they start: the jobs still running or pending get the highest ids.
   */
  seed(size: number): void {
    const now = this.now();
    const spacing = Math.max(1000, Math.floor((30 * DAY) / Math.max(1, size)));
    const made: Made[] = [];
    for (let i = 0; i < size; i++) {
      const status = this.rng.everyKeyThenWeighted(STATUS_WEIGHTS, i);
      made.push(this.job(status, now - (size - i) * spacing, now));
    }
    made.sort((a, b) => startOf(a.root) - startOf(b.root));
    for (const job of made) this.insert(job);
  }

  /** A new job that starts now and runs for one to three minutes (the live demo). */
  addLiveJob(): void {
    this.insert(this.job('Running', this.now(), this.now(), true));
  }

  /** Numbers the job tree depth-first from the store's next id, then adds its cancel hook. */
  private insert({ root, hook }: Made): void {
    const number = (job: JobRecord) => {
      job.jobUID = this.store.nextId();
      job.children.forEach(number);
    };
    number(root);
    if (hook) root.hook = hook(root.jobUID);
    this.store.insertRoot(root);
  }

  private job(status: SeedStatus, createdAt: number, now: number, justStarted = false): Made {
    const rng = this.rng;
    const kind = rng.pick(KINDS);
    const target = rng.pick(SERVERS);
    const { name, args } = kind.title(target, rng);
    const root = this.record(titleText(name, target, rng.chance(1 / 3)), rng.pick(USERS), args);
    const hook = kind.hook && rng.chance(0.8) ? kind.hook.bind(kind) : undefined;
    const childCount = rng.chance(0.35) ? rng.int(1, 4) : 0;
    for (let i = 0; i < childCount; i++) {
      const child = this.record(kind.childName(i, target), root.fields.createdBy as string, [target], root);
      if (rng.chance(0.2)) {
        for (let j = 0, n = rng.int(1, 2); j < n; j++) child.children.push(this.record(`${STEPS[j]} (${target})`, 'LXCA', [], child));
      }
      root.children.push(child);
    }
    if (isMoving(status)) this.moving(root, status, now, justStarted);
    else this.finished(root, status, createdAt, rng.int(1, 45) * MINUTE);
    root.fields.messages = messagesFor(status, root.endTime ?? now);
    return { root, hook: hook && ((jobUID: string) => hook(jobUID, target)) };
  }

  private record(name: LxcaText, createdBy: string, args: string[], parent?: JobRecord): JobRecord {
    const fields: Record<string, unknown> = { name, createdBy, messages: [] };
    if (args.length > 0 || this.rng.chance(0.5)) fields.args = args;
    return { jobUID: '', fields, status: 'Pending', percentage: 0, children: [], parent };
  }

  /** Running jobs end 2–20 minutes from now; pending ones start 1–30 minutes from now. */
  private moving(job: JobRecord, status: Moving, now: number, justStarted: boolean): void {
    const rng = this.rng;
    const remaining = rng.int(2, 20) * MINUTE;
    if (justStarted) job.timeline = { startAt: now, endAt: now + rng.int(60, 180) * 1000, finalStatus: rng.chance(0.2) ? 'CompleteWithErrors' : 'Complete' };
    else if (status === 'Pending') {
      const startAt = now + rng.int(1, 30) * MINUTE;
      job.timeline = { startAt, endAt: startAt + remaining, finalStatus: 'Complete' };
    } else if (status === 'Running_With_Errors') job.timeline = { startAt: now - 2 * remaining, endAt: now + remaining, finalStatus: 'CompleteWithErrors' };
    else job.timeline = { startAt: now - rng.int(10, 300) * 1000, endAt: now + remaining, finalStatus: rng.chance(0.2) ? 'Stopped_With_Error' : 'Complete' };
    spreadTimeline(job);
  }

  private finished(job: JobRecord, status: string, startAt: number, duration: number): void {
    job.status = status;
    job.startTime = startAt;
    job.endTime = startAt + duration;
    job.percentage = status === 'Complete' || status === 'CompleteWithErrors' ? 100 : this.rng.int(5, 95);
    job.children.forEach((child, i) => this.finished(child, childStatus(status, i, job.children.length), startAt, duration));
  }
}
