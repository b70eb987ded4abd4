// LXCA routes. Where docs/api/lxca.md is silent, the simulator decides as follows:
//
// - Auth order: Basic on the call wins; otherwise the JSESSIONID cookie must name a live session
//   (else 401 FQXHMSE0002E) and X-Csrf-Token must equal that session's csrf cookie (else 403
//   FQXHMSE0003E). Wrong Basic credentials and a failed login answer 401 FQXHMSE0001E (the login's
//   status is a variant: 400, 401 or 403); a login body without UserId/password answers 400. In the
//   `lxcaCsrfIn: body` variant the token comes only as `session.csrf` in the login body. Sessions expire after 1440 idle minutes; requests
//   marked `X-NOT-USER-INPUT: checkSession` do not count as activity.
// - User `viewer` may read but not change jobs: PUT/POST/DELETE /tasks… answer 403 FQXHMSE0004E.
// - Check order for job calls: auth → job list syntax (400) → body (400) → jobs exist (404) →
//   jobs cancellable (400). Multi-job requests are all-or-nothing: nothing changes when any check fails.
// - Cancelling a job that is not Pending/Running/Running_With_Errors (finished, or an unknown
//   status) answers 400 FQXHMJM0003E "The job … is not running" — LXCA documents no 409.
// - `lxcaHookCancel: register`: `PUT /tasks/{job_list}` with a hook only stores the hook (200) and
//   the jobs keep running; only the plain `PUT /tasks` cancels them.
// - Cancel makes active jobs and their unfinished subtasks Cancelled (Running_With_Errors →
//   Cancelled_With_Errors) at once. The cancel-callback form stores the hook on the job; the
//   simulator never calls cancelURL. expirationTimeOut must be -1 or ≥ 1; cancelRESTMethod is
//   case-sensitive; cancelRESTBody, when given with GET/DELETE, must still be an object.
// - `PUT /tasks/{id}` with `jobUID` or `percentage` and no cancel attributes is the owner's progress
//   report: it pins the job (no more automatic progress); a Pending job becomes Running.
// - `POST /tasks` takes one template or an array; jobs are created with status Pending (or the
//   template's) and are then driven by their owner. The answer lists every created job (roots and
//   subtasks, depth-first) as ID strings, or as `{customUid?, uid}` objects when any carried customUid.
// - `GET /tasks` lists root jobs oldest first; subtasks are also addressable by ID in
//   `GET/PUT/DELETE /tasks/{ids}`. Duplicate IDs in a list count once.
// - Times are ISO 8601 UTC strings (`2024-05-01T10:00:00.000Z`); unset fields are left out.
// - Unknown paths answer 404, known paths with another method 405, both with the error body.
import { isResponse, ok, type SimRequest, type SimResponse } from '../server';
import { defaultVariants, type SimulatorVariants } from '../types';
import { Router } from '../router';
import type { LxcaAuth } from './auth';
import { lxcaError, lxcaSuccess } from './errors';
import { type JobRecord, JobStore } from './jobs';
import { checkCancelHook, checkPlainCancel, checkProgressReport, checkTemplates, isProgressReport, parseJobList } from './validate';

