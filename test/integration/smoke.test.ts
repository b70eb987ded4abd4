// Inside a real extension host: the extension loads, activates, registers what it contributes,
// and its connections setting cannot be set by a workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'ops-tasks.ops-tasks';

interface ContributedCommand {
  command: string;
}

function opsTasks(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this VS Code`);
  return extension;
}

describe('smoke: the extension in a real VS Code', () => {
  before(async () => {
    await opsTasks().activate();
  });

  it('is present and active', () => {
    assert.equal(opsTasks().isActive, true);
  });

  it('registers every opsTasks.* command it contributes', async () => {
    const contributed = (opsTasks().packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
  });

  describe('opsTasks.connections', () => {
    it('is declared with application scope', () => {
      const properties = opsTasks().packageJSON.contributes.configuration.properties;
      assert.equal(properties['opsTasks.connections'].scope, 'application');
    });

    it('ignores a value from the workspace settings', function () {
      // The launcher opens a folder whose .vscode/settings.json sets opsTasks.connections, and
      // editor.tabSize = 3 as a control that the workspace settings were read at all.
      if (!vscode.workspace.workspaceFolders?.length) this.skip();
      assert.equal(vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue, 3);
      const inspected = vscode.workspace.getConfiguration('opsTasks').inspect<unknown[]>('connections');
      assert.ok(inspected, 'opsTasks.connections is not a known setting');
      assert.equal(inspected.workspaceValue, undefined);
      assert.equal(inspected.workspaceFolderValue, undefined);
      assert.deepEqual(vscode.workspace.getConfiguration('opsTasks').get('connections'), []);
    });

    it('refuses to be written to the workspace settings', async function () {
      if (!vscode.workspace.workspaceFolders?.length) this.skip();
      const configuration = vscode.workspace.getConfiguration('opsTasks');
      await assert.rejects(async () => configuration.update('connections', [], vscode.ConfigurationTarget.Workspace));
    });

    it('keeps the refresh intervals and the page size out of the workspace settings', async function () {
      // A cloned repository must not make every appliance polled each second.
      if (!vscode.workspace.workspaceFolders?.length) this.skip();
      const configuration = vscode.workspace.getConfiguration('opsTasks');
      for (const key of ['refresh.activeIntervalSeconds', 'refresh.idleIntervalSeconds', 'pageSize']) {
        await assert.rejects(async () => configuration.update(key, 1, vscode.ConfigurationTarget.Workspace), `${key} was written to the workspace`);
      }
    });
  });
});
