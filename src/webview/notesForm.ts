import type * as vscode from 'vscode';
import type { Jp1aoTask } from '../api/jp1ao/types';
import type { ConnectionRegistry } from '../connections/registry';
import { toJp1aoTask } from '../tasks/jp1aoTasks';
import { currentConnection, failureText, jp1aoClient } from './clients';
import type { FormChannel, FormController } from './formHost';
import { jp1aoSummaryRows, notesSnapshot, sameModifyTime } from './jp1aoSummary';
import type { NotesHostMessage, NotesPageMessage } from './protocol';

export interface TaskTarget {
  connection: string;
  id: string;
  key: string;
}

/**
 * Edit Notes and TODO of one JP1/AO task. A save reads the task first and refuses to write when
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
      if (task) void this.post({ type: 'loaded', ...this.view(task.raw as Jp1aoTask), saved: notesSnapshot(task.raw as Jp1aoTask) });
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
      const task = await jp1aoClient(this.connection()).getTask(this.target.id);
      await this.post({ type: 'loaded', requestId, ...this.view(task), saved: notesSnapshot(task) });
    } catch (error) {
      const known = requestId === undefined ? this.connection().store.find(this.target.key) : undefined;
      if (known) await this.post({ type: 'loaded', ...this.view(known.raw as Jp1aoTask), saved: notesSnapshot(known.raw as Jp1aoTask) });
      await this.post({ type: 'failed', requestId, message: `Could not read the task: ${failureText(error)}` });
    }
  }

  private async save(request: Extract<NotesPageMessage, { type: 'save' }>): Promise<void> {
    const { requestId } = request;
    try {
      const connection = this.connection();
      const client = jp1aoClient(connection);
      const current = await client.getTask(this.target.id);
      if (!sameModifyTime(current.modifyTime, request.baseModifyTime)) {
        await this.post({ type: 'conflict', requestId, server: notesSnapshot(current) });
        return;
      }
      const updated = await client.updateTask(this.target.id, { notes: request.notes, toDo: request.toDo });
      connection.store.applyUpdates([toJp1aoTask(connection.name, updated)]);
      await this.post({ type: 'saved', requestId, ...this.view(updated), saved: notesSnapshot(updated) });
    } catch (error) {
      await this.post({ type: 'failed', requestId, message: `Not saved: ${failureText(error)}` });
    }
  }

  private view(task: Jp1aoTask): { title: string; summary: ReturnType<typeof jp1aoSummaryRows> } {
    return { title: toJp1aoTask(this.target.connection, task).title, summary: jp1aoSummaryRows(task) };
  }

  private connection() {
    return currentConnection(this.registry, this.target.connection);
  }

  private async post(message: NotesHostMessage): Promise<void> {
    await this.channel.post(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
