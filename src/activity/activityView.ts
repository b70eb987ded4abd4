import * as vscode from 'vscode';
import { productInfo } from '../tasks/products';
import type { ActivityLog } from './activityLog';
import type { ActivityEntry, ActivityKind, ActivityResult } from './record';

/** Each kind's label, translated when asked for. */
const kindLabels: { readonly [K in ActivityKind]: () => string } = {
  cancel: () => vscode.l10n.t('Cancel'),
  stop: () => vscode.l10n.t('Stop'),
  forceStop: () => vscode.l10n.t('Force stop'),
  retry: () => vscode.l10n.t('Retry'),
  retryNext: () => vscode.l10n.t('Retry from the next step'),
  archive: () => vscode.l10n.t('Archive'),
  notesSaved: () => vscode.l10n.t('Notes saved'),
  cancelCallback: () => vscode.l10n.t('Cancel callback sent'),
  plainCancel: () => vscode.l10n.t('Cancel with Plain Request'),
  respond: () => vscode.l10n.t('Response sent'),
  resubmit: () => vscode.l10n.t('Resubmit'),
};

export function activityKindLabel(kind: ActivityKind): string {
  return kindLabels[kind]();
}

export function activityResultLabel(entry: ActivityEntry): string {
  switch (entry.result) {
    case 'done':
      return vscode.l10n.t('done');
    case 'refused':
      return entry.message ? vscode.l10n.t('refused: {0}', entry.message) : vscode.l10n.t('refused');
    case 'uncertain':
      return entry.message ? vscode.l10n.t('may have been carried out ({0})', entry.message) : vscode.l10n.t('may have been carried out');
    case 'notSent':
      return entry.message ? vscode.l10n.t('not sent, can be tried again ({0})', entry.message) : vscode.l10n.t('not sent, can be tried again');
    case 'pending':
      return vscode.l10n.t('sent, waiting for the server to show it…');
    case 'notTaken':
      return entry.message ?? vscode.l10n.t('sent, but the server does not show it');
  }
}

const icons: Record<ActivityResult, [string, string]> = {
  done: ['pass', 'testing.iconPassed'],
  refused: ['error', 'testing.iconFailed'],
  uncertain: ['question', 'list.warningForeground'],
  notSent: ['circle-slash', 'list.warningForeground'],
  pending: ['loading~spin', ''],
  notTaken: ['warning', 'list.warningForeground'],
};

export function activityTreeItem(entry: ActivityEntry): vscode.TreeItem {
  const noun = productInfo(entry.product).noun;
  const item = new vscode.TreeItem(`${activityKindLabel(entry.kind)}: ${entry.taskTitle}`);
  const when = new Date(entry.time).toLocaleString();
  const result = activityResultLabel(entry);
  item.id = entry.id;
  item.description = `${when} · ${entry.connection} · ${result}`;
  const [icon, color] = icons[entry.result];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.tooltip = [
    `${activityKindLabel(entry.kind)}: ${entry.taskTitle}`,
    vscode.l10n.t('When: {0}', when),
    vscode.l10n.t('Connection: {0}', entry.connection),
    vscode.l10n.t('{0} ID: {1}', noun, entry.taskId),
    vscode.l10n.t('Result: {0}', result),
  ].join('\n');
  item.contextValue = entry.offersPlainCancel ? 'opsActivity#plainCancel' : 'opsActivity';
  item.command = { command: 'opsTasks.activity.showDetails', title: vscode.l10n.t('Show Details'), arguments: [entry] };
  item.accessibilityInformation = { label: `${item.label}, ${item.description}` };
  return item;
}

/** The Activity view: the log, newest first. */
export class ActivityTreeProvider implements vscode.TreeDataProvider<ActivityEntry>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: ActivityLog) {
    this.subscription = log.onDidChange(() => this.emitter.fire());
  }

  getTreeItem(entry: ActivityEntry): vscode.TreeItem {
    return activityTreeItem(entry);
  }

  getChildren(entry?: ActivityEntry): ActivityEntry[] {
    return entry ? [] : [...this.log.entries];
  }

  /** Every entry is top-level; reveal() needs this to show one. */
  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
