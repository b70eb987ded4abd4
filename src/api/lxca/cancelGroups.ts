/** docs/api/lxca.md, "Cancelling": one cancel request per distinct cancel hook, hook-less jobs all together. */
import type { CancelHook, LxcaJob } from './types';
import { nestsDeeperThan, serverDataDepth } from '../../util/safeText';

export interface CancelGroup {
  /** Absent for the jobs that registered no hook: they go through `PUT /tasks {action: "cancel"}`. */
  readonly hook?: CancelHook;
  readonly jobIds: string[];
}

/** Groups in the order their first job appears; a job listed twice is cancelled once. */
export function groupByCancelHook(jobs: readonly LxcaJob[]): CancelGroup[] {
  const groups = new Map<string, CancelGroup>();
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.jobUID)) continue;
    seen.add(job.jobUID);
    // A hook body nested past any real hook cannot be compared or sent back: such a job is cancelled plainly.
    const hook = job.cancelHook && !nestsDeeperThan(job.cancelHook.cancelRESTBody, serverDataDepth) ? normaliseHook(job.cancelHook) : undefined;
    const key = hook ? JSON.stringify([hook.cancelRESTMethod, hook.cancelURL, canonicalJson(hook.cancelRESTBody)]) : '';
    const group = groups.get(key) ?? { hook, jobIds: [] };
    group.jobIds.push(job.jobUID);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function normaliseHook(hook: CancelHook): CancelHook {
  return { ...hook, cancelRESTMethod: hook.cancelRESTMethod.trim().toUpperCase() };
}

/** JSON with object keys sorted, so bodies that differ only in key order are the same hook. */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
