import type { Jp1aoClient } from '../../api/jp1ao/client';
import type { Task } from '../../tasks/model';
import { mapWithConcurrency } from './concurrency';
import type { TaskAction } from './definitions';
import { groupBy } from './grouping';
import { failedOutcomes, sharedOutcome, type TaskOutcome } from './outcome';

/** Calls in flight per JP1/AO server: quick for a big selection without flooding the server. */
export const jp1aoConcurrency = 4;

type TaskCall = (client: Jp1aoClient, id: string) => Promise<unknown>;

const taskCalls: Readonly<Record<Exclude<TaskAction['operation'], 'cancel'>, TaskCall>> = {
  stop: (client, id) => client.stop(id),
  forceStop: (client, id) => client.forceStop(id),
  retry: (client, id) => client.rerunStart(id),
  retryNext: (client, id) => client.rerunStepStart(id),
  archive: (client, id) => client.archive(id),
};

export async function runJp1aoOperation(client: Jp1aoClient, tasks: readonly Task[], operation: TaskAction['operation']): Promise<TaskOutcome[]> {
  if (operation === 'cancel') return cancelSchedules(client, tasks);
  const call = taskCalls[operation];
  const outcomes = await mapWithConcurrency(tasks, jp1aoConcurrency, (task) => sharedOutcome([task], () => call(client, task.id)));
  return outcomes.flat();
}

/** A waiting or holding task is cancelled through its schedule: one call per schedule. */
async function cancelSchedules(client: Jp1aoClient, tasks: readonly Task[]): Promise<TaskOutcome[]> {
  const bySchedule = groupBy(tasks, (task) => task.scheduleId);
  const unscheduled = failedOutcomes(bySchedule.get(undefined) ?? [], new Error('The task has no schedule to cancel.'));
  bySchedule.delete(undefined);
  const outcomes = await mapWithConcurrency([...bySchedule], jp1aoConcurrency, ([scheduleId, group]) =>
    sharedOutcome(group, () => client.cancelSchedule(scheduleId!)),
  );
  return [...outcomes.flat(), ...unscheduled];
}