export function lxcaHandler(auth: LxcaAuth, store: JobStore, variants: SimulatorVariants = defaultVariants): (req: SimRequest) => SimResponse {
  const router = new Router();

  /** Runs `action` for a signed-in user (and one allowed to change jobs when `changes`). */
  const signedIn = (changes: boolean, action: (req: SimRequest, params: Record<string, string>) => SimResponse) =>
    (req: SimRequest, params: Record<string, string>): SimResponse => {
      const user = auth.authenticate(req);
      if (isResponse(user)) return user;
      if (changes && !user.canChangeJobs) return lxcaError('noPrivilege');
      if (req.bodyInvalid) return lxcaError('badRequest', 'The request body is not valid JSON.');
      return action(req, params);
    };

  /** The jobs of a `{job_list}`, or the 400/404 answer. */
  const lookUp = (list: string): JobRecord[] | SimResponse => {
    const ids = parseJobList(list);
    if (isResponse(ids)) return ids;
    const missing = ids.filter((id) => !store.get(id));
    if (missing.length > 0) return lxcaError('jobNotFound', `The job ${missing.join(', ')} was not found.`);
    return ids.map((id) => store.get(id) as JobRecord);
  };

  const cancelAll = (jobs: JobRecord[], hook?: Parameters<JobStore['cancel']>[1]): SimResponse => {
    const idle = jobs.filter((job) => !store.isActive(job));
    if (idle.length > 0) return lxcaError('jobNotRunning', `The job ${idle.map((j) => j.jobUID).join(', ')} is not running and cannot be cancelled.`);
    if (hook && variants.lxcaHookCancel === 'register') store.registerHook(jobs, hook);
    else store.cancel(jobs, hook);
    return ok();
  };

  router
    .add('POST', '/sessions', (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (req.bodyInvalid || typeof body?.UserId !== 'string' || typeof body.password !== 'string')
        return lxcaError('badRequest', 'The request body must give UserId and password.');
      const user = auth.findUser(body.UserId, body.password);
      if (!user) return { ...lxcaError('badCredentials'), status: variants.lxcaLoginFailure };
      const { cookies, session } = auth.login(user);
      if (variants.lxcaCsrfIn === 'body') {
        const withoutCsrf = cookies.filter((cookie) => !cookie.startsWith('csrf='));
        return ok({ pwChangeRequired: false, session: { ...auth.sessionView(session), csrf: session.csrf } }, { 'Set-Cookie': withoutCsrf });
      }
      return ok({ pwChangeRequired: false, session: auth.sessionView(session) }, { 'Set-Cookie': cookies });
    })
    .add('DELETE', '/sessions', (req) => {
      const user = auth.authenticate(req);
      if (isResponse(user)) return user;
      auth.logout(req);
      return ok(lxcaSuccess('FQXHMSE0010I', 'The session was logged out.'));
    })
    .add('GET', '/tasks', signedIn(false, (req) => ok(store.rootJobs().map((job) => store.view(job, req.query.compact === 'true')))))
    .add('GET', '/tasks/:ids', signedIn(false, (req, { ids }) => {
      const jobs = lookUp(ids);
      return isResponse(jobs) ? jobs : ok(jobs.map((job) => store.view(job, req.query.compact === 'true')));
    }))
    .add('PUT', '/tasks', signedIn(true, (req) => {
      const ids = checkPlainCancel(req.body);
      if (isResponse(ids)) return ids;
      const jobs = lookUp(ids.join(','));
      return isResponse(jobs) ? jobs : cancelAll(jobs);
    }))
    .add('PUT', '/tasks/:ids', signedIn(true, (req, { ids: list }) => {
      const ids = parseJobList(list);
      if (isResponse(ids)) return ids;
      if (isProgressReport(req.body)) {
        const update = checkProgressReport(req.body as Record<string, unknown>, ids);
        if (isResponse(update)) return update;
        const jobs = lookUp(list);
        if (isResponse(jobs)) return jobs;
        store.reportProgress(jobs[0], update);
        return ok();
      }
      const hook = checkCancelHook(req.body);
      if (isResponse(hook)) return hook;
      const jobs = lookUp(list);
      return isResponse(jobs) ? jobs : cancelAll(jobs, hook);
    }))
    .add('POST', '/tasks', signedIn(true, (req) => {
      const templates = checkTemplates(req.body);
      if (isResponse(templates)) return templates;
      const created = templates.flatMap((template) => store.create(template));
      const withCustomUid = created.some((job) => job.fields.customUid !== undefined);
      return ok(withCustomUid ? created.map((job) => ({ customUid: job.fields.customUid, uid: job.jobUID })) : created.map((job) => job.jobUID));
    }))
    .add('DELETE', '/tasks/:ids', signedIn(true, (_req, { ids }) => {
      const jobs = lookUp(ids);
      if (isResponse(jobs)) return jobs;
      store.remove(jobs);
      return ok();
    }));

  return (req) => {
    const route = router.match(req.method, req.path);
    if (route.kind === 'notFound') return lxcaError('notFound');
    if (route.kind === 'wrongMethod') return lxcaError('methodNotAllowed');
    return route.handle(req, route.params);
  };
}
