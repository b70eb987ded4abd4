/**
 * The ids of every kind of tree row, built so that no two rows can ever share one: each id is the
 * JSON array of its row kind and its parts (`["task","lab","b/1"]`). JSON quotes and escapes every
 * part, so no connection name or task id (`!more`, `a/b`, `"`, a lone surrogate) can make one row's
 * id spell another's: the encoding is injective, not merely unlikely to collide.
 * No VS Code here: the ids are checked by a property test in plain Node.
 */

/** The kinds of row the tree shows (the message rows carry what they say in `what`). */
export type RowKind = 'connection' | 'task' | 'loadMore' | 'message' | 'invalidSetting' | 'archive' | 'archiveMore' | 'archivedTask' | 'archiveMessage';

function rowId(kind: RowKind, ...parts: string[]): string {
  return JSON.stringify([kind, ...parts]);
}

export const treeIds = {
  connection: (connection: string) => rowId('connection', connection),
  /** A task or subtask: its server id is unique within the connection (uniqueTasks keeps it so). */
  task: (connection: string, taskId: string) => rowId('task', connection, taskId),
  loadMore: (connection: string) => rowId('loadMore', connection),
  /** An error, a hint ("No tasks") or an action offered in place of tasks (`what`: "error", "retry", …). */
  message: (connection: string, what: string) => rowId('message', connection, what),
  /** A JP1/AO connection's Archived Tasks node, its "Load more…", its tasks and its message rows. */
  archive: (connection: string) => rowId('archive', connection),
  archiveMore: (connection: string) => rowId('archiveMore', connection),
  archivedTask: (connection: string, taskId: string) => rowId('archivedTask', connection, taskId),
  archiveMessage: (connection: string, what: string) => rowId('archiveMessage', connection, what),
  /** A connection entry in the settings that cannot be used. */
  invalidSetting: (name: string) => rowId('invalidSetting', name),
};
