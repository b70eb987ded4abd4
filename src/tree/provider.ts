import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry, RegistryChange } from '../connections/registry';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { shownTotals, summarise } from '../tasks/summary';
import { errorText } from '../ui/errorText';
import { sendsInClearText } from '../connections/configProblems';
import { errorNodes } from './errorNodes';
import { ConnectionNode, LoadMoreNode, MessageNode, TaskNode, type TreeNode } from './nodes';
import { taskTreeItem } from './taskItem';
import type { ActionResultText } from './taskText';
import { staleDescription } from './staleness';
import { treeIds } from './treeIds';
import { ArchiveTree } from './archive';
import { RefreshFollowUp } from './refreshFollowUp';
import { log } from '../log';
import { holdOrderOf } from './orderHold';

/** When the tasks shown were read, while the connection cannot be read (they may be out of date). */
function readAt(connection: Connection): number | undefined {
  const store = connection.store;
  return store.state.kind === 'failed' && store.stale ? store.loadedAt : undefined;
}

/**
 * Connections → tasks → subtasks. Nodes are kept per key and updated in place, so a refresh fires
 * events only for what changed and VS Code keeps expansion and selection.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly connectionNodes = new Map<string, ConnectionNode>();
  private readonly taskNodes = new Map<string, TaskNode>();
  private readonly messageNodes = new Map<string, MessageNode>();
  private readonly loadMoreNodes = new Map<string, LoadMoreNode>();
  private readonly summaries = new Map<string, string>();
  /** Task key → "Cancelling…" and the like, while an action's call runs. */
  private readonly busy = new Map<string, string>();
  /**
   * Task key → what the last action did to it ("Cancel: had already finished"), shown on the node.
   * `warnWhile`: a warning (an action that did not take) shown while the task keeps this status.
   */
  private readonly actionResults = new Map<string, { text: string; until: number; warnWhile?: string; offersPlainCancel?: boolean }>();
  /**
   * Connections whose first load runs (behind a password prompt, maybe). VS Code's tree is never
   * made to wait for one: it fetches the children of every expanded connection in one batch and
   * stores the whole answer, so a connection that answered slowly would hold the others' rows
   * back while their refreshes retire the handles those rows point at.
   */
  private readonly firstLoads = new Map<Connection, { prompting: boolean; done: Promise<void> }>();
  private readonly followUp = new RefreshFollowUp<ConnectionNode>((node) => {
    log().debug(`tree: ${node.connection.name}'s rows refreshed again, VS Code had not asked for them since they changed`);
    this.emitter.fire(node);
  });
  private readonly disposables: vscode.Disposable[];
  /** Whether the user asked to be told when this task finishes (it then carries a bell). */
  isWatched: (key: string) => boolean = () => false;
  /** Password prompts wait for each other: VS Code shows one input box at a time. */
  private passwordPrompts: Promise<unknown> = Promise.resolve();
  /** The Archived Tasks node of each JP1/AO connection and what it lists. */
  readonly archive: ArchiveTree;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly showProgress: <T>(work: Promise<T>) => Promise<T>,
  ) {
    this.disposables = [
      registry.onDidChangeConnections(() => {
        this.connectionNodes.clear();
        this.taskNodes.clear();
        this.messageNodes.clear();
        this.loadMoreNodes.clear();
        this.summaries.clear();
        this.emitter.fire(undefined);
      }),
      registry.onDidChangeTasks((change) => this.tasksChanged(change)),
      this.emitter,
    ];
    this.archive = new ArchiveTree(registry, () => vscode.workspace.getConfiguration('opsTasks').get<number>('pageSize', 200), (nodes) => this.emitter.fire(nodes));
    this.disposables.push(this.archive);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'connection':
        return this.connectionItem(node.connection);
      case 'task':
        return taskTreeItem(node.task, this.busy.get(node.task.key), this.isWatched(node.task.key), this.actionResultOf(node.task), readAt(node.connection));
      case 'loadMore': {
        const store = node.connection.store;
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.id = treeIds.loadMore(node.connection.name);
        item.description = vscode.l10n.t('{0} of {1} shown', store.tasks.length, store.total);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'opsTasks.loadMore', title: vscode.l10n.t('Load More'), arguments: [node.connection.name] };
        item.contextValue = 'opsLoadMore';
        return item;
      }
      case 'message': {
        const { icon, color, description, tooltip, command, contextValue } = node.options;
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.description = description;
        item.tooltip = tooltip;
        item.command = command;
        item.contextValue = contextValue ?? 'opsMessage';
        if (icon) item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        return item;
      }
      case 'archive':
      case 'archiveMore':
      case 'archivedTask':
        return this.archive.treeItem(node);
    }
  }

  /** Never waits: VS Code gets the rows there are now, and a change event when there are others. */
  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.rootNodes();
    if (node.kind === 'task') return node.task.children.map((task) => this.taskNode(node.connection, task, node));
    if (node.kind === 'archive') return this.archive.children(node, (message) => this.stable(message));
    if (node.kind !== 'connection') return [];

    const connection = node.connection;
    this.followUp.asked(node);
    if (connection.store.state.kind === 'empty') {
      // The rows come with the store's change event when the load ends.
      const load = this.startFirstLoad(connection);
      const text = load.prompting ? vscode.l10n.t('Waiting for the password…') : vscode.l10n.t('Loading…');
      return [this.stable(new MessageNode(treeIds.message(connection.name, 'loading'), text, { icon: 'loading~spin' }))];
    }
    const store = connection.store;
    this.summaries.set(connection.name, this.summaryOf(connection));
    if (store.state.kind === 'failed') {
      // After an outage the last tasks read stay under the error, marked stale in the description.
      const errors = errorNodes(connection, store.state.error).map((n) => this.stable(n));
      return [...errors, ...store.tasks.map((task) => this.taskNode(connection, task)), ...this.archive.rootFor(connection)];
    }
    const nodes: TreeNode[] = store.tasks.map((task) => this.taskNode(connection, task));
    if (!nodes.length) {
      const text = store.filtered ? vscode.l10n.t('No tasks match the filter') : vscode.l10n.t('No tasks');
      nodes.push(this.stable(new MessageNode(treeIds.message(connection.name, 'none'), text, { icon: 'info' })));
    }
    if (store.hasMore) nodes.push(this.loadMoreNode(connection));
    nodes.push(...this.archive.rootFor(connection));
    return nodes;
  }

  /** The node of a top-level task of the connection, created if the tree has not asked for it yet. */
  async topLevelNode(connectionName: string, key: string): Promise<TaskNode | undefined> {
    const connectionNode = this.connectionNodes.get(connectionName);
    if (!connectionNode) return undefined;
    const children = await this.loadedChildren(connectionNode);
    return children.find((node): node is TaskNode => node.kind === 'task' && node.task.key === key);
  }

  /**
   * The rows under a node once its connection has been read: for callers that need the task rows
   * themselves (reveal, tests), unlike VS Code's tree, which shows "Loading…" meanwhile.
   */
  async loadedChildren(node: TreeNode): Promise<TreeNode[]> {
    if (node.kind === 'connection' && node.connection.store.state.kind === 'empty') {
      await this.startFirstLoad(node.connection).done;
    }
    if (node.kind === 'archive') await this.archive.load(node.connection);
    return this.getChildren(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'task') return node.parent ?? this.connectionNodes.get(node.connection.name);
    if (node.kind === 'archive') return this.connectionNodes.get(node.connection.name);
    if (node.kind === 'archiveMore' || node.kind === 'archivedTask') return this.archive.parentOf(node);
    return undefined;
  }

  /** The node showing a task, when it is in the tree. */
  nodeFor(key: string): TaskNode | undefined {
    return this.taskNodes.get(key);
  }

  /** Shows `label` with a spinner on the tasks' nodes, or their status again when undefined. */
  setBusy(keys: readonly string[], label: string | undefined): void {
    for (const key of keys) {
      if (label === undefined) this.busy.delete(key);
      else this.busy.set(key, label);
    }
    const nodes = keys.flatMap((key) => this.taskNodes.get(key) ?? []);
    holdOrderOf(nodes); // the rows acted on stay where they are for a moment after
    if (nodes.length) this.emitter.fire(nodes);
  }

  /**
   * Renders rows again without reading anything: these tasks' rows, or every loaded connection's
   * rows (their relative times) when no keys are given.
   */
  redrawRows(keys?: readonly string[]): void {
    const nodes: TreeNode[] = keys
      ? keys.flatMap((key) => this.taskNodes.get(key) ?? [])
      : [...this.connectionNodes.values()].filter((node) => node.connection.store.state.kind === 'loaded');
    if (nodes.length) this.emitter.fire(nodes);
  }

  /**
   * Shows what an action did on the task's node: in its description for `briefMs`, in its tooltip
   * until the next action.
   */
  setActionResult(key: string, text: string, briefMs = 30_000, warning?: { whileStatus: string; offersPlainCancel: boolean }): void {
    const until = Date.now() + briefMs;
    this.actionResults.set(key, { text, until, warnWhile: warning?.whileStatus, offersPlainCancel: warning?.offersPlainCancel });
    const refresh = () => {
      const node = this.taskNodes.get(key);
      if (node) this.emitter.fire([node]);
    };
    refresh();
    setTimeout(refresh, briefMs + 50).unref?.();
  }

  private actionResultOf(task: Task): ActionResultText | undefined {
    const result = this.actionResults.get(task.key);
    if (!result) return undefined;
    const warning = result.warnWhile !== undefined && result.warnWhile === task.status;
    return { text: result.text, brief: warning || Date.now() < result.until, warning, offersPlainCancel: warning && result.offersPlainCancel };
  }

  isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  private rootNodes(): TreeNode[] {
    const nodes: TreeNode[] = this.registry.all().map((connection) => {
      let node = this.connectionNodes.get(connection.name);
      if (!node) {
        node = new ConnectionNode(connection);
        this.connectionNodes.set(connection.name, node);
      }
      return node;
    });
    for (const entry of this.registry.invalid) {
      nodes.push(
        this.stable(new MessageNode(treeIds.invalidSetting(entry.name), vscode.l10n.t('{0}: the setting {1}', entry.name, entry.problem), {
          icon: 'warning',
          color: 'list.warningForeground',
          command: { command: 'workbench.action.openSettingsJson', title: vscode.l10n.t('Open Settings (JSON)') },
          tooltip: vscode.l10n.t('Click to open settings.json and correct opsTasks.connections.'),
        })),
      );
    }
    return nodes;
  }

  /** Starts the connection's first load unless it runs already; one password prompt at most. */
  private startFirstLoad(connection: Connection): { prompting: boolean; done: Promise<void> } {
    const running = this.firstLoads.get(connection);
    if (running) return running;
    const load = { prompting: false, done: Promise.resolve() };
    load.done = this.showProgress(this.firstLoad(connection, load))
      .catch(() => undefined) // a failed load is the store's failed state, shown as an error row
      .finally(() => {
        if (this.firstLoads.get(connection) === load) this.firstLoads.delete(connection);
      });
    this.firstLoads.set(connection, load);
    return load;
  }

  /**
   * The first load asks for a missing password once; declining leaves a "Set Password" node.
   * Prompts wait for each other (VS Code shows one input box at a time) and come in the order the
   * loads started; a connection that has its password loads at once, whoever is being asked.
   */
  private async firstLoad(connection: Connection, load: { prompting: boolean }): Promise<void> {
    const needsPassword = Promise.resolve(connection.hasPassword()).then((has) => {
      // Waiting for its turn at the prompt is waiting for the password too.
      if (!has) this.redrawLoading(connection, load);
      return !has;
    });
    const turn = this.passwordPrompts.then(async () => {
      if (!(await needsPassword)) return;
      try {
        await vscode.commands.executeCommand('opsTasks.setPassword', connection.name);
      } finally {
        load.prompting = false;
      }
    });
    this.passwordPrompts = turn.catch(() => undefined);
    if (await needsPassword) {
      await turn;
      if (connection.store.state.kind !== 'empty') return; // storing the password refreshed it
    }
    await this.registry.refresh(connection);
  }

  /** Re-labels the "Loading…" row of a connection (now waiting for its password). */
  private redrawLoading(connection: Connection, load: { prompting: boolean }): void {
    load.prompting = true;
    const node = this.messageNodes.get(treeIds.message(connection.name, 'loading'));
    if (node) {
      node.label = vscode.l10n.t('Waiting for the password…');
      this.emitter.fire([node]);
    }
  }

  /** The kept node for this id, given the new text. */
  private stable(node: MessageNode): MessageNode {
    const kept = this.messageNodes.get(node.id);
    if (!kept) {
      this.messageNodes.set(node.id, node);
      return node;
    }
    kept.label = node.label;
    kept.options = node.options;
    return kept;
  }

  private loadMoreNode(connection: Connection): LoadMoreNode {
    let node = this.loadMoreNodes.get(connection.name);
    if (!node) {
      node = new LoadMoreNode(connection);
      this.loadMoreNodes.set(connection.name, node);
    }
    return node;
  }

  private taskNode(connection: Connection, task: Task, parent?: TaskNode): TaskNode {
    let node = this.taskNodes.get(task.key);
    if (node && node.parent === parent) node.task = task;
    else {
      node = new TaskNode(connection, task, parent);
      this.taskNodes.set(task.key, node);
    }
    return node;
  }

  private connectionItem(connection: Connection): vscode.TreeItem {
    const item = new vscode.TreeItem(connection.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = treeIds.connection(connection.name);
    const info = productInfo(connection.config.kind);
    item.iconPath = new vscode.ThemeIcon(info.icon);
    item.description = this.summaryOf(connection);
    // Screen readers hear the name, the product, the counts and the error, even while the row shows the last tasks.
    const state = connection.store.state;
    const failure = state.kind === 'failed' ? errorText(state.error) : undefined;
    const spoken = [connection.name, info.shortName, item.description, failure && !String(item.description).includes(failure) ? failure : undefined];
    item.accessibilityInformation = { label: spoken.filter(Boolean).join(', ') };
    item.tooltip = `${info.name}\n${connection.config.baseUrl}\n${vscode.l10n.t('User: {0}', connection.config.username)}`;
    if (sendsInClearText(connection.config.baseUrl)) {
      item.tooltip += `\n${vscode.l10n.t('Unencrypted (http://): the password and the answers travel in clear text.')}`;
    }
    item.contextValue = `opsConnection#${connection.config.kind}#`;
    return item;
  }

  /** The connection's state, after a warning when its traffic is not encrypted. */
  private summaryOf(connection: Connection): string {
    const summary = this.storeSummaryOf(connection);
    if (!sendsInClearText(connection.config.baseUrl)) return summary;
    const unencrypted = vscode.l10n.t('unencrypted');
    return summary ? `${unencrypted} · ${summary}` : unencrypted;
  }

  private storeSummaryOf(connection: Connection): string {
    const store = connection.store;
    switch (store.state.kind) {
      case 'empty':
        return store.loading ? vscode.l10n.t('loading…') : '';
      case 'failed':
        return store.stale ? staleDescription(store.loadedAt) : errorText(store.state.error);
      case 'loaded': {
        const { running, failed } = shownTotals(store);
        const summary = summarise({ running, failed });
        return store.filtered ? vscode.l10n.t('{0} (filtered)', summary) : summary;
      }
    }
  }

  private tasksChanged({ connection, change }: RegistryChange): void {
    const connectionNode = this.connectionNodes.get(connection.name);
    if (!connectionNode) return;
    const summary = this.summaryOf(connection);
    if (change.listChanged || summary !== this.summaries.get(connection.name)) {
      this.summaries.set(connection.name, summary);
      this.emitter.fire(connectionNode);
      this.followUp.refreshed(connectionNode);
      return;
    }
    const changedNodes = change.changed.flatMap((task) => {
      const node = this.taskNodes.get(task.key);
      if (!node) return [];
      node.task = task;
      return [node];
    });
    if (changedNodes.length) this.emitter.fire(changedNodes);
  }

  dispose(): void {
    this.followUp.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
