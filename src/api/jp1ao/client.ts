import { ApiError } from '../errors';
import type { HttpClient } from '../http';
import { invokeAction, type Action } from './actionInvoke';
import { actionTemplatePolicy, countQueryFields, defaultSortBy, pageSizeParameter, tokenLifetimeMs } from './assumptions';
import { hqlAnd, hqlStatusFilter } from './hql';
import { pageOf, refusesPageSize } from './paging';
import { idSegment, joinTags, objects } from './paths';
import { invokeBody, isTask, listBody, objectBody, propertyValuesBody, taskBody, taskLogBody, templateBody } from './parse';
import { Jp1aoSession } from './session';
import { type Call, Jp1aoTransport } from './transport';
import type {
  ActionTemplate,
  CallOptions,
  InvokeResult,
  Jp1aoClientOptions,
  Jp1aoCredentials,
  Jp1aoTask,
  Jp1aoTaskAction,
  Jp1aoTaskList,
  Jp1aoUser,
  Jp1aoVersion,
  ListTasksQuery,
  PropertyValue,
  TaskEdit,
  TaskLogQuery,
} from './types';

/**
 * Client of the JP1/AO (and Ops Center Automator) `/Automation/v1` API. One per connection.
 * Credentials are asked for only when a sign-in is needed and are kept nowhere but in the
 * `Authorization` header of that request.
 */
export class Jp1aoClient {
  private readonly session: Jp1aoSession;
  private readonly transport: Jp1aoTransport;
  private readonly notice: (message: string) => void;
  /** Set once the server refused the page-size parameter; kept for this client's life. */
  private pageSizeRefused = false;
  /** Set once the server sent more rows than the page size asked for; kept for this client's life. */
  private pageSizeIgnored = false;
  /** The largest `count` any list answer gave: a count asked from there gets few rows or none. */
  private largestCount = 0;

  constructor(
    http: HttpClient,
    credentials: () => Promise<Jp1aoCredentials>,
    options: Jp1aoClientOptions = {},
  ) {
    this.notice = (message) => {
      try {
        options.onNotice?.(message);
      } catch {
        // A failing logger must not fail the call it reports on.
      }
    };
    this.session = new Jp1aoSession(credentials, options.tokenLifetimeMs ?? tokenLifetimeMs, options.now ?? Date.now, http.secrets);
    this.transport = new Jp1aoTransport(http, this.session, options.language ?? 'en');
  }

  /** Forget the current session, e.g. after the password changed. */
  signOut(): void {
    this.session.reset();
  }

  /**
   * One page of tasks and the total. A server that ignores the page size gets sliced here; one
   * that refuses it (400 naming it) is asked without it from then on (pageSizeParameter).
   */
  listTasks(query: ListTasksQuery = {}): Promise<Jp1aoTaskList> {
    return this.listOf(`${objects}/Tasks`, query);
  }

  /** One page of archived tasks (`TaskHistories`, AOCR0124): the same query and paging as the task list. */
  listTaskHistories(query: ListTasksQuery = {}): Promise<Jp1aoTaskList> {
    return this.listOf(`${objects}/TaskHistories`, query);
  }

  /** An archived task (`TaskHistories/{id}`). */
  async getTaskHistory(id: number | string, options: CallOptions = {}): Promise<Jp1aoTask> {
    const segment = idSegment(id, 'Task');
    const response = await this.transport.call({ method: 'GET', path: `${objects}/TaskHistories/${segment}`, subject: `Task ${segment}`, signal: options.signal });
    return taskBody(response);
  }

  /**
   * The template of a task action as the server gives it now (`GET …/Tasks/{id}/actions/{name}`):
   * `response` carries the waiting step's ResponseInput, `resubmit` the schedule and the inputs.
   */
  async taskActionTemplate(id: number | string, name: 'response' | 'resubmit', options: CallOptions = {}): Promise<ActionTemplate> {
    const { path, subject } = this.task(id);
    return templateBody(await this.transport.call({ method: 'GET', path: `${path}/actions/${name}`, subject, signal: options.signal }), name);
  }

  /** Posts a filled-in template to `…/Tasks/{id}/actions/{name}/invoke`. */
  async invokeTaskTemplate(id: number | string, name: 'response' | 'resubmit', body: ActionTemplate, options: CallOptions = {}): Promise<InvokeResult> {
    const { path, subject } = this.task(id);
    const response = await this.transport.call({ method: 'POST', path: `${path}/actions/${name}/invoke`, body, subject, signal: options.signal });
    return invokeBody(response);
  }

  private async listOf(path: string, query: ListTasksQuery): Promise<Jp1aoTaskList> {
    const call = (withPageSize: boolean): Call => ({
      method: 'GET',
      path,
      query: {
        q: query.q || undefined,
        serviceID: query.serviceID,
        scheduleID: query.scheduleID,
        tags: joinTags(query.tags),
        'HQL::filter': hqlAnd(query.filter, hqlStatusFilter(query.statuses)),
        'HQL::fields': query.fields?.length ? query.fields.join(',') : undefined,
        'HQL::sortBy': query.sortBy ?? defaultSortBy,
        'HQL::offset': query.offset,
        ...(withPageSize ? { [pageSizeParameter]: query.limit } : {}),
      },
      signal: query.signal,
    });
    const paged = query.limit !== undefined && !this.pageSizeRefused;
    let response = await this.transport.send(call(paged));
    if (paged && refusesPageSize(response)) {
      this.pageSizeRefused = true;
      this.notice(`JP1/AO refused the page-size parameter ${pageSizeParameter}; task lists are now read unpaged and paged here`);
      response = await this.transport.send(call(false));
    }
    const { data, count } = listBody(this.transport.ensureOk(response, call(false)), 'a task list');
    if (paged && query.limit !== undefined && data.length > query.limit) this.pageSizeIgnored = true;
    this.largestCount = Math.max(this.largestCount, count);
    // A row without an id cannot be shown or acted on; the rest of the page is still useful.
    return { tasks: pageOf(data, count, query.offset ?? 0, query.limit).filter(isTask), count };
  }

