// JP1/AO routes (all under /Automation/v1). Where docs/api/jp1ao.md is silent, the simulator
// decides as follows:
//
// - Check order: Accept (every call must accept application/json, else 400 KNAE02011-E — the
//   manual lists no 406) → path (404) / method (405) → authentication (401, except the public
//   `configuration/version`) → Content-Type of a body (application/json, else 400) → JSON (400)
//   → the call's own checks. Accept-Language picks en/ja/zh message text (default en).
// - Every authenticated answer, errors included, carries `WWW-Authenticate: HSSO <token>`: Basic
//   issues a new token, an HSSO call echoes its own token (it does not extend its life). An
//   unknown or expired token answers 401 KNAE02002-E; a 401 carries no WWW-Authenticate.
// - User `viewer` reads everything but PUT/DELETE of a task answer 403, and every operation
//   (invoke, task or schedule) answers 404 "does not exist or no permission" — the manual lists no
//   403 for operations.
// - Task list: default order instanceID ascending; `q` = all whitespace-separated words must occur
//   (case-insensitive) in name/submitter/description/serviceName/tags/notes; `tags` = every listed
//   tag present (case-insensitive); HQL string comparisons are case-sensitive, dates compare as
//   instants; an unknown field or HQL:: parameter, a bad number or a syntax error answers 400; no
//   limit = everything. TaskHistories take the same query. Statuses are written in the dialect of
//   `--jp1ao-status-words` (words.ts), and a status filter naming a word this server does not use
//   matches nothing, answers 400 or answers an empty list (`--jp1ao-filter match|strict|empty`). The page size is a variant: `HQL::limit`
//   honoured (default), ignored (every task from `HQL::offset` on), or refused with 400 naming it.
// - PUT Tasks/{id}: 404 → 403 → body: both `notes` (string, at most 1,024 characters) and `toDo`
//   (boolean) are required; other members are ignored. modifyTime always moves forward.
// - DELETE Tasks/{id}: a debug task (serviceState "debug") is deleted (204) once finished, 409
//   while it runs; a normal task answers 303 with an absolute Location of its archive action.
// - Operations: 409 when the status does not allow it (docs/api/jp1ao.md), and also when the task's
//   supportedActionType lacks what the operation needs (forceStop: forciblyStop; rerunStart and
//   rerunStepStart: retry). stop → terminating, then canceled 2 s later (failed if the task had
//   detected an error); forceStop → canceled/failed at once; rerun* → inProgress, completed 45 s
//   later; response (GET template 409 too unless the task waits) carries the oldest waiting step's
//   ResponseInput `{instanceId, labelbutton1…, taskId, message}` (`message` is this simulator's
//   DECIDED place for the step's text) and takes back exactly `{instanceId, labelbuttonX, taskId}`
//   (400 for anything else); the step's abort button fails the task, another answer moves it on (to
//   the next waiting step, else inProgress); resubmit's template is a Schedule object and the
//   task's input PropertyValues (editable ones marked `editable: true`) and starts a new task named
//   in the invoke result's affectedResources; archive moves the task to TaskHistories. The invoke
//   body is optional; when given it must be an object whose `name` (if any) is the action's.
//   The result's `state` is "success" (the action itself finished at once). In the `reference`
//   variant the result carries `instanceId`, `result` and `resultType`, and the rerunStepStart
//   template is named `rerunStart` (both as in the manual's examples); that name is accepted back.
// - Schedule actions: unknown schedule → 404; cancel answers 200 again once canceled; 409 when no
//   task of the schedule is in a status the action needs.
// - TaskLogs: `taskID` required; offset/readSize are bytes (defaults 0 / whole log); `reverse`
//   (any value but "false") counts the window from the end; partial edge lines are possible.
//   PropertyValues and TaskLogs also serve archived tasks; unknown taskID → 404.
import { isResponse, ok, type SimRequest, type SimResponse } from '../server';
import { defaultVariants, type SimulatorVariants } from '../types';
import { header } from '../headers';
import { type Params, Router } from '../router';
import type { AoAuth, AoUser } from './auth';
import { logWindow, propertyValues, resubmitInputs, taskLog } from './details';
import { checkResponse, responseInput } from './responseWaits';
import { aoError } from './messages';
import { QueryError, runListQuery } from './query';
import { byteCount, checkBody, historyPeriod, isObject, resubmitBody } from './requestChecks';
import { spellStatus, STATUS_WORDS } from './words';
import {
  DATE_FIELDS, FINISHED, HISTORY_FIELDS, SCHEDULE_FROM, type ScheduleAction, TASK_ACTIONS,
  TASK_FIELDS, type TaskAction, type TaskRecord,
} from './taskRecord';
import type { TaskStore } from './tasks';

