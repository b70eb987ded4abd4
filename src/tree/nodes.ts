import type * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { Task } from '../tasks/model';

/** The class of a row of this kind that stands for a whole connection. */
function connectionRow<const K extends string>(kind: K) {
  return class {
    readonly kind: K = kind;
    constructor(readonly connection: Connection) {}
  };
}

/** A configured server. */
export class ConnectionNode extends connectionRow('connection') {}

/** "Load more…" under a connection that shows fewer tasks than the server has. */
export class LoadMoreNode extends connectionRow('loadMore') {}

/** A task or job, or an LXCA subtask. Kept per key, so refreshes update it in place. */
export class TaskNode {
  readonly kind = 'task';
  constructor(
    readonly connection: Connection,
    public task: Task,
    readonly parent?: TaskNode,
  ) {}
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

/** "Archived Tasks" under a JP1/AO connection: its TaskHistories, read when expanded. */
export class ArchiveNode extends connectionRow('archive') {}

/** "Load more…" under Archived Tasks. */
export class ArchiveMoreNode extends connectionRow('archiveMore') {}

/** An archived task: shown and described, nothing else. Its task is replaced when a read brings it anew. */
export class ArchivedTaskNode extends connectionRow('archivedTask') {
  constructor(
    connection: Connection,
    public task: Task,
  ) {
    super(connection);
  }
}

export type ArchiveTreeNode = ArchiveNode | ArchiveMoreNode | ArchivedTaskNode;

export type TreeNode = ConnectionNode | TaskNode | LoadMoreNode | MessageNode | ArchiveTreeNode;
