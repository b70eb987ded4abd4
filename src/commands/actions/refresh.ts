import type { Connection } from '../../connections/connection';
import type { ConnectionRegistry } from '../../connections/registry';
import { log } from '../../log';
import type { Task } from '../../tasks/model';
import type { TaskStore } from '../../tasks/store';
import { toJp1aoTask } from '../../tasks/jp1aoTasks';
import { toLxcaTask } from '../../tasks/lxcaTasks';
import { errorText } from '../../tree/errorNodes';
import { mapWithConcurrency } from './concurrency';
import { jp1aoConcurrency } from './jp1aoOperations';

/**
 * Reads the tasks' current state and puts it in the store: LXCA `GET /tasks/{ids}` of their root
 * jobs, JP1/AO one `GET …/Tasks/{id}` each. When that fails (a task is gone, say) the whole
 * connection is reloaded instead.
 */
export async function refreshTasks(registry: ConnectionRegistry, connection: Connection, tasks: readonly Task[]): Promise<void> {
  const roots = rootsOf(connection.store, tasks);
  if (roots.length === 0) return;
  try {
    connection.store.applyUpdates(await fetchTasks(connection, roots));
  } catch (error) {
    log().info(`${connection.name}: reloading after an action, since reading its tasks failed: ${errorText(error)}`);
    await registry.refresh(connection);
  }
}

async function fetchTasks(connection: Connection, roots: readonly Task[]): Promise<Task[]> {
  const session = connection.productSession();
  if (session.product === 'lxca') {
    const jobs = await session.client.getJobs(roots.map((task) => task.id));
    return jobs.map((job) => toLxcaTask(connection.name, job));
  }
  return mapWithConcurrency(roots, jp1aoConcurrency, async (task) => toJp1aoTask(connection.name, await session.client.getTask(task.id)));
}

/** The store's top-level tasks holding these tasks (an LXCA subtask is refreshed with its job). */
function rootsOf(store: TaskStore, tasks: readonly Task[]): Task[] {
  const wanted = new Set(tasks.map((task) => task.key));
  const holds = (task: Task): boolean => wanted.has(task.key) || task.children.some(holds);
  return store.tasks.filter(holds);
}
