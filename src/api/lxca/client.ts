/** The LXCA jobs API (docs/api/lxca.md) on top of one HttpClient and one web session. */
import { ApiError, notSentError } from '../errors';
import { hasLoneSurrogate } from '../../util/displayText';
import { expectJson, type HttpClient, type HttpResponse } from '../http';
import { errorCodes } from '../networkErrors';
import { validateCancelCallback, validateExpirationTimeOut } from './callback';
import { groupByCancelHook, type CancelGroup } from './cancelGroups';
import { lxcaError } from './errors';
import { jobRecords, parseJobList, type JobRecord } from './jobs';
import { LxcaSession, type SessionRequest } from './session';
import type {
  CancelCallbackInput,
  CancelJobsOptions,
  CancelOutcome,
  ListJobsOptions,
  LoginResult,
  LxcaCredentials,
  LxcaJob,
  RequestOptions,
} from './types';

export class LxcaClient {
  private readonly session: LxcaSession;

  constructor(http: HttpClient, credentials: () => Promise<LxcaCredentials>) {
    this.session = new LxcaSession(http, credentials);
  }

  /** Signs in now (e.g. "Test connection"); other calls sign in by themselves when needed. */
  login(): Promise<LoginResult> {
    return this.session.login();
  }

  logout(): Promise<void> {
    return this.session.logout();
  }

  /** `GET /tasks`: every job, with subtasks unless `compact`. */
  async listJobs(options: ListJobsOptions = {}): Promise<LxcaJob[]> {
    const query = options.compact ? { compact: 'true' } : undefined;
    return this.fetchJobs({ method: 'GET', path: '/tasks', query }, 'List LXCA jobs', options);
  }

  /** `GET /tasks` with each job's id read and the rest left for parseJob; without subtasks when `compact`. */
  async listJobRecords(options: ListJobsOptions = {}): Promise<JobRecord[]> {
    const query = options.compact ? { compact: 'true' } : undefined;
    return jobRecords(await this.fetchJson({ method: 'GET', path: '/tasks', query }, 'List LXCA jobs', options));
  }

  /** `GET /tasks/{id,id}`: the listed jobs (an unknown id answers notFound). */
  async getJobs(ids: readonly string[], options: RequestOptions = {}): Promise<LxcaJob[]> {
    const jobIds = validJobIds(ids);
    if (jobIds.length === 0) return [];
    return this.fetchJobs({ method: 'GET', path: jobListPath(jobIds) }, `Read ${describeJobs(jobIds)}`, options);
  }

  /**
   * Cancels the jobs with one request per distinct cancel hook (docs/api/lxca.md, "Cancelling") and reports each
   * request's outcome; with `plain`, one plain `PUT /tasks` for them all. Never retries a refused
   * cancel; after a failure that is not the server's answer (unreachable, sign-in refused, …) the
   * remaining requests are not sent, and say so (they may be tried again).
   */
  async cancelJobs(jobs: readonly LxcaJob[], options: CancelJobsOptions): Promise<CancelOutcome[]> {
    const expirationTimeOut = validateExpirationTimeOut(options.expirationTimeOut);
    validJobIds(jobs.map((job) => job.jobUID));
    const outcomes: CancelOutcome[] = [];
    let stoppedBy: ApiError | undefined;
    const groups: CancelGroup[] = options.plain ? [{ jobIds: [...new Set(jobs.map((job) => job.jobUID))] }] : groupByCancelHook(jobs);
    for (const group of groups) {
      if (stoppedBy) {
        const error = notSentError(stoppedBy, `${cancelAction(group.jobIds)}: not sent, since an earlier cancel request of the same action failed (${stoppedBy.message})`);
        outcomes.push({ jobIds: group.jobIds, ok: false, error });
        continue;
      }
      const action = cancelAction(group.jobIds);
      try {
        const response = await this.session.send(cancelRequest(group, expirationTimeOut), action, options);
        const error = isOk(response) ? undefined : lxcaError(response, action);
        outcomes.push(error ? { jobIds: group.jobIds, ok: false, error } : { jobIds: group.jobIds, ok: true, hook: group.hook !== undefined });
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught;
        const error = uncertainIfSent(caught, action);
        stoppedBy = error;
        outcomes.push({ jobIds: group.jobIds, ok: false, error });
      }
    }
    return outcomes;
  }

