import type * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { recordActivity } from '../activity/record';
import { errorText } from '../tasks/errorText';
import type { FormChannel, FormController } from './formHost';
import { notesLimit, type NotesHostMessage, type NotesPageMessage } from './protocol';
import { t } from '../tasks/l10n';
import type { NotesView } from '../tasks/adapter';
import { notesDraftKey, type NotesDrafts } from './notesDrafts';

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
  /** The task as last read: its title for the tab, its identity for its draft. */
  private shown: { title: string; draftKey: string } | undefined;
  /** One save at a time: a second Save while the first is on its way is refused, never queued. */
  private saving = false;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: TaskTarget,
    private readonly channel: FormChannel<NotesHostMessage>,
    private readonly drafts?: NotesDrafts,
  ) {
    // A refresh of the tree (or Toggle TODO) shows the page the newer version; the page keeps
    // unsaved edits and adopts it only when nothing was typed.
    this.subscription = registry.onDidChangeTasks(({ change }) => {
      const task = change.changed.find((changed) => changed.key === target.key);
      if (task) void this.post({ type: 'loaded', ...this.remember(this.connection().notes().viewOf(task)) });
    });
  }

  /** Notes the task's title and draft key; answers the view. */
  private remember(view: NotesView): NotesView {
    const { config } = this.connection();
    this.shown = { title: view.title, draftKey: notesDraftKey(config.baseUrl, config.name, view.identity) };
    return view;
  }

  async handle(message: NotesPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.load(undefined);
      case 'reload':
        return this.load(message.requestId);
      case 'save':
        return this.save(message);
      case 'draft':
        return this.keepDraft(message);
    }
  }

  /** Keeps unsaved input for a later tab, forgets it once saved or reverted, and marks the tab. */
  private async keepDraft({ dirty, notes, toDo, baseModifyTime }: Extract<NotesPageMessage, { type: 'draft' }>): Promise<void> {
    if (!this.shown) return;
    this.channel.retitle?.(dirty ? t('● Notes: {0}', this.shown.title) : t('Notes: {0}', this.shown.title));
    await this.drafts?.set(this.shown.draftKey, dirty ? { notes, toDo, baseModifyTime, savedAt: Date.now() } : undefined);
  }

  private async load(requestId: number | undefined): Promise<void> {
    try {
      const view = this.remember(await this.connection().notes().read(this.target.id));
      const draft = requestId === undefined && this.shown ? this.drafts?.get(this.shown.draftKey) : undefined;
      await this.post({ type: 'loaded', requestId, ...view, draft });
    } catch (error) {
      const known = requestId === undefined ? this.connection().store.find(this.target.key) : undefined;
      if (known) await this.post({ type: 'loaded', ...this.remember(this.connection().notes().viewOf(known)) });
      await this.post({ type: 'failed', requestId, message: t('Could not read the task: {0}', errorText(error)) });
    }
  }

  private async save(request: Extract<NotesPageMessage, { type: 'save' }>): Promise<void> {
    const { requestId } = request;
    // The page enforces both; a forged or stale page must not get past the host.
    if (request.notes.length > notesLimit) {
      await this.post({ type: 'failed', requestId, message: t('Not saved: notes are limited to {0} characters.', notesLimit) });
      return;
    }
    if (this.saving) {
      await this.post({ type: 'failed', requestId, message: t('Not saved: the notes are being saved already; wait for that answer.') });
      return;
    }
    this.saving = true;
    let answer: NotesHostMessage;
    try {
      answer = await this.saveChecked(request);
    } finally {
      this.saving = false; // before the answer is posted: the page may save again as soon as it has it
    }
    await this.post(answer);
  }

  private async saveChecked(request: Extract<NotesPageMessage, { type: 'save' }>): Promise<NotesHostMessage> {
    const { requestId } = request;
    try {
      const connection = this.connection();
      const notes = connection.notes();
      const current = await notes.read(this.target.id);
      if (!notes.sameVersion(current.saved.modifyTime, request.baseModifyTime)) return { type: 'conflict', requestId, server: current.saved };
      const started = connection.store.readStarted();
      const updated = await notes.save(this.target.id, { notes: request.notes, toDo: request.toDo });
      recordActivity('notesSaved', updated, { ok: true });
      connection.store.applyUpdates([updated], started);
      return { type: 'saved', requestId, ...this.remember(notes.viewOf(updated)) };
    } catch (error) {
      this.recordFailure(error);
      return { type: 'failed', requestId, message: t('Not saved: {0}', errorText(error)) };
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
