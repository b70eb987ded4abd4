/**
 * The collapsed "Archived Tasks" node of each JP1/AO connection: its TaskHistories, newest first,
 * read when the node is expanded, paged with "Load more…" and filtered like the tasks. An archived
 * task offers Show Details and nothing else.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import type { Task } from '../tasks/model';
import type { TaskQuery } from '../tasks/query';
import { errorText } from '../ui/errorText';
import { ArchivedTaskNode, ArchiveMoreNode, ArchiveNode, MessageNode, type ArchiveTreeNode, type TreeNode } from './nodes';
import { statusIcon, taskTooltip } from './taskItem';
import { taskRowText } from './taskText';
import { RefreshFollowUp } from './refreshFollowUp';
import { treeIds } from './treeIds';

/** Menus test this context value: Show Details only. */
export const archivedTaskContext = 'opsArchivedTask#jp1ao#';

interface ArchivePage {
  tasks: Task[];
  total: number;
  /** The filter the page was read with: another one reads again. */
  queryKey: string;
  error?: string;
}

const queryKey = (query: TaskQuery) => JSON.stringify([query.text?.trim() ?? '', [...(query.categories ?? [])].sort()]);

export class ArchiveTree implements vscode.Disposable {
  private readonly archiveNodes = new Map<string, ArchiveNode>();
  private readonly moreNodes = new Map<string, ArchiveMoreNode>();
  private readonly taskNodes = new Map<string, ArchivedTaskNode>();
  private readonly pages = new Map<string, ArchivePage>();
  /** How many archived tasks each connection shows; grows with "Load more…". */
  private readonly limits = new Map<string, number>();
  private readonly loads = new Map<string, Promise<void>>();
  /** Refreshes a node again when VS Code lost the refresh that carried its archived rows. */
  private readonly followUp = new RefreshFollowUp<ArchiveNode>((node) => this.fire([node]));
  private disposed = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly pageSize: () => number,
    private readonly fire: (nodes: TreeNode[]) => void,
  ) {
    // A task archived (it left the list), the list read again, or a failed read: the archive is read
    // again when shown. The tree refreshes the connection's node for such a change, and with it this node's rows.
    this.subscription = registry.onDidChangeTasks(({ connection, change }) => {
      if (change.listChanged || this.pages.get(connection.name)?.error) this.pages.delete(connection.name);
    });
  }

  /** The Archived Tasks node of a JP1/AO connection (none for other products). */
  rootFor(connection: Connection): ArchiveNode[] {
    if (connection.config.kind !== 'jp1ao') return [];
    let node = this.archiveNodes.get(connection.name);
    if (!node || node.connection !== connection) {
      node = new ArchiveNode(connection);
      this.archiveNodes.set(connection.name, node);
    }
    return [node];
  }

  parentOf(node: ArchiveTreeNode): ArchiveNode | undefined {
    return node.kind === 'archive' ? undefined : this.archiveNodes.get(node.connection.name);
  }

  /**
   * Never waits, like the rest of the tree: the archived tasks read for the current filter, or
   * "Loading…" while they are read (the node is refreshed when they arrive).
   */
  children(node: ArchiveNode, makeMessage: (message: MessageNode) => MessageNode): TreeNode[] {
    const connection = node.connection;
    this.followUp.asked(node);
    const page = this.current(connection);
    if (!page) {
      if (!this.loads.has(connection.name)) void this.load(connection).then(() => this.redraw(node));
      return [makeMessage(new MessageNode(treeIds.archiveMessage(connection.name, 'loading'), vscode.l10n.t('Loading…'), { icon: 'loading~spin' }))];
    }
    if (page.error) {
      return [makeMessage(new MessageNode(treeIds.archiveMessage(connection.name, 'error'), page.error, { icon: 'error', color: 'list.errorForeground' }))];
    }
    const nodes: TreeNode[] = page.tasks.map((task) => this.taskNode(connection, task));
    if (!nodes.length) {
      const text = this.registry.currentQuery.text?.trim() || this.registry.currentQuery.categories?.length ? vscode.l10n.t('No archived tasks match the filter') : vscode.l10n.t('No archived tasks');
      nodes.push(makeMessage(new MessageNode(treeIds.archiveMessage(connection.name, 'none'), text, { icon: 'info' })));
    }
    if (page.tasks.length < page.total) nodes.push(this.moreNode(connection));
    return nodes;
  }

  /** Shows more archived tasks of the connection. */
  async loadMore(connectionName: string): Promise<void> {
    const node = this.archiveNodes.get(connectionName);
    if (!node) return;
    this.limits.set(connectionName, this.limitOf(connectionName) + this.pageSize());
    this.pages.delete(connectionName);
    await this.load(node.connection);
    this.fire([node]);
  }

  /** Shows the rows read in place of "Loading…", again if VS Code loses that refresh. */
  private redraw(node: ArchiveNode): void {
    if (this.disposed) return;
    this.fire([node]);
    this.followUp.refreshed(node);
  }

  /** Reads the archived tasks for the current filter unless they are read already; one read at a time per connection. */
  load(connection: Connection): Promise<void> {
    if (this.current(connection)) return Promise.resolve();
    const running = this.loads.get(connection.name);
    if (running) return running;
    const done = this.read(connection).finally(() => this.loads.delete(connection.name));
    this.loads.set(connection.name, done);
    return done;
  }

  treeItem(node: ArchiveTreeNode): vscode.TreeItem {
    const name = node.connection.name;
    switch (node.kind) {
      case 'archive': {
        const item = new vscode.TreeItem(vscode.l10n.t('Archived Tasks'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = treeIds.archive(name);
        item.iconPath = new vscode.ThemeIcon('archive');
        const page = this.pages.get(name);
        item.description = page && !page.error ? String(page.total) : undefined;
        item.tooltip = vscode.l10n.t('Tasks archived on {0} (TaskHistories)', name);
        item.contextValue = 'opsArchive';
        return item;
      }
      case 'archiveMore': {
        const page = this.pages.get(name);
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.id = treeIds.archiveMore(name);
        item.description = page ? vscode.l10n.t('{0} of {1} shown', page.tasks.length, page.total) : undefined;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'opsTasks.loadMoreArchived', title: vscode.l10n.t('Load More'), arguments: [name] };
        item.contextValue = 'opsLoadMore';
        return item;
      }
      case 'archivedTask': {
        const text = taskRowText(node.task);
        const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
        item.id = treeIds.archivedTask(name, node.task.id);
        item.description = text.description;
        item.iconPath = statusIcon({ ...node.task, awaitsResponse: undefined });
        item.tooltip = taskTooltip(node.task);
        item.contextValue = archivedTaskContext;
        item.accessibilityInformation = { label: text.accessibilityLabel };
        return item;
      }
    }
  }

  private limitOf(connectionName: string): number {
    return this.limits.get(connectionName) ?? this.pageSize();
  }

  /** The page read for the current filter, if there is one. */
  private current(connection: Connection): ArchivePage | undefined {
    const kept = this.pages.get(connection.name);
    return kept && kept.queryKey === queryKey(this.registry.currentQuery) ? kept : undefined;
  }

  private async read(connection: Connection): Promise<void> {
    const query = this.registry.currentQuery;
    const key = queryKey(query);
    let page: ArchivePage;
    try {
      const loop = connection.adapter().operatorLoop;
      const read = loop ? await loop.histories(query, this.limitOf(connection.name)) : { tasks: [], total: 0 };
      page = { tasks: read.tasks, total: read.total, queryKey: key };
    } catch (error) {
      page = { tasks: [], total: 0, queryKey: key, error: vscode.l10n.t('Could not read the archived tasks: {0}', errorText(error)) };
    }
    this.pages.set(connection.name, page);
  }

  private taskNode(connection: Connection, task: Task): ArchivedTaskNode {
    const key = `${task.key}#archived`;
    let node = this.taskNodes.get(key);
    if (node && node.connection === connection) node.task = task;
    else {
      node = new ArchivedTaskNode(connection, task);
      this.taskNodes.set(key, node);
    }
    return node;
  }

  private moreNode(connection: Connection): ArchiveMoreNode {
    let node = this.moreNodes.get(connection.name);
    if (!node || node.connection !== connection) {
      node = new ArchiveMoreNode(connection);
      this.moreNodes.set(connection.name, node);
    }
    return node;
  }

  dispose(): void {
    this.disposed = true;
    this.followUp.dispose();
    this.subscription.dispose();
  }
}
