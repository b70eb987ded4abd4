import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import { settings } from '../connections/settings';
import type { CommandContext } from '../commands/commandContext';
import { ArchivedTaskNode, TaskNode } from '../tree/nodes';
import { CallbackForm } from './callbackForm';
import { confirmCallback } from './callbackConfirm';
import { DetailsForm } from './detailsForm';
import { NotesForm, type TaskTarget } from './notesForm';
import { NotesDrafts } from './notesDrafts';
import { FormPanels, type FormKind } from './panels';
import { callbackPageMessage, detailsPageMessage, notesPageMessage, respondPageMessage, type DetailsHostMessage, type NotesHostMessage, type RespondHostMessage } from './protocol';
import { RespondForm } from './respondForm';
import { confirmResponse } from './respondConfirm';
import type { FormChannel, FormController } from './formHost';
import { array, object, parse, string, type Parsed } from '../util/schema';
import { onTaskNodes, pickTasks, taskNodesOf, type PickRequest } from '../selection/taskSelection';
import { detailsActions } from '../commands/detailsActions';
import type { ConnectionRegistry } from '../connections/registry';
import { log } from '../log';
import { taskKey, type Task } from '../tasks/model';
import { errorText } from '../tasks/errorText';
import { followCallbackCancel } from '../commands/actionFollowUp';
import { canRespond } from '../tasks/loopOffers';

const extensionId = 'ops-tasks.ops-tasks';

/** A form kind whose page title is translated when read, in the language of the moment. */
function formKind<In extends { type: string }>(viewType: string, page: string, check: (data: unknown) => Parsed<In>, title: () => string, findWidget?: boolean): FormKind<In> {
  return {
    viewType,
    page,
    parse: check,
    get pageTitle() {
      return title();
    },
    findWidget,
  };
}

const notesKind = formKind('opsTasks.notes', 'notes', (data) => parse(notesPageMessage, data), () => vscode.l10n.t('Edit Notes and TODO'));
const detailsKind = formKind('opsTasks.details', 'details', (data) => parse(detailsPageMessage, data), () => vscode.l10n.t('Task Details'), true);
const respondKind = formKind('opsTasks.respond', 'respond', (data) => parse(respondPageMessage, data), () => vscode.l10n.t('Respond'));
const callbackKind = formKind('opsTasks.cancelWithCallback', 'callback', (data) => parse(callbackPageMessage, data), () => vscode.l10n.t('Cancel with Callback'));

function restoreFor(target: TaskTarget): { connection: string; id: string } {
  return { connection: target.connection, id: target.id };
}

function targetOf(node: TaskNode): TaskTarget {
  return { connection: node.connection.name, id: node.task.id, key: node.task.key };
}

/** What a panel keeps to come back after a window reload: ids only. */
const taskRestore = object({ connection: string, id: string });
const callbackRestore = object({ connection: string, ids: array(string) });

