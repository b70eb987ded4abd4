import type * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { recordActivity } from '../activity/record';
import { errorText } from '../ui/errorText';
import type { FormChannel, FormController } from './formHost';
import type { NotesHostMessage, NotesPageMessage } from './protocol';
import { t } from '../tasks/l10n';

export interface TaskTarget {
  connection: string;
  id: string;
  key: string;
  /** An archived task (JP1/AO TaskHistories), read from the history. */
  archived?: boolean;
}

/**
 * Edit Notes and TODO of one task (JP1/AO). A save reads the task first and refuses to write when
 * it changed on the server after the version the user edited (the page then offers Overwrite or
 * Reload); a successful save updates the tree from the server's answer.
 */
export class NotesForm implements FormController<NotesPageMessage> {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: TaskTarget,
    private readonly channel: FormChannel<NotesHostMessage>,
  ) {
    // A refresh of the tree (or Toggle TODO) shows the page the newer version; the page keeps
    // unsaved edits and adopts it only when nothing was typed.
    this.subscription = registry.onDidChangeTasks(({ change }) => {
      const task = change.changed.find((changed) => changed.key === target.key);
      if (task) void this.post({ type: 'loaded', ...this.connection().notes().viewOf(task) });
    });
  }

  async handle(message: NotesPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.load(undefined);
      case 'reload':
        return this.load(message.requestId);
      case 'save':
        return this.save(message);
    }
  }

  private async load(requestId: number | undefined): Promise<void> {
    try {
      const view = await this.connection().notes().read(this.target.id);
      await this.post({ type: 'loaded', requestId, ...view });
    } catch (error) {
      const known = requestId === undefined ? this.connection().store.find(this.target.key) : undefined;
      if (known) await this.post({ type: 'loaded', ...this.connection().notes().viewOf(known) });
      await this.post({ type: 'failed', requestId, message: t('Could not read the task: {0}', errorText(error)) });
    }
  }

  private async save(request: Extract<NotesPageMessage, { type: 'save' }>): Promise<void> {
    const { requestId } = request;
    try {
      const connection = this.connection();
      const notes = connection.notes();
      const current = await notes.read(this.target.id);
      if (!notes.sameVersion(current.saved.modifyTime, request.baseModifyTime)) {
        await this.post({ type: 'conflict', requestId, server: current.saved });
        return;
      }
      const updated = await notes.save(this.target.id, { notes: request.notes, toDo: request.toDo });
      recordActivity('notesSaved', updated, { ok: true });
      connection.store.applyUpdates([updated]);
      await this.post({ type: 'saved', requestId, ...notes.viewOf(updated) });
    } catch (error) {
      this.recordFailure(error);
      await this.post({ type: 'failed', requestId, message: t('Not saved: {0}', errorText(error)) });
    }
  }

  private recordFailure(error: unknown): void {
    const connection = this.registry.get(this.target.connection);
    if (!connection) return;
    const { key, id } = this.target;
    const known = connection.store.find(key);
    const subject = known ?? { key, id, connection: connection.name, product: connection.config.kind, title: id, category: 'unknown' as const };
    recordActivity('notesSaved', subject, { ok: false, error });
  }

  private connection() {
    return this.registry.current(this.target.connection);
  }

  private async post(message: NotesHostMessage): Promise<void> {
    await this.channel.post(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
