// Starts the VS Code server behind its front door, and the workbench URLs that open it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, killGroup, removeOnExit } from './cleanup.mjs';
import { startFrontDoor } from './frontDoor.mjs';
import { ensureVsCodeServer, root } from './install.mjs';
import { writeSettings } from './workspace.mjs';
import { setDisplayLanguage } from './displayLanguage.mjs';

const serverStartTimeoutMs = 60_000;

/**
 * The workbench URL. The server ignores --extensionDevelopmentPath, so the browser URL carries the
 * development extension (this repo) and, for test runs, the module whose run() the host calls.
 */
export function workbenchUrl(port, { extensionTestsPath, folder } = {}) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(root)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const where = folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true';
  return `http://127.0.0.1:${port}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Starts the server. Without dataDir it uses fresh temporary data dirs (removed on close), so runs
 * are independent; `npm start` passes a persistent dataDir so stored passwords and the user's own
 * settings survive restarts. port 0 = any free port. `env` is added to the server's environment,
 * which the extension host inherits.
 * Returns { port, userDataDir, url(options), output(), exited, close() }.
 */
export async function startVsCodeServer({ userSettings = {}, port = 0, dataDir, env = {}, locale } = {}) {
  const main = ensureVsCodeServer();
  const temporary = !dataDir;
  const base = dataDir ?? removeOnExit(mkdtempSync(join(tmpdir(), 'ops-tasks-vscode-')));
  const userDataDir = join(base, 'user-data');
  const serverDataDir = join(base, 'server-data');
  writeSettings(userDataDir, userSettings, { keepExisting: !temporary });
  if (locale) setDisplayLanguage(userDataDir, locale); // e.g. 'ja'; see displayLanguage.mjs
  const child = spawn(process.execPath, [
    main,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir', serverDataDir,
    '--user-data-dir', userDataDir,
  ], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let output = '';
  let frontDoor;
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const close = async () => {
    frontDoor?.closeAllConnections();
    frontDoor?.close();
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, 'SIGKILL'); // the extension host, if it outlived the server
    children.delete(child);
    if (temporary) rmSync(base, { recursive: true, force: true });
  };

  const upstreamPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start within ${serverStartTimeoutMs / 1000} s`)), serverStartTimeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = /Extension host agent listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited with ${code} before listening`));
    });
  }).catch(async (error) => {
    await close();
    throw new Error(`${error.message}\n${output}`);
  });
  try {
    frontDoor = await startFrontDoor({ port, upstreamPort, keyFile: join(userDataDir, 'serve-web-key-half') });
  } catch (error) {
    await close();
    throw error;
  }
  const listeningPort = frontDoor.address().port;

  return {
    port: listeningPort,
    userDataDir,
    url: (options) => workbenchUrl(listeningPort, options),
    output: () => output,
    exited,
    close,
  };
}
