/**
 * The operator's loop on JP1/AO: answering a task that waits for a response, resubmitting a
 * finished task, and reading the archived tasks (docs/api/jp1ao.md, "The operator's loop").
 */
import type * as Api from '../api/index';
import type { Jp1aoClient } from '../api/jp1ao/client';
import type { ActionTemplate, Jp1aoTask } from '../api/jp1ao/types';
import { jp1aoStatusesIn } from './jp1aoStatus';
import type { Task } from './model';
import { splitToDoWord, type TaskPage, type TaskQuery } from './query';

export type Jp1aoLoopApi = Pick<typeof Api, 'jp1aoResponseChoices' | 'jp1aoResponseBody' | 'jp1aoResubmitInputs' | 'jp1aoResubmitBody'>;

export interface ResponseButtonView {
  readonly number: number;
  readonly label: string;
}

/** What the Respond form shows and what answering needs: the template as the server gave it. */
export interface ResponseRequest {
  readonly task: Task;
  readonly message: string | undefined;
  readonly buttons: readonly ResponseButtonView[];
  readonly template: ActionTemplate;
}

export interface ResubmitInputView {
  readonly keyName: string;
  readonly displayName: string | undefined;
  readonly value: string;
  readonly editable: boolean;
  readonly secret: boolean;
}

export interface ResubmitRequest {
  readonly task: Task;
  readonly inputs: readonly ResubmitInputView[];
  readonly template: ActionTemplate;
}

/** Respond, Resubmit and Archived Tasks of one connection. */
export interface OperatorLoop {
  /** The step that has waited longest: its message and buttons (409 when the task does not wait). */
  readResponse(id: string): Promise<ResponseRequest>;
  /** Posts the template back with button `number` chosen. */
  respond(request: ResponseRequest, number: number): Promise<void>;
  readResubmit(id: string): Promise<ResubmitRequest>;
  /** Starts the new task; answers its id when the server names it. */
  resubmit(request: ResubmitRequest, changes: Readonly<Record<string, string>>): Promise<string | undefined>;
  /** The first `limit` archived tasks matching the filter, newest first. */
  histories(query: TaskQuery, limit: number): Promise<TaskPage>;
  /** One archived task. */
  readHistory(id: string): Promise<Task>;
}

/** The filter's words as the task list reads them: "TODO" filters on the flag, the rest goes to `q`. */
function filterWords(text: string | undefined): { q: string | undefined; filter: string | undefined } {
  const { words, toDo } = splitToDoWord(text);
  return { q: words || undefined, filter: toDo ? 'toDo eq true' : undefined };
}

/** The new task's id from an invoke result: the last `…/Tasks/{id}` among its affected resources. */
export function createdTaskId(result: { affectedResources?: unknown[] }): string | undefined {
  const ids = (result.affectedResources ?? []).flatMap((resource) => {
    const match = typeof resource === 'string' ? /\/Tasks\/([^/?#]+)\/?$/.exec(resource) : null;
    return match ? [decodeURIComponent(match[1]!)] : [];
  });
  return ids[ids.length - 1];
}

export class Jp1aoOperatorLoop implements OperatorLoop {
  constructor(
    private readonly api: Jp1aoLoopApi,
    private readonly client: Jp1aoClient,
    private readonly toTask: (task: Jp1aoTask) => Task,
  ) {}

  async readResponse(id: string): Promise<ResponseRequest> {
    const [task, template] = await Promise.all([this.client.getTask(id), this.client.taskActionTemplate(id, 'response')]);
    const choices = this.api.jp1aoResponseChoices(template);
    return { task: this.toTask(task), message: choices.message, buttons: choices.buttons.map(({ number, label }) => ({ number, label })), template };
  }

  async respond(request: ResponseRequest, number: number): Promise<void> {
    await this.client.invokeTaskTemplate(request.task.id, 'response', this.api.jp1aoResponseBody(request.template, number));
  }

  async readResubmit(id: string): Promise<ResubmitRequest> {
    const [task, template] = await Promise.all([this.client.getTask(id), this.client.taskActionTemplate(id, 'resubmit')]);
    return { task: this.toTask(task), inputs: this.api.jp1aoResubmitInputs(template), template };
  }

  async resubmit(request: ResubmitRequest, changes: Readonly<Record<string, string>>): Promise<string | undefined> {
    const result = await this.client.invokeTaskTemplate(request.task.id, 'resubmit', this.api.jp1aoResubmitBody(request.template, changes));
    return createdTaskId(result);
  }

  async histories(query: TaskQuery, limit: number): Promise<TaskPage> {
    const statuses = query.categories?.length ? jp1aoStatusesIn(query.categories) : undefined;
    if (statuses && !statuses.length) return { tasks: [], total: 0 };
    const page = await this.client.listTaskHistories({ ...filterWords(query.text), statuses, offset: 0, limit });
    return { tasks: page.tasks.map(this.toTask), total: page.count };
  }

  async readHistory(id: string): Promise<Task> {
    return this.toTask(await this.client.getTaskHistory(id));
  }
}
