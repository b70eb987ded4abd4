import type { Task } from './model';
import type { TaskQuery } from './query';

/** The first `limit` tasks matching a query, newest first, and how many match in all. */
export interface TaskPage {
  tasks: Task[];
  total: number;
}

/** How a TaskStore reads one connection's tasks, whatever the product. */
export interface TaskSource {
  /** `background` marks polling traffic so servers do not count it as user activity. */
  list(query: TaskQuery, limit: number, background: boolean): Promise<TaskPage>;
}
