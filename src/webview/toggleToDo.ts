import * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { log } from '../log';
import { toJp1aoTask } from '../tasks/jp1aoTasks';
import type { TaskNode } from '../tree/nodes';
import { currentConnection, failureText, jp1aoClient } from './clients';

/**
 * Toggle TODO: sets every selected JP1/AO task to the opposite of the clicked task's flag (so a
 * mixed selection ends up uniform), with the same PUT as the form. Notes are read from the server
 * just before, so a note someone else saved meanwhile is kept.
 */
export async function toggleToDo(registry: ConnectionRegistry, clicked: TaskNode, nodes: readonly TaskNode[]): Promise<void> {
  const toDo = !(clicked.task.toDo ?? false);
  const targets = nodes.filter((node) => node.task.operations.includes('editNotes'));
  const failures: string[] = [];
  await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, async () => {
    for (const node of targets) {
      try {
        const connection = currentConnection(registry, node.connection.name);
        const client = jp1aoClient(connection);
        const current = await client.getTask(node.task.id);
        const updated = await client.updateTask(node.task.id, { notes: typeof current.notes === 'string' ? current.notes : '', toDo });
        connection.store.applyUpdates([toJp1aoTask(connection.name, updated)]);
      } catch (error) {
        failures.push(`${node.task.title}: ${failureText(error)}`);
      }
    }
  });
  if (failures.length) {
    log().warn(`Toggle TODO failed: ${failures.join('; ')}`);
    void vscode.window.showErrorMessage(`Could not change TODO. ${failures.join(' ')}`);
  }
}
