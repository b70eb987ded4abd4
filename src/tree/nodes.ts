import type * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { Task } from '../tasks/model';

/** A row that stands for a whole connection. */
abstract class ConnectionRow {
  constructor(readonly connection: Connection) {}
}

/** A configured server. */
export class ConnectionNode extends ConnectionRow {
  readonly kind = 'connection';
}

/** A task or job, or an LXCA subtask. Kept per key, so refreshes update it in place. */
export class TaskNode {
  readonly kind = 'task';
  constructor(
    readonly connection: Connection,
    public task: Task,
    readonly parent?: TaskNode,
  ) {}
}

/** "Load more…" under a connection that shows fewer tasks than the server has. */
export class LoadMoreNode extends ConnectionRow {
  readonly kind = 'loadMore';
}

/**
 * An error, a hint or an action offered in place of tasks. The tree keeps one object per id and
 * updates its text in place: VS Code refuses two different elements with the same id.
 */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly id: string,
    public label: string,
    public options: {
      icon?: string;
      color?: string;
      description?: string;
      tooltip?: string;
      command?: vscode.Command;
      contextValue?: string;
    } = {},
  ) {}
}

export type TreeNode = ConnectionNode | TaskNode | LoadMoreNode | MessageNode;
