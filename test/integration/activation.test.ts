// The cost of activate() inside a real extension host: the extension's bundle is loaded afresh and
// activated several times before VS Code activates it for the other suites (this file runs first).
// It runs only in the benchmark's own extension host (`npm run bench` sets OPS_TASKS_ACTIVATION_FILE,
// which receives the samples and their median): VS Code activates the extension at start-up, and
// fresh activations in the same host would take the tree view over from the one the other suites use.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const extensionId = 'ops-tasks.ops-tasks';
const activations = 7;
/** Far above the goal (20 ms): only a blow-up such as loading the HTTP layer at start fails it. */
const boundMs = 250;

type ActivateFn = (context: vscode.ExtensionContext) => unknown;

/** In-memory stand-ins for what a context stores: nothing reaches the user's real storage. */
function memento(): vscode.Memento & { setKeysForSync(keys: readonly string[]): void } {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void (value === undefined ? values.delete(key) : values.set(key, value)),
    setKeysForSync: () => undefined,
  };
}

function secrets(): vscode.SecretStorage {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    get: async (key) => values.get(key),
    store: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    onDidChange: changed.event,
  } as vscode.SecretStorage;
}

function standInContext(extension: vscode.Extension<unknown>): vscode.ExtensionContext {
  const storage = vscode.Uri.joinPath(extension.extensionUri, '.vscode-test', 'activation-storage');
  return {
    subscriptions: [],
    secrets: secrets(),
    globalState: memento(),
    workspaceState: memento(),
    extension,
    extensionUri: extension.extensionUri,
    extensionPath: extension.extensionPath,
    extensionMode: vscode.ExtensionMode.Test,
    storageUri: storage,
    globalStorageUri: storage,
    logUri: storage,
    asAbsolutePath: (path: string) => vscode.Uri.joinPath(extension.extensionUri, path).fsPath,
  } as unknown as vscode.ExtensionContext;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const measuring = process.env.OPS_TASKS_ACTIVATION_FILE !== undefined;

(measuring ? describe : describe.skip)('activation', () => {
  it(`activate() stays cheap in the extension host (median of ${activations} activations)`, async function () {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    if (extension.isActive) this.skip(); // its commands are registered: a second activation cannot run beside it
    const main = require.resolve(extension.packageJSON.main ? `${extension.extensionPath}/${extension.packageJSON.main}` : extension.extensionPath);
    const samples: number[] = [];
    const loads: number[] = [];
    try {
      for (let i = 0; i < activations; i++) {
        delete require.cache[main];
        const loadStarted = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require(main) as { activate: ActivateFn; deactivate?: () => unknown };
        loads.push(performance.now() - loadStarted);
        const context = standInContext(extension);
        const started = performance.now();
        module.activate(context);
        samples.push(performance.now() - started);
        for (const disposable of context.subscriptions) disposable.dispose();
        await module.deactivate?.();
      }
    } finally {
      delete require.cache[main]; // VS Code loads its own copy for the other suites
    }
    const result = { medianMs: median(samples), samples, loadMedianMs: median(loads) };
    const file = process.env.OPS_TASKS_ACTIVATION_FILE;
    if (file) writeFileSync(file, JSON.stringify(result));
    assert.ok(result.medianMs < boundMs, `activate() took ${result.medianMs.toFixed(1)} ms (median of ${samples.join(', ')})`);
  });
});