  /** `PUT /tasks/{job_list}` with a callback the user typed, checked before anything is sent. */
  async cancelWithCallback(ids: readonly string[], input: CancelCallbackInput, options: RequestOptions = {}): Promise<void> {
    const callback = validateCancelCallback(input);
    const jobIds = validJobIds(ids);
    if (jobIds.length === 0) throw new ApiError('invalidInput', 'No job to cancel was given');
    const action = cancelAction(jobIds);
    let response: HttpResponse;
    try {
      response = await this.session.send({ method: 'PUT', path: jobListPath(jobIds), body: callback }, action, options);
    } catch (error) {
      throw error instanceof ApiError ? uncertainIfSent(error, action) : error;
    }
    if (!isOk(response)) throw lxcaError(response, action);
  }

  private async fetchJobs(request: SessionRequest, action: string, options: RequestOptions): Promise<LxcaJob[]> {
    return parseJobList(await this.fetchJson(request, action, options));
  }

  private async fetchJson(request: SessionRequest, action: string, options: RequestOptions): Promise<unknown> {
    const response = await this.session.send(request, action, options);
    if (!isOk(response)) throw lxcaError(response, action);
    return expectJson(response);
  }
}

function cancelRequest(group: CancelGroup, expirationTimeOut: number): SessionRequest {
  if (!group.hook) return { method: 'PUT', path: '/tasks', body: { action: 'cancel', list: group.jobIds } };
  return { method: 'PUT', path: jobListPath(group.jobIds), body: { ...group.hook, expirationTimeOut } };
}

/** Distinct, trimmed ids; one that would break the comma-separated path (or walk it: `.`, `..`) is refused. */
function validJobIds(ids: readonly string[]): string[] {
  const jobIds = [...new Set(ids.map((id) => String(id).trim()))];
  const bad = jobIds.find((id) => !isUsableJobId(id));
  if (bad !== undefined) throw new ApiError('invalidInput', `${JSON.stringify(bad)} is not an LXCA job id`);
  return jobIds;
}

/**
 * Whether this client will put the id in a request path: not empty, not `.`/`..`, nothing that
 * would break the comma-separated list or leave the path, and well-formed text (a lone surrogate
 * cannot be URL-encoded).
 */
export function isUsableJobId(id: string): boolean {
  const trimmed = String(id).trim();
  return trimmed !== '' && trimmed !== '.' && trimmed !== '..' && !/[,/\\?#%\s\u0000-\u001f\u007f]/.test(trimmed) && !hasLoneSurrogate(trimmed);
}

function jobListPath(jobIds: readonly string[]): string {
  return `/tasks/${jobIds.map(encodeURIComponent).join(',')}`;
}

function describeJobs(jobIds: readonly string[]): string {
  return jobIds.length === 1 ? `LXCA job ${jobIds[0]}` : `LXCA jobs ${jobIds.join(', ')}`;
}

function cancelAction(jobIds: readonly string[]): string {
  return `Cancel ${describeJobs(jobIds)}`;
}

/** Failures that happened after the request may have reached the server. */
const codesAfterSending = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);

/**
 * A cancel that timed out, or whose connection dropped once it was sent, may have been carried
 * out: it is reported as `uncertain` (and never sent again) rather than as failed.
 */
function uncertainIfSent(error: ApiError, action: string): ApiError {
  const codes = errorCodes(error);
  const afterSending = (error.kind === 'timeout' && !codes.includes('UND_ERR_CONNECT_TIMEOUT')) || codes.some((code) => codesAfterSending.has(code));
  if (!afterSending || (error.kind !== 'timeout' && error.kind !== 'unreachable')) return error;
  return new ApiError('uncertain', `${action}: no answer came (${error.message}); the cancel may have been carried out.`, { cause: error });
}

function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