const BASE = '/Automation/v1';
const OBJECTS = `${BASE}/objects`;
const NOTES_LIMIT = 1024;

/** Public routes need no sign-in; the others get the signed-in user. */
type Route =
  | { public: true; run(req: SimRequest, params: Params): SimResponse }
  | { public?: false; run(req: SimRequest, params: Params, user: AoUser): SimResponse };

export const PRODUCT_VERSION = { productName: 'JP1/Automatic Operation', productVersion: '12-60', apiVersion: '1.9.0' };

export function jp1aoHandler(auth: AoAuth, store: TaskStore, variants: SimulatorVariants = defaultVariants): (req: SimRequest) => SimResponse {
  const router = new Router<Route>();
  const statusWords = {
    words: new Set(STATUS_WORDS.filter((word) => word !== 'longRunning' || variants.jp1aoLongRunning).map((word) => spellStatus(word, variants.jp1aoStatusWords))),
    unknown: variants.jp1aoFilter,
  };
  const taskHref = (req: SimRequest, id: number) => `${req.origin}${OBJECTS}/Tasks/${id}`;

  const findTask = (req: SimRequest, id: string): TaskRecord | SimResponse =>
    (/^\d+$/.test(id) && store.get(Number(id))) || aoError(req, 'notFound', `Tasks/${id}`);

  const list = (req: SimRequest, rows: Record<string, unknown>[], fields: readonly string[]): SimResponse => {
    try {
      return ok(runListQuery(rows, req.query, { fields, dateFields: DATE_FIELDS, pageSize: variants.jp1aoPaging, statusWords }));
    } catch (error) {
      if (error instanceof QueryError) return aoError(req, 'invalidQuery', error.parameter, error.message);
      throw error;
    }
  };

  const template = (req: SimRequest, owner: string, name: string, task?: TaskRecord) => ({
    name: templateName(name),
    href: `${req.origin}${OBJECTS}/${owner}/actions/${name}/invoke`,
    method: 'POST',
    parameters: task ? templateParameters(task, name) : [],
  });

  const templateParameters = (task: TaskRecord, name: string): Record<string, unknown>[] => {
    if (name === 'response') return task.status === 'waitingResponse' ? [responseInput(task)] : [];
    if (name !== 'resubmit') return [];
    const schedule = { name: task.fields.name, description: task.fields.description ?? '', scheduleType: 'immediate' };
    return [schedule, ...resubmitInputs(task)];
  };

  /** The reference variant names the rerunStepStart template `rerunStart`, as the manual's example does. */
  const templateName = (action: string) => (variants.jp1aoInvokeShape === 'reference' && action === 'rerunStepStart' ? 'rerunStart' : action);

  const invokeResult = (affected: string[]) => {
    const now = store.date(Date.now());
    const id = store.nextActionId();
    const times = { created: now, updated: now, completed: now, state: 'success', affectedResources: affected };
    if (variants.jp1aoInvokeShape === 'reference') return { instanceId: id, ...times, result: 'success', resultType: 'sync' };
    return { instanceID: id, ...times };
  };

  /** The optional invoke body: an object whose `name`, if given, is the action's or its template's. */
  const invokeBodyProblem = (body: unknown, action: string): string | undefined => {
    if (body === undefined) return undefined;
    if (!isObject(body)) return 'the body must be a JSON object';
    if (body.name !== undefined && body.name !== action && body.name !== templateName(action))
      return `the body names the action "${String(body.name)}", not "${action}"`;
    if (body.parameters !== undefined && !Array.isArray(body.parameters)) return 'parameters must be an array';
    return undefined;
  };

  const taskID = (req: SimRequest): TaskRecord | SimResponse => {
    const id = req.query.taskID;
    if (id === undefined || !/^\d+$/.test(id)) return aoError(req, 'invalidQuery', 'taskID', id === undefined ? 'it is required' : `"${id}" is not a task ID`);
    return store.get(Number(id)) ?? store.history(Number(id)) ?? aoError(req, 'notFound', `Tasks/${id}`);
  };

  router
    .add('GET', `${BASE}/configuration/version`, { public: true, run: () => ok(PRODUCT_VERSION) })
    .add('GET', `${BASE}/user`, {
      run: (_req, _params, user) =>
        ok({ userID: user.username, permissions: user.permissions, resourceGroups: [{ instanceID: 1, name: 'AllResourceGroup' }] }),
    })
    .add('GET', `${OBJECTS}/Tasks`, { run: (req) => list(req, store.all().map((task) => store.view(task)), TASK_FIELDS) })
    .add('GET', `${OBJECTS}/Tasks/:id`, {
      run: (req, { id }) => {
        const task = findTask(req, id);
        return isResponse(task) ? task : ok(store.view(task));
      },
    })
    .add('PUT', `${OBJECTS}/Tasks/:id`, {
      run: (req, { id }, user) => {
        const task = findTask(req, id);
        if (isResponse(task)) return task;
        if (!user.canModify) return aoError(req, 'forbidden');
        const body = req.body;
        if (!isObject(body)) return aoError(req, 'badRequest', 'the body must be a Task object');
        if (typeof body.notes !== 'string') return aoError(req, 'badRequest', 'notes must be given as a string');
        if (typeof body.toDo !== 'boolean') return aoError(req, 'badRequest', 'toDo must be given as true or false');
        const length = [...body.notes].length;
        if (length > NOTES_LIMIT) return aoError(req, 'notesTooLong', NOTES_LIMIT, length);
        store.editNotes(task, body.notes, body.toDo);
        return ok(store.view(task));
      },
    })
    .add('DELETE', `${OBJECTS}/Tasks/:id`, {
      run: (req, { id }, user) => {
        const task = findTask(req, id);
        if (isResponse(task)) return task;
        if (!user.canModify) return aoError(req, 'forbidden');
        if (task.fields.serviceState !== 'debug') return { status: 303, headers: { Location: `${taskHref(req, task.instanceID)}/actions/archive` } };
        if (!FINISHED.includes(task.status)) return aoError(req, 'conflict', 'delete', task.instanceID, task.status);
        store.remove(task);
        return { status: 204 };
      },
    })
    .add('GET', `${OBJECTS}/Tasks/:id/actions`, {
      run: (req, { id }) => {
        const task = findTask(req, id);
        if (isResponse(task)) return task;
        return ok({ data: TASK_ACTIONS.map((name) => template(req, `Tasks/${task.instanceID}`, name, task)), count: TASK_ACTIONS.length });
      },
    })
    .add('GET', `${OBJECTS}/Tasks/:id/actions/:action`, {
      run: (req, { id, action }) => {
        const task = findTask(req, id);
        if (isResponse(task)) return task;
        if (!TASK_ACTIONS.includes(action as TaskAction)) return aoError(req, 'notFound', `Tasks/${id}/actions/${action}`);
        // The response template exists only while a step waits (the manual lists 409 for this GET).
        if (action === 'response' && store.refusal(task, 'response')) return aoError(req, 'conflict', action, task.instanceID, task.status);
        return ok(template(req, `Tasks/${task.instanceID}`, action, task));
      },
    })
    .add('POST', `${OBJECTS}/Tasks/:id/actions/:action/invoke`, {
      run: (req, { id, action: name }, user) => {
        const task = findTask(req, id);
        if (isResponse(task)) return task;
        const action = name as TaskAction;
        if (!TASK_ACTIONS.includes(action) || !user.canModify) return aoError(req, 'notFound', `Tasks/${id}/actions/${name}`);
        const problem = invokeBodyProblem(req.body, action);
        if (problem) return aoError(req, 'badRequest', problem);
        const refusal = store.refusal(task, action);
        if (refusal?.reason === 'status') return aoError(req, 'conflict', action, task.instanceID, refusal.status);
        if (refusal) return aoError(req, 'notSupported', action, task.instanceID);
        if (action === 'resubmit') {
          const given = resubmitBody(req.body);
          if (typeof given === 'string') return aoError(req, 'badRequest', given);
          const fresh = store.resubmit(task, given.name, given.inputs);
          return ok(invokeResult([taskHref(req, fresh.instanceID)]));
        }
        let button: number | undefined;
        if (action === 'response') {
          const answer = checkResponse(task, isObject(req.body) ? req.body.parameters : undefined);
          if (!answer.ok) return aoError(req, 'badRequest', answer.problem);
          button = answer.button;
        }
        // `jp1aoStopIgnored`: the stop is answered as accepted and the task carries on.
        if (!(action === 'stop' && variants.jp1aoStopIgnored)) store.operate(task, action, button);
        return ok(invokeResult([taskHref(req, task.instanceID)]));
      },
    })
    .add('GET', `${OBJECTS}/Schedules/:id/actions/:action`, {
      run: (req, { id, action }) => {
        if (!store.schedules.has(Number(id)) || !Object.hasOwn(SCHEDULE_FROM, action)) return aoError(req, 'notFound', `Schedules/${id}/actions/${action}`);
        return ok(template(req, `Schedules/${id}`, action));
      },
    })
    .add('POST', `${OBJECTS}/Schedules/:id/actions/:action/invoke`, {
      run: (req, { id, action }, user) => {
        const scheduleID = Number(id);
        if (!/^\d+$/.test(id) || !store.schedules.has(scheduleID) || !Object.hasOwn(SCHEDULE_FROM, action) || !user.canModify)
          return aoError(req, 'notFound', `Schedules/${id}/actions/${action}`);
        const problem = invokeBodyProblem(req.body, action);
        if (problem) return aoError(req, 'badRequest', problem);
        const outcome = store.scheduleAction(scheduleID, action as ScheduleAction);
        if ('needs' in outcome) return aoError(req, 'scheduleConflict', action, scheduleID, outcome.needs.join(', '));
        return ok(invokeResult(outcome.changed.map((task) => taskHref(req, task.instanceID))));
      },
    })
    .add('GET', `${OBJECTS}/PropertyValues`, {
      run: (req) => {
        const task = taskID(req);
        if (isResponse(task)) return task;
        const data = propertyValues(task);
        return ok({ data, count: data.length });
      },
    })
    .add('GET', `${OBJECTS}/TaskLogs`, {
      run: (req) => {
        const task = taskID(req);
        if (isResponse(task)) return task;
        const offset = byteCount(req, 'offset', 0);
        const readSize = byteCount(req, 'readSize', 1);
        if (isResponse(offset)) return offset;
        if (isResponse(readSize)) return readSize;
        const reverse = req.query.reverse !== undefined && req.query.reverse !== 'false';
        const data = logWindow(taskLog(task), offset ?? 0, readSize, reverse);
        return ok({ data, count: data.length });
      },
    })
    .add('GET', `${OBJECTS}/TaskHistories`, {
      run: (req) => {
        const period = historyPeriod(req);
        if (isResponse(period)) return period;
        const rows = store.histories().filter((task) => period(task.completionTime)).map((task) => store.view(task));
        return list(req, rows, HISTORY_FIELDS);
      },
    })
    .add('GET', `${OBJECTS}/TaskHistories/:id`, {
      run: (req, { id }) => {
        const task = /^\d+$/.test(id) ? store.history(Number(id)) : undefined;
        return task ? ok(store.view(task)) : aoError(req, 'notFound', `TaskHistories/${id}`);
      },
    });

  return (req) => {
    if (!/\bapplication\/json\b/i.test(header(req.headers, 'accept') ?? '')) return aoError(req, 'notAcceptable');
    const route = router.match(req.method, req.path);
    if (route.kind === 'notFound') return aoError(req, 'notFound', req.path);
    if (route.kind === 'wrongMethod') return aoError(req, 'methodNotAllowed', req.method);
    if (route.handle.public) return route.handle.run(req, route.params);
    const signIn = auth.authenticate(req.headers);
    if ('error' in signIn) return aoError(req, signIn.error);
    const response = checkBody(req) ?? route.handle.run(req, route.params, signIn.user);
    return { ...response, headers: { ...response.headers, 'WWW-Authenticate': `HSSO ${signIn.token}` } };
  };
}
