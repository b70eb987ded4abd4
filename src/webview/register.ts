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
import { onTaskNodes } from '../commands/taskSelection';

const extensionId = 'ops-tasks.ops-tasks';

const notesKind: FormKind<NotesPageMessage> = {
  viewType: 'opsTasks.notes',
  page: 'notes',
  parse: (data) => parse(notesPageMessage, data),
  get pageTitle() {
    return vscode.l10n.t('Edit Notes and TODO');
  },
};
const detailsKind: FormKind<DetailsPageMessage> = {
  viewType: 'opsTasks.details',
  page: 'details',
  parse: (data) => parse(detailsPageMessage, data),
  get pageTitle() {
    return vscode.l10n.t('Task Details');
  },
  findWidget: true,
};
const callbackKind: FormKind<CallbackPageMessage> = {
  viewType: 'opsTasks.cancelWithCallback',
  page: 'callback',
  parse: (data) => parse(callbackPageMessage, data),
  get pageTitle() {
    return vscode.l10n.t('Cancel with Callback');
  },
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
    panels.show(`notes:${node.task.key}`, vscode.l10n.t('Notes: {0}', node.task.title), notesKind, (channel) => new NotesForm(registry, targetOf(node), channel));
  };

  const showDetails = (node: TaskNode) => {
    panels.show(`details:${node.task.key}`, vscode.l10n.t('Details: {0}', node.task.title), detailsKind, (channel) => new DetailsForm(registry, targetOf(node), channel));
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
    const expirationSeconds = vscode.workspace.getConfiguration('opsTasks').get<number>('lxca.cancelExpirationSeconds', 60);
    panels.show(`callback:${clicked.connection.name}/${ids.join(',')}`, title, callbackKind, (channel) =>
      new CallbackForm(registry, { connection: clicked.connection.name, jobs, expirationSeconds }, channel),
    );
  };

  const onTasks = (act: (clicked: TaskNode, all: TaskNode[]) => unknown) => onTaskNodes(view, act);

  return [
    panels,
    vscode.commands.registerCommand('opsTasks.editNotes', onTasks((clicked) => editNotes(clicked))),
    vscode.commands.registerCommand('opsTasks.showDetails', onTasks((clicked) => showDetails(clicked))),
    vscode.commands.registerCommand('opsTasks.lxca.cancelWithCallback', onTasks(cancelWithCallback)),
  ];
}
