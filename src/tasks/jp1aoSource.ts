import type { Jp1aoClient } from '../api/jp1ao/client';
import { jp1aoStatusesIn, toJp1aoTask } from './jp1aoTasks';
import type { TaskQuery } from './query';
import type { TaskPage, TaskSource } from './source';

/** JP1/AO pages, filters and sorts on the server: one request returns the first `limit` tasks and the total. */
export class Jp1aoTaskSource implements TaskSource {
  constructor(
    private readonly connection: string,
    private readonly client: Jp1aoClient,
  ) {}

  async list(query: TaskQuery, limit: number): Promise<TaskPage> {
    const statuses = query.categories?.length ? jp1aoStatusesIn(query.categories) : undefined;
    if (statuses && !statuses.length) return { tasks: [], total: 0 };
    const page = await this.client.listTasks({
      q: query.text?.trim() || undefined,
      statuses,
      offset: 0,
      limit,
    });
    return { tasks: page.tasks.map((task) => toJp1aoTask(this.connection, task)), total: page.count };
  }
}
