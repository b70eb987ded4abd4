/**
 * What the tree shows on a task's row beyond the task itself, kept by task key: the busy label
 * while an action's call runs ("Cancelling…") and what the last action did to it.
 */
import type { Task } from '../tasks/model';
import type { ActionResultText } from './taskText';

interface ActionResult {
  text: string;
  until: number;
  /** A warning (an action that did not take) shown while the task keeps this status. */
  warnWhile?: string;
  offersPlainCancel?: boolean;
}

export class TaskRowState {
  /** Task key → "Cancelling…" and the like, while an action's call runs. */
  private readonly busy = new Map<string, string>();
  /** Task key → what the last action did to it ("Cancel: had already finished"). */
  private readonly actionResults = new Map<string, ActionResult>();

  busyLabel(key: string): string | undefined {
    return this.busy.get(key);
  }

  isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  /** `label` on the tasks' rows, or none when undefined. */
  setBusy(keys: readonly string[], label: string | undefined): void {
    for (const key of keys) {
      if (label === undefined) this.busy.delete(key);
      else this.busy.set(key, label);
    }
  }

  /** Shown in the row's description for `briefMs`, in its tooltip until the next action. */
  setActionResult(key: string, text: string, briefMs: number, warning?: { whileStatus: string; offersPlainCancel: boolean }): void {
    this.actionResults.set(key, { text, until: Date.now() + briefMs, warnWhile: warning?.whileStatus, offersPlainCancel: warning?.offersPlainCancel });
  }

  actionResultOf(task: Task): ActionResultText | undefined {
    const result = this.actionResults.get(task.key);
    if (!result) return undefined;
    const warning = result.warnWhile !== undefined && result.warnWhile === task.status;
    return { text: result.text, brief: warning || Date.now() < result.until, warning, offersPlainCancel: warning && result.offersPlainCancel };
  }
}
