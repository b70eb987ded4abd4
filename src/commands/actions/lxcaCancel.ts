// Imports name the api files directly: the api index would pull undici into the extension bundle.
import type { LxcaClient } from '../../api/lxca/client';
import { parseJob } from '../../api/lxca/jobs';
import type { LxcaJob } from '../../api/lxca/types';
import type { Task } from '../../tasks/model';
import { failedOutcomes, type TaskOutcome } from './outcome';

/**
 * One `cancelJobs` call for the connection: the client sends one request per cancel hook, using
 * the hook each job advertised in its server object (`task.raw`).
 */
export async function cancelLxcaJobs(client: LxcaClient, tasks: readonly Task[], expirationTimeOut: number): Promise<TaskOutcome[]> {
  let outcomes;
  try {
    outcomes = await client.cancelJobs(tasks.map(jobOf), { expirationTimeOut });
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
  const byJob = new Map(outcomes.flatMap((outcome) => outcome.jobIds.map((id) => [id, outcome] as const)));
  return tasks.map((task): TaskOutcome => {
    const outcome = byJob.get(task.id);
    if (!outcome) return { task, ok: false, error: new Error('No cancel request was sent for this job.') };
    return outcome.ok ? { task, ok: true } : { task, ok: false, error: outcome.error };
  });
}

function jobOf(task: Task): LxcaJob {
  const raw = task.raw;
  const parsed = raw && typeof raw === 'object' ? parseJob(raw as Record<string, unknown>) : undefined;
  return parsed ?? { jobUID: task.id, children: [], raw };
}
