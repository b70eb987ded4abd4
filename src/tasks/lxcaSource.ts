import type { LxcaClient } from '../api/lxca/client';
import { newestLxcaTasksFirst, toLxcaTask } from './lxcaTasks';
import { matchesQuery, type TaskQuery } from './query';
import type { TaskPage, TaskSource } from './source';

/**
 * LXCA documents no paging, filter or sort for `GET /tasks`: the whole list is read and the tree
 * pages, filters and sorts it here.
 */
export class LxcaTaskSource implements TaskSource {
  constructor(
    private readonly connection: string,
    private readonly client: LxcaClient,
  ) {}

  async list(query: TaskQuery, limit: number, background: boolean): Promise<TaskPage> {
    const jobs = await this.client.listJobs({ background });
    const tasks = newestLxcaTasksFirst(jobs.map((job) => toLxcaTask(this.connection, job)));
    const matching = tasks.filter((task) => matchesQuery(task, query));
    return { tasks: matching.slice(0, limit), total: matching.length };
  }
}
