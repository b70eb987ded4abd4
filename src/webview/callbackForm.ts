import { validateCancelCallback } from '../api/lxca/callback';
import type { ConnectionRegistry } from '../connections/registry';
import { toLxcaTask } from '../tasks/lxcaTasks';
import type { Task } from '../tasks/model';
import { currentConnection, failureText, lxcaClient } from './clients';
import type { FormChannel, FormController } from './formHost';
import { callbackField, type CallbackField, type CallbackHostMessage, type CallbackInput, type CallbackPageMessage } from './protocol';
import { problemWith } from './schema';

export interface CallbackTarget {
  connection: string;
  /** The jobs the callback is sent for; the first one's own hook fills the form. */
  jobs: readonly Task[];
  /** Setting `opsTasks.lxca.cancelExpirationSeconds`. */
  expirationSeconds: number;
}

/** The form's starting values: the job's registered cancel hook when it has one. */
export function callbackPrefill(job: Task | undefined, expirationSeconds: number): { input: CallbackInput; fromHook: boolean } {
  const raw = (job?.raw ?? {}) as { cancelURL?: unknown; cancelRESTMethod?: unknown; cancelRESTBody?: unknown };
  const fromHook = typeof raw.cancelURL === 'string' && raw.cancelURL !== '';
  const body = raw.cancelRESTBody;
  return {
    fromHook,
    input: {
      cancelRESTMethod: typeof raw.cancelRESTMethod === 'string' ? raw.cancelRESTMethod.toUpperCase() : 'GET',
      cancelURL: typeof raw.cancelURL === 'string' ? raw.cancelURL : '',
      cancelRESTBody: body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body, null, 2),
      expirationTimeOut: String(expirationSeconds),
    },
  };
}

/**
 * Cancel with Callback…: `PUT /tasks/{job_list}` with the callback the user typed. The input is
 * validated here again (the page checks it too) before any request, and the server's answer is
 * shown in the form.
 */
export class CallbackForm implements FormController<CallbackPageMessage> {
  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: CallbackTarget,
    private readonly channel: FormChannel<CallbackHostMessage>,
  ) {}

  async handle(message: CallbackPageMessage): Promise<void> {
    if (message.type === 'ready') {
      const { input, fromHook } = callbackPrefill(this.target.jobs[0], this.target.expirationSeconds);
      const jobs = this.target.jobs.map((job) => ({ id: job.id, title: job.title }));
      await this.channel.post({ type: 'init', connection: this.target.connection, jobs, prefill: input, fromHook });
      return;
    }
    await this.channel.post({ type: 'result', requestId: message.requestId, ...(await this.send(message.input)) });
  }

  private async send(input: CallbackInput): Promise<{ ok: boolean; message: string; field?: CallbackField }> {
    try {
      validateCancelCallback(input);
    } catch (error) {
      return { ok: false, message: failureText(error), field: fieldOf(error) };
    }
    const ids = this.target.jobs.map((job) => job.id);
    try {
      const connection = currentConnection(this.registry, this.target.connection);
      const client = lxcaClient(connection);
      await client.cancelWithCallback(ids, input);
      // Show the jobs' new state; a failed re-read does not undo the accepted cancel.
      const jobs = await client.getJobs(ids).catch(() => []);
      connection.store.applyUpdates(jobs.map((job) => toLxcaTask(connection.name, job)));
      const which = ids.length === 1 ? `job ${ids[0]}` : `jobs ${ids.join(', ')}`;
      return { ok: true, message: `LXCA accepted the cancel callback for ${which}.` };
    } catch (error) {
      return { ok: false, message: failureText(error), field: fieldOf(error) };
    }
  }
}

/** The field a validation error names (CancelCallbackInputError.field), when it names one. */
function fieldOf(error: unknown): CallbackField | undefined {
  const field = (error as { field?: unknown } | undefined)?.field;
  return problemWith(callbackField, field) === undefined ? (field as CallbackField) : undefined;
}
