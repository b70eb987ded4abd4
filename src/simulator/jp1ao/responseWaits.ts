// The user-response wait steps of a task (Hitachi's "user-response wait" plug-in): a message for the
// operator and two to four buttons `labelButton1`…; the button's number becomes the step's return
// code. Several steps of one task may wait at once; an answer goes to the one that waited longest.

/** The part of a simulated task its waits live in. */
interface WaitingTask {
  instanceID: number;
  waits?: WaitStep[];
  answered?: number;
}

export interface WaitStep {
  /** The step's own instance id: `instanceId` of the ResponseInput. */
  instanceId: number;
  message: string;
  /** The labels of labelButton1…; index 0 is button 1. */
  buttons: string[];
  /** The button (1-based) that fails the task, when the prompt has one. */
  abortButton?: number;
  since: number;
}

interface Prompt {
  message: string;
  buttons: string[];
  abortButton?: number;
}

/** Prompts as service templates word them, for the demo and the tests. */
export const PROMPTS: readonly Prompt[] = [
  { message: 'The maintenance window for web01-web04 opens now. Restart the web tier?', buttons: ['Restart now', 'Skip this server', 'Abort'], abortButton: 3 },
  { message: 'Disk usage on /backup is 91%. Continue the database dump anyway?', buttons: ['Continue', 'Abort'], abortButton: 2 },
  { message: 'VLAN 210 already exists on core-sw2. How should the task proceed?', buttons: ['Reuse the VLAN', 'Recreate it', 'Skip core-sw2', 'Abort'], abortButton: 4 },
  { message: 'Approve change CHG-1042 (apply the monthly Windows patches to 12 servers)?', buttons: ['Approve', 'Reject'], abortButton: 2 },
];

/** Adds a waiting step with the prompt picked from the task (the same for the same task). */
export function addWait(task: WaitingTask, since: number, promptIndex = task.instanceID + (task.waits?.length ?? 0)): WaitStep {
  const prompt = PROMPTS[promptIndex % PROMPTS.length] as Prompt;
  task.waits ??= [];
  const step: WaitStep = { instanceId: task.instanceID * 100 + task.waits.length + 1 + (task.answered ?? 0), ...prompt, buttons: [...prompt.buttons], since };
  task.waits.push(step);
  return step;
}

/** The step that has waited longest. */
export function oldestWait(task: WaitingTask): WaitStep | undefined {
  return task.waits?.[0];
}

/** The template of `GET …/actions/response`: the oldest step's ResponseInput with every button's label. */
export function responseInput(task: WaitingTask): Record<string, unknown> {
  const step = oldestWait(task);
  if (!step) return {};
  const buttons = Object.fromEntries(step.buttons.map((label, index) => [`labelbutton${index + 1}`, label]));
  return { instanceId: step.instanceId, ...buttons, taskId: task.instanceID, message: step.message };
}

export type ResponseCheck = { ok: true; button: number } | { ok: false; problem: string };

/**
 * The ResponseInput posted back must be one object with `instanceId` (the oldest step's), exactly one
 * `labelbuttonX` that names one of the step's buttons, and `taskId`; nothing else.
 */
export function checkResponse(task: WaitingTask, parameters: unknown): ResponseCheck {
  const step = oldestWait(task);
  if (!step) return { ok: false, problem: 'no step waits for a response' };
  if (!Array.isArray(parameters) || parameters.length !== 1 || typeof parameters[0] !== 'object' || parameters[0] === null) {
    return { ok: false, problem: 'parameters must hold one ResponseInput object' };
  }
  const input = parameters[0] as Record<string, unknown>;
  const buttons = Object.keys(input).filter((key) => /^labelbutton\d$/.test(key));
  const unknown = Object.keys(input).filter((key) => !['instanceId', 'taskId'].includes(key) && !buttons.includes(key));
  if (unknown.length) return { ok: false, problem: `ResponseInput has no member ${unknown.join(', ')}` };
  if (Number(input.instanceId) !== step.instanceId) return { ok: false, problem: `instanceId must be ${step.instanceId}, the step that waited longest` };
  if (Number(input.taskId) !== task.instanceID) return { ok: false, problem: `taskId must be ${task.instanceID}` };
  if (buttons.length !== 1) return { ok: false, problem: 'give exactly one labelbuttonX, the button chosen' };
  const button = Number(buttons[0]!.slice('labelbutton'.length));
  if (button < 1 || button > step.buttons.length) return { ok: false, problem: `the step has no button ${button}` };
  return { ok: true, button };
}