  /**
   * How many tasks match, read from the answer's `count`: one row of ids asked for
   * (countQueryFields), from past the largest count seen once the server ignored the page size.
   */
  async countTasks(query: Omit<ListTasksQuery, 'offset' | 'limit' | 'fields' | 'sortBy'> = {}): Promise<number> {
    const offset = this.pageSizeIgnored ? this.largestCount : 0;
    return (await this.listTasks({ ...query, fields: countQueryFields, offset, limit: 1 })).count;
  }

  /** The names of the operations the server lists for the task now (`GET …/Tasks/{id}/actions`). */
  async taskActions(id: number | string, options: CallOptions = {}): Promise<string[]> {
    const response = await this.transport.call({ method: 'GET', ...this.task(id), path: `${this.task(id).path}/actions`, signal: options.signal });
    return listBody(response, 'a list of operations')
      .data.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : entry))
      .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  }

  async getTask(id: number | string, options: CallOptions = {}): Promise<Jp1aoTask> {
    const response = await this.transport.call({ method: 'GET', ...this.task(id), signal: options.signal });
    return taskBody(response);
  }

  /** Sets notes and TODO flag; resolves with the updated task (it carries the new `modifyTime`). */
  async updateTask(id: number | string, edit: TaskEdit, options: CallOptions = {}): Promise<Jp1aoTask> {
    if (typeof edit.notes !== 'string' || typeof edit.toDo !== 'boolean') {
      throw new ApiError('invalidInput', 'Notes must be text and TODO must be true or false');
    }
    const response = await this.transport.call({
      method: 'PUT',
      ...this.task(id),
      body: { notes: edit.notes, toDo: edit.toDo },
      signal: options.signal,
    });
    return taskBody(response);
  }

  stop(id: number | string, options?: CallOptions): Promise<InvokeResult> {
    return this.invokeTaskAction(id, 'stop', options);
  }

  forceStop(id: number | string, options?: CallOptions): Promise<InvokeResult> {
    return this.invokeTaskAction(id, 'forceStop', options);
  }

  /** Retry from the failed step. */
  rerunStart(id: number | string, options?: CallOptions): Promise<InvokeResult> {
    return this.invokeTaskAction(id, 'rerunStart', options);
  }

  /** Retry from the step after the failed one. */
  rerunStepStart(id: number | string, options?: CallOptions): Promise<InvokeResult> {
    return this.invokeTaskAction(id, 'rerunStepStart', options);
  }

  /** Move a finished task to the history. */
  archive(id: number | string, options?: CallOptions): Promise<InvokeResult> {
    return this.invokeTaskAction(id, 'archive', options);
  }

  /** Cancel a waiting or holding scheduled task through its schedule (the task's `scheduleID`). */
  cancelSchedule(scheduleID: number | string, options: CallOptions = {}): Promise<InvokeResult> {
    const segment = idSegment(scheduleID, 'Schedule');
    const action: Action = {
      path: `${objects}/Schedules/${segment}/actions/cancel`,
      name: 'cancel',
      subject: `Schedule ${segment}`,
      templatePolicy: actionTemplatePolicy.scheduleCancel,
    };
    return invokeAction(this.transport, action, options);
  }

  async version(options: CallOptions = {}): Promise<Jp1aoVersion> {
    const path = '/Automation/v1/configuration/version';
    const response = await this.transport.call({ method: 'GET', path, signal: options.signal });
    return objectBody(response, 'version information');
  }

  /** The signed-in user (name, permissions, resource groups); a cheap connection test. */
  async user(options: CallOptions = {}): Promise<Jp1aoUser> {
    const response = await this.transport.call({ method: 'GET', path: '/Automation/v1/user', signal: options.signal });
    return objectBody(response, 'user information');
  }

  /** The task's input and output properties. */
  async propertyValues(taskId: number | string, options: CallOptions = {}): Promise<PropertyValue[]> {
    const segment = idSegment(taskId, 'Task');
    const response = await this.transport.call({
      method: 'GET',
      path: `${objects}/PropertyValues`,
      query: { taskID: segment },
      subject: `Task ${segment}`,
      signal: options.signal,
    });
    return propertyValuesBody(response);
  }

  async taskLog(taskId: number | string, query: TaskLogQuery = {}): Promise<string[]> {
    const segment = idSegment(taskId, 'Task');
    const response = await this.transport.call({
      method: 'GET',
      path: `${objects}/TaskLogs`,
      query: {
        taskID: segment,
        offset: query.offset,
        readSize: query.readSize,
        reverse: query.reverse ? true : undefined,
      },
      subject: `Task ${segment}`,
      signal: query.signal,
    });
    return taskLogBody(response);
  }

  private task(id: number | string): { path: string; subject: string } {
    const segment = idSegment(id, 'Task');
    return { path: `${objects}/Tasks/${segment}`, subject: `Task ${segment}` };
  }

  private invokeTaskAction(id: number | string, name: Jp1aoTaskAction, options?: CallOptions): Promise<InvokeResult> {
    const { path, subject } = this.task(id);
    const templatePolicy = actionTemplatePolicy.taskAction;
    return invokeAction(this.transport, { path: `${path}/actions/${name}`, name, subject, templatePolicy }, options);
  }
}
