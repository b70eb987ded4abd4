import type { ConnectionRegistry } from '../connections/registry';
import type { Connection } from '../connections/connection';
import type { OperatorLoop, ResponseRequest } from '../tasks/jp1aoLoop';
import type { Task } from '../tasks/model';
import { apiErrorKind, errorText } from '../tasks/errorText';
import { recordActivity } from '../activity/record';
import { summaryRows } from '../tasks/detailsContent';
import type { FormChannel, FormController } from './formHost';
import type { TaskTarget } from './notesForm';
import type { RespondHostMessage, RespondPageMessage } from './protocol';
import { t } from '../tasks/l10n';

/** Asked before an answer goes out; true sends it. */
export type ResponseConfirmation = (question: { connection: string; task: Task; answer: string }) => Promise<boolean>;

type Notice = { text: string; kind: 'success' | 'warning' | 'error' };

/**
 * Respond…: the step of a JP1/AO task that has waited longest, its message and one button per
 * label the server offers. An answer is confirmed, posted back in the server's own template, and
 * followed by reading the task again: the next waiting step (the form shows it), the task's new
 * state, or — when someone answered first (409) — what the task does now.
 */
export class RespondForm implements FormController<RespondPageMessage> {
  private current: ResponseRequest | undefined;
  private sending = false;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: TaskTarget,
    private readonly channel: FormChannel<RespondHostMessage>,
    private readonly confirm: ResponseConfirmation,
  ) {}

  async handle(message: RespondPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.load(undefined);
      case 'reload':
        return this.load(message.requestId);
      case 'answer':
        return this.answer(message);
    }
  }

  private async answer({ requestId, number, stepKey }: Extract<RespondPageMessage, { type: 'answer' }>): Promise<void> {
    const request = this.current;
    const button = request?.buttons.find((candidate) => candidate.number === number);
    if (this.sending) return void (await this.channel.post({ type: 'failed', requestId, message: t('An answer is being sent already; wait for it.') }));
    if (!request || !button || stepKey !== stepKeyOf(request)) {
      return this.load(requestId, { text: t('The waiting step changed since the form showed it. Check the message again.'), kind: 'warning' });
    }
    if (!(await this.confirm({ connection: this.target.connection, task: request.task, answer: button.label }))) {
      await this.channel.post({ type: 'kept', requestId });
      return;
    }
    this.sending = true;
    try {
      await this.loop().respond(request, number);
      recordActivity('respond', request.task, { ok: true });
      await this.load(requestId, { text: t('Answered "{0}".', button.label), kind: 'success' }, true);
    } catch (error) {
      recordActivity('respond', request.task, { ok: false, error });
      if (apiErrorKind(error) === 'conflict') {
        await this.load(requestId, { text: t('Someone answered this step first; nothing was sent by you.'), kind: 'warning' }, true);
      } else {
        await this.channel.post({ type: 'failed', requestId, message: t('Not answered: {0}', errorText(error)) });
      }
    } finally {
      this.sending = false;
    }
  }

  /** Reads the task and its waiting step; a task that no longer waits (409) is shown as it is now. */
  private async load(requestId: number | undefined, notice?: Notice, afterAnswer = false): Promise<void> {
    const connection = this.connection();
    try {
      const request = await this.loop(connection).readResponse(this.target.id);
      this.current = request;
      connection.store.applyUpdates([request.task]);
      const next = afterAnswer ? { text: `${notice?.text ?? ''} ${t('The next step waits for your response.')}`.trim(), kind: notice?.kind ?? 'success' } : notice;
      await this.post(requestId, request.task, request, next);
    } catch (error) {
      if (apiErrorKind(error) !== 'conflict') {
        await this.channel.post({ type: 'failed', requestId, message: t('Could not read the task: {0}', errorText(error)) });
        return;
      }
      this.current = undefined;
      try {
        const [task] = await connection.read([this.target.id]);
        if (task) connection.store.applyUpdates([task]);
        const now = task ? t('The task no longer waits for a response: it is {0}.', task.statusLabel) : t('The task no longer waits for a response.');
        await this.post(requestId, task ?? connection.store.find(this.target.key), undefined, { text: `${notice?.text ?? ''} ${now}`.trim(), kind: notice?.kind ?? 'warning' });
      } catch (readError) {
        await this.channel.post({ type: 'failed', requestId, message: t('Could not read the task: {0}', errorText(readError)) });
      }
    }
  }

  private async post(requestId: number | undefined, task: Task | undefined, request: ResponseRequest | undefined, notice: Notice | undefined): Promise<void> {
    await this.channel.post({
      type: 'loaded',
      requestId,
      title: task?.title ?? this.target.id,
      summary: task ? summaryRows(task) : [],
      waiting: request !== undefined && request.buttons.length > 0,
      stepKey: request ? stepKeyOf(request) : '',
      message: request?.message,
      buttons: request ? request.buttons.map(({ number, label }) => ({ number, label })) : [],
      notice: notice?.text,
      noticeKind: notice?.kind,
    });
  }

  private connection(): Connection {
    return this.registry.current(this.target.connection);
  }

  private loop(connection = this.connection()): OperatorLoop {
    const loop = connection.adapter().operatorLoop;
    if (!loop) throw new Error(t('{0} cannot answer tasks that wait for a response', connection.name));
    return loop;
  }
}

/** Tells one waiting step from the next: its id when the server gives one, else its message and buttons. */
function stepKeyOf(request: ResponseRequest): string {
  const input = request.template.parameters.find((parameter) => typeof parameter === 'object' && parameter !== null && 'instanceId' in parameter) as
    | { instanceId?: unknown }
    | undefined;
  return input?.instanceId !== undefined ? String(input.instanceId) : JSON.stringify([request.message, request.buttons]);
}
