import type { ConnectionRegistry } from '../connections/registry';
import type { Task } from '../tasks/model';
import { recordOutcomes } from '../activity/record';
import { apiErrorKind, errorText } from '../tasks/errorText';
import type { FormChannel, FormController } from './formHost';
import { callbackField, type CallbackField, type CallbackHostMessage, type CallbackInput, type CallbackPageMessage } from './protocol';
import { problemWith } from '../util/schema';
import { t } from '../tasks/l10n';
import { boundedJson } from '../util/safeText';

/** What the user is asked before a callback goes out; true sends it. */
export type CallbackConfirmation = (question: { connection: string; jobs: readonly Task[]; input: CallbackInput }) => Promise<boolean>;

export interface CallbackTarget {
  connection: string;
  /** The jobs the callback is sent for; the first one's own hook fills the form. */
  jobs: readonly Task[];
  /** Setting `opsTasks.lxca.cancelExpirationSeconds`. */
  expirationSeconds: number;
}

/** The form's starting values: the job's registered cancel hook when it has one. */
export function callbackPrefill(job: Task | undefined, expirationSeconds: number): { input: CallbackInput; fromHook: boolean } {
  const hook = job?.cancelHook;
  const body = hook?.cancelRESTBody;
  return {
    fromHook: hook !== undefined,
    input: {
      cancelRESTMethod: hook ? hook.cancelRESTMethod.toUpperCase() : 'GET',
      cancelURL: hook?.cancelURL ?? '',
      cancelRESTBody: body === undefined || body === null ? '' : typeof body === 'string' ? body : boundedJson(body),
      expirationTimeOut: String(expirationSeconds),
    },
  };
}

/**
 * Cancel with Callback…: `PUT /tasks/{job_list}` with the callback the user typed. The input is
 * validated again before any request (the page checks it too), and the server's answer is shown
 * in the form.
 */
export class CallbackForm implements FormController<CallbackPageMessage> {
  /** One PUT at a time: a second Send while the first is on its way is refused, never queued. */
  private sending = false;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: CallbackTarget,
    private readonly channel: FormChannel<CallbackHostMessage>,
    private readonly confirm: CallbackConfirmation,
    /**
     * Follows an accepted callback to what the server shows next (the jobs may keep running: the
     * callback may only be registered), recording the Activity entries itself. Without it the
     * acceptance is recorded as done.
     */
    private readonly followAccepted?: (connection: string, jobs: readonly Task[]) => void,
  ) {}

  async handle(message: CallbackPageMessage): Promise<void> {
    if (message.type === 'ready') {
      const { input, fromHook } = callbackPrefill(this.target.jobs[0], this.target.expirationSeconds);
      const jobs = this.target.jobs.map((job) => ({ id: job.id, title: job.title }));
      await this.channel.post({ type: 'init', connection: this.target.connection, jobs, prefill: input, fromHook });
      return;
    }
    if (this.sending) {
      await this.channel.post({ type: 'result', requestId: message.requestId, ok: false, message: t('The cancel callback is being sent already; wait for its answer.') });
      return;
    }
    this.sending = true;
    let result;
    try {
      result = await this.send(message.input);
    } finally {
      this.sending = false; // before the answer is posted: the page may send again as soon as it has it
    }
    await this.channel.post({ type: 'result', requestId: message.requestId, ...result });
  }

  private async send(input: CallbackInput): Promise<{ ok: boolean; message: string; field?: CallbackField }> {
    const ids = this.target.jobs.map((job) => job.id);
    try {
      const connection = this.registry.current(this.target.connection);
      const sender = connection.cancelCallback();
      sender.check(input); // a typo is shown in the form, not asked about
      if (!(await this.confirm({ connection: this.target.connection, jobs: this.target.jobs, input }))) {
        return { ok: false, message: t('Not sent. The callback is kept in the form.') };
      }
      await sender.send(ids, input);
      if (this.followAccepted) this.followAccepted(this.target.connection, this.target.jobs);
      else recordOutcomes('cancelCallback', this.target.jobs.map((task) => ({ task, ok: true })));
      // Show the jobs' new state; a failed re-read does not undo the accepted cancel.
      await connection.reread(this.target.jobs).catch(() => undefined);
      const { shortName, noun, nouns } = connection.adapter().info;
      const which = ids.length === 1 ? `${noun} ${ids[0]}` : `${nouns} ${ids.join(', ')}`;
      return { ok: true, message: t('{0} accepted the cancel callback for {1}.', shortName, which) };
    } catch (error) {
      const field = fieldOf(error);
      // Input refused before any request is a typo to fix in the form, not something that happened.
      if (field === undefined && apiErrorKind(error) !== 'invalidInput') {
        recordOutcomes('cancelCallback', this.target.jobs.map((task) => ({ task, ok: false, error })));
      }
      // A lost answer may hide an accepted cancel: read the jobs again so the tree shows which.
      if (apiErrorKind(error) === 'uncertain') await this.registry.current(this.target.connection).reread(this.target.jobs).catch(() => undefined);
      return { ok: false, message: errorText(error), field };
    }
  }
}

/** The field a validation error names (CancelCallbackInputError.field), when it names one. */
function fieldOf(error: unknown): CallbackField | undefined {
  const field = (error as { field?: unknown } | undefined)?.field;
  return problemWith(callbackField, field) === undefined ? (field as CallbackField) : undefined;
}
