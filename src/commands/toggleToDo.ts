import * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { log } from '../log';
import type { TaskNode } from '../tree/nodes';
import type { PickRequest } from '../selection/taskSelection';
import { errorText } from '../tasks/errorText';
import { quotedText } from '../util/displayText';

/** Toggle TODO from the palette: the tasks that carry a TODO flag. */
export const toggleToDoPick: PickRequest = {
  get title() {
    return vscode.l10n.t('Toggle TODO');
  },
  get participle() {
    return vscode.l10n.t('marked TODO');
  },
  fits: (task) => task.operations.includes('editNotes'),
  canPickMany: true,
};

/**
 * Toggle TODO: sets every selected task to the opposite of the clicked task's flag (so a mixed
 * selection ends up uniform), with the same PUT as the notes form. Notes are read from the server
 * just before, so a note someone else saved meanwhile is kept.
 */
export async function toggleToDo(registry: ConnectionRegistry, clicked: TaskNode, nodes: readonly TaskNode[]): Promise<void> {
  const toDo = !(clicked.task.toDo ?? false);
  const targets = nodes.filter((node) => node.task.operations.includes('editNotes'));
  const failures: string[] = [];
  await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, async () => {
    for (const node of targets) {
      try {
        const connection = registry.current(node.connection.name);
        const started = connection.store.readStarted();
        connection.store.applyUpdates([await connection.notes().setToDo(node.task.id, toDo)], started);
      } catch (error) {
        failures.push(`${quotedText(node.task.title)}: ${errorText(error)}`);
      }
    }
  });
  if (failures.length) {
    log().warn(vscode.l10n.t('Toggle TODO failed: {0}', failures.join('; ')));
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not change TODO. {0}', failures.join(' ')));
  }
}