/** The restore data the page kept in its state (JSON text, see html.ts), parsed. */
function restoreOf(state: unknown): unknown {
  const text = typeof state === 'object' && state !== null ? (state as { restore?: unknown }).restore : undefined;
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The jobs of a restored Cancel with Callback form, as loaded or read again. */
async function jobsOf(registry: ConnectionRegistry, connection: string, ids: readonly string[]): Promise<Task[]> {
  const current = registry.current(connection);
  const known = ids.map((id) => current.store.find(taskKey(connection, id)));
  if (known.every((task): task is Task => task !== undefined)) return known;
  return current.read(ids);
}

/** Edit Notes/TODO, Show Details and Cancel with Callback forms (issue: webview forms). */
export function registerForms(context: CommandContext): vscode.Disposable[] {
  const { registry, view } = context;
  const actions = detailsActions(context.provider);
  const drafts = context.storage && new NotesDrafts(context.storage);
  const extensionUri = vscode.extensions.getExtension(extensionId)?.extensionUri;
  if (!extensionUri) throw new Error(`${extensionId} cannot find itself`);
  const panels = new FormPanels(extensionUri);
  // An accepted callback may only be registered: the jobs are followed as a cancel.
  const followCallback = (connection: string, jobs: readonly Task[]) => void followCallbackCancel(context, connection, jobs);

  const editNotes = (node: TaskNode) => {
    if (!node.task.operations.includes('editNotes')) return;
    const target = targetOf(node);
    panels.show(`notes:${target.key}`, vscode.l10n.t('Notes: {0}', node.task.title), notesKind, (channel) => new NotesForm(registry, target, channel, drafts), restoreFor(target));
  };

  const showDetails = (node: TaskNode) => {
    const target = targetOf(node);
    panels.show(`details:${target.key}`, vscode.l10n.t('Details: {0}', node.task.title), detailsKind, (channel) => new DetailsForm(registry, target, channel, actions), restoreFor(target));
  };

  const showArchivedDetails = (node: ArchivedTaskNode) => {
    const target = { connection: node.connection.name, id: node.task.id, key: `${node.task.key}#archived`, archived: true };
    panels.show(`details:${target.key}`, vscode.l10n.t('Details: {0}', node.task.title), detailsKind, (channel) => new DetailsForm(registry, target, channel));
  };

  const respond = (node: TaskNode) => {
    if (!node.task.awaitsResponse) return;
    const target = targetOf(node);
    panels.show(`respond:${target.key}`, vscode.l10n.t('Respond: {0}', node.task.title), respondKind, (channel) => new RespondForm(registry, target, channel, confirmResponse), restoreFor(target));
  };

  const cancelWithCallback = (clicked: TaskNode, nodes: readonly TaskNode[]) => {
    const jobs = nodes
      .filter((node) => node.connection.name === clicked.connection.name && node.task.operations.includes('cancelWithCallback'))
      .map((node) => node.task);
    if (jobs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('None of the selected jobs can be cancelled any more.'));
      return;
    }
    const ids = jobs.map((job) => job.id);
    const title = vscode.l10n.t('Cancel with Callback: {0}', jobs.length === 1 ? jobs[0]!.title : vscode.l10n.t('{0} jobs', jobs.length));
    const expirationSeconds = settings.lxcaCancelExpirationSeconds();
    panels.show(
      `callback:${clicked.connection.name}/${ids.join(',')}`,
      title,
      callbackKind,
      (channel) => new CallbackForm(registry, { connection: clicked.connection.name, jobs, expirationSeconds }, channel, confirmCallback, followCallback),
      { connection: clicked.connection.name, ids },
    );
  };

  // Panels open when the window reloaded come back with their forms (and the page's unsaved input).
  function restoreTaskForm<In extends { type: string }, Out>(
    kind: FormKind<In>,
    prefix: string,
    create: (target: TaskTarget, channel: FormChannel<Out>) => FormController<In>,
  ): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(kind.viewType, {
      deserializeWebviewPanel: async (panel, state) => {
        const parsed = parse(taskRestore, restoreOf(state));
        if (!parsed.ok || !registry.get(parsed.value.connection)) {
          panel.dispose();
          return;
        }
        const target = { ...parsed.value, key: taskKey(parsed.value.connection, parsed.value.id) };
        panels.adopt(`${prefix}:${target.key}`, panel, kind, (channel: FormChannel<Out>) => create(target, channel), restoreFor(target));
      },
    });
  }

  const restoreCallbackForm = vscode.window.registerWebviewPanelSerializer(callbackKind.viewType, {
    deserializeWebviewPanel: async (panel, state) => {
      const parsed = parse(callbackRestore, restoreOf(state));
      if (!parsed.ok || !registry.get(parsed.value.connection)) {
        panel.dispose();
        return;
      }
      const { connection, ids } = parsed.value;
      try {
        const jobs = await jobsOf(registry, connection, ids);
        const expirationSeconds = settings.lxcaCancelExpirationSeconds();
        panels.adopt(`callback:${connection}/${ids.join(',')}`, panel, callbackKind, (channel) => new CallbackForm(registry, { connection, jobs, expirationSeconds }, channel, confirmCallback, followCallback), { connection, ids });
      } catch (error) {
        log().warn(`Cancel with Callback for ${connection} was not restored: ${errorText(error)}`);
        panel.dispose();
      }
    },
  });

  const onTasks = (pick: PickRequest, act: (clicked: TaskNode, all: TaskNode[]) => unknown) => onTaskNodes(view, registry, pick, act);
  const editable = (task: Task) => task.operations.includes('editNotes');
  const cancellable = (task: Task) => task.operations.includes('cancelWithCallback');

  return [
    panels,
    restoreTaskForm(notesKind, 'notes', (target, channel: FormChannel<NotesHostMessage>) => new NotesForm(registry, target, channel, drafts)),
    restoreTaskForm(detailsKind, 'details', (target, channel: FormChannel<DetailsHostMessage>) => new DetailsForm(registry, target, channel, actions)),
    restoreCallbackForm,
    restoreTaskForm(respondKind, 'respond', (target, channel: FormChannel<RespondHostMessage>) => new RespondForm(registry, target, channel, confirmResponse)),
    // From the palette, a selected task that waits is answered; otherwise the waiting tasks are offered.
    registerCommand('opsTasks.jp1ao.respond', async (node?: unknown, selected?: unknown) => {
      const waiting = taskNodesOf(view, node, selected)?.all.find((candidate) => canRespond(candidate.task));
      if (waiting || node !== undefined) return waiting && respond(waiting);
      const [target] = (await pickTasks(registry, { title: vscode.l10n.t('Respond'), participle: vscode.l10n.t('answered'), fits: canRespond, canPickMany: false })) ?? [];
      if (target) respond(new TaskNode(target.connection, target.task));
    }),
    registerCommand(
      'opsTasks.editNotes',
      onTasks({ title: vscode.l10n.t('Edit Notes'), participle: vscode.l10n.t('given notes'), fits: editable, canPickMany: false }, (clicked) => editNotes(clicked)),
    ),
    registerCommand('opsTasks.showDetails', (node?: unknown, selected?: unknown) =>
      node instanceof ArchivedTaskNode
        ? showArchivedDetails(node)
        : onTasks({ title: vscode.l10n.t('Show Details'), participle: vscode.l10n.t('shown'), fits: () => true, canPickMany: false }, (clicked) => showDetails(clicked))(node, selected),
    ),
    registerCommand(
      'opsTasks.lxca.cancelWithCallback',
      onTasks({ title: vscode.l10n.t('Cancel with Callback'), participle: vscode.l10n.t('cancelled'), fits: cancellable, canPickMany: true }, cancelWithCallback),
    ),
  ];
}
