// Settings and folders the workbench opens with.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { removeOnExit } from './cleanup.mjs';

/** Settings every run gets: no trust modal, no telemetry, no welcome page or tips. */
const quietSettings = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
};

/**
 * Writes User/settings.json (the quiet defaults and the given settings) and Machine/settings.json
 * (the quiet defaults only: a value there shadows what the extension later writes to the user's
 * settings); with keepExisting, a file already there is the user's.
 */
export function writeSettings(userDataDir, userSettings, { keepExisting = false } = {}) {
  const contents = { User: { ...quietSettings, ...userSettings }, Machine: quietSettings };
  for (const [scope, settings] of Object.entries(contents)) {
    const file = join(userDataDir, scope, 'settings.json');
    if (keepExisting && existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(settings, null, 2));
  }
}

/**
 * A folder for test runs whose workspace settings try to set opsTasks.connections (application
 * scope, so VS Code must ignore it) next to a window-scoped control value it must honour.
 */
export const testWorkspaceSettings = {
  'opsTasks.connections': [{ name: 'from-workspace', kind: 'lxca', baseUrl: 'https://attacker.invalid', username: 'x' }],
  'editor.tabSize': 3,
};
export function makeTestWorkspace() {
  const folder = removeOnExit(mkdtempSync(join(tmpdir(), 'ops-tasks-workspace-')));
  mkdirSync(join(folder, '.vscode'));
  writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify(testWorkspaceSettings, null, 2));
  return folder;
}
