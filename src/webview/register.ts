import * as vscode from 'vscode';
import type { CommandContext } from '../commands/register';
import type { TaskNode } from '../tree/nodes';
import { CallbackForm } from './callbackForm';
import { DetailsForm } from './detailsForm';
import { NotesForm, type TaskTarget } from './notesForm';
import { FormPanels, type FormKind } from './panels';
import {
  callbackPageMessage,
  detailsPageMessage,
  notesPageMessage,
  type CallbackPageMessage,
  type DetailsPageMessage,
  type NotesPageMessage,
} from './protocol';
import { parse } from './schema';
import { onTaskNodes, type PickRequest } from '../commands/taskSelection';
import type { Task } from '../tasks/model';

const extensionId = 'ops-tasks.ops-tasks';

const notesKind: FormKind<NotesPageMessage> = {
  viewType: 'opsTasks.notes',
  page: 'notes',
  parse: (data) => parse(notesPageMessage, data),
  pageTitle: 'Edit Notes and TODO',
};
const detailsKind: FormKind<DetailsPageMessage> = {
  viewType: 'opsTasks.details',
  page: 'details',
  parse: (data) => parse(detailsPageMessage, data),
  pageTitle: 'Task Details',
  findWidget: true,
};
const callbackKind: FormKind<CallbackPageMessage> = {
  viewType: 'opsTasks.cancelWithCallback',
  page: 'callback',
  parse: (data) => parse(callbackPageMessage, data),
  pageTitle: 'Cancel with Callback',
};

function targetOf(node: TaskNode): TaskTarget {
  return { connection: node.connection.name, id: node.task.id, key: node.task.key };
}

/** Edit Notes/TODO, Show Details and Cancel with Callback forms (issue: webview forms). */
export function registerForms(context: CommandContext): vscode.Disposable[] {
  const { registry, view } = context;
  const extensionUri = vscode.extensions.getExtension(extensionId)?.extensionUri;
  if (!extensionUri) throw new Error(`${extensionId} cannot find itself`);
  const panels = new FormPanels(extensionUri);

  const editNotes = (node: TaskNode) => {
    if (!node.task.operations.includes('editNotes')) return;
    panels.show(`notes:${node.task.key}`, `Notes: ${node.task.title}`, notesKind, (channel) => new NotesForm(registry, targetOf(node), channel));
  };

  const showDetails = (node: TaskNode) => {
    panels.show(`details:${node.task.key}`, `Details: ${node.task.title}`, detailsKind, (channel) => new DetailsForm(registry, targetOf(node), channel));
  };

  const cancelWithCallback = (clicked: TaskNode, nodes: readonly TaskNode[]) => {
    const jobs = nodes
      .filter((node) => node.connection.name === clicked.connection.name && node.task.operations.includes('cancelWithCallback'))
      .map((node) => node.task);
    if (jobs.length === 0) {
      void vscode.window.showInformationMessage('None of the selected jobs can be cancelled any more.');
      return;
    }
    const ids = jobs.map((job) => job.id);
    const title = `Cancel with Callback: ${jobs.length === 1 ? jobs[0]!.title : `${jobs.length} jobs`}`;
    const expirationSeconds = vscode.workspace.getConfiguration('opsTasks').get<number>('lxca.cancelExpirationSeconds', 60);
    panels.show(`callback:${clicked.connection.name}/${ids.join(',')}`, title, callbackKind, (channel) =>
      new CallbackForm(registry, { connection: clicked.connection.name, jobs, expirationSeconds }, channel),
    );
  };

  const onTasks = (pick: PickRequest, act: (clicked: TaskNode, all: TaskNode[]) => unknown) => onTaskNodes(view, registry, pick, act);
  const editable = (task: Task) => task.operations.includes('editNotes');
  const cancellable = (task: Task) => task.operations.includes('cancelWithCallback');

  return [
    panels,
    vscode.commands.registerCommand(
      'opsTasks.editNotes',
      onTasks({ title: vscode.l10n.t('Edit Notes'), participle: vscode.l10n.t('given notes'), fits: editable, canPickMany: false }, (clicked) => editNotes(clicked)),
    ),
    vscode.commands.registerCommand(
      'opsTasks.showDetails',
      onTasks({ title: vscode.l10n.t('Show Details'), participle: vscode.l10n.t('shown'), fits: () => true, canPickMany: false }, (clicked) => showDetails(clicked)),
    ),
    vscode.commands.registerCommand(
      'opsTasks.lxca.cancelWithCallback',
      onTasks({ title: vscode.l10n.t('Cancel with Callback'), participle: vscode.l10n.t('cancelled'), fits: cancellable, canPickMany: true }, cancelWithCallback),
    ),
  ];
}
