// A real VS Code (1.100.3, the server and web workbench shipped in the code-server npm package)
// and a headless Chromium to drive it, for the tests and for `npm start`.
// See /work/shared/real-vscode-testing.md for why it is done this way on machines without internet.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setDisplayLanguage } from './display-language.mjs';

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const codeServerVersion = '4.100.3';
const cacheDir = join(root, '.vscode-test/code-server');
const vscodeDir = join(cacheDir, 'node_modules/code-server/lib/vscode');
const serverMain = join(vscodeDir, 'out/server-main.js');
const installedMarker = join(cacheDir, `installed-${codeServerVersion}`);
const chromiumPath = '/usr/bin/chromium';
const serverStartTimeoutMs = 60_000;

function npm(args, cwd) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Installs code-server once into .vscode-test/code-server; later calls return at once. */
export function ensureVsCodeServer() {
  if (existsSync(installedMarker)) return serverMain;
  console.log(`Installing VS Code server (code-server@${codeServerVersion}) into .vscode-test/code-server…`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ private: true }));
  // --ignore-scripts: code-server's postinstall refuses root and downloads ripgrep.
  npm(['install', '--ignore-scripts', `code-server@${codeServerVersion}`], cacheDir);
  npm(['install', '--ignore-scripts', '--omit=dev'], vscodeDir);
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  try {
    // Optional native modules: without them the server logs missing-binding errors but works.
    npm(['rebuild', '@vscode/spdlog', 'native-watchdog'], vscodeDir);
  } catch (error) {
    console.warn(`(optional native rebuild failed, continuing) ${String(error).split('\n')[0]}`);
  }
  writeFileSync(installedMarker, new Date().toISOString());
  return serverMain;
}

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
function writeSettings(userDataDir, userSettings, { keepExisting = false } = {}) {
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
 * Every server started here, so that an exit or a signal never leaves one behind. Each runs in its
 * own process group, killed as a whole: the extension host it forks would otherwise outlive it.
 */
const children = new Set();
const temporaryDirs = new Set();
function removeOnExit(dir) {
  temporaryDirs.add(dir);
  return dir;
}
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
function cleanUp() {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    cleanUp();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 0));
  });
}

/**
 * The web workbench keeps secrets (SecretStorage) in the browser's localStorage, sealed with a key
 * half it fetches from POST <path>/mint-key. VS Code's bare server-main.js does not serve that route
 * (code-server's own wrapper and `code serve-web` do), so without it secrets live only until the page
 * reloads. This front door answers /mint-key with a key half kept in the user-data dir and forwards
 * everything else, WebSockets included, to the server.
 */
function startFrontDoor({ port, upstreamPort, keyFile }) {
  const keyHalf = () => {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    return readFileSync(keyFile);
  };
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url.split('?')[0].endsWith('/mint-key')) {
      res.end(keyHalf());
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(upstreamPort, '127.0.0.1', () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const closeBoth = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', closeBoth);
    socket.on('error', closeBoth);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
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
  if (locale) setDisplayLanguage(userDataDir, locale); // e.g. 'ja'; see display-language.mjs
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

/** Messages from the offline machine that say nothing about the extension under test. */
const offlineNoise = [
  /vscode\.git|git\.|Git extension|github/i,
  /gallery|marketplace|extensionsGallery|update\.code\.visualstudio|open-vsx|ENOTFOUND/i,
  /ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED/i,
  // code-server's web build lacks these files, and its update check 404s without a server.
  /vsda|serviceWorker|Service Worker|bad HTTP response code \(404\)|favicon|\/update\/check/i,
];
export const isOfflineNoise = (text) => offlineNoise.some((pattern) => pattern.test(text));

/**
 * Headless Chromium (Debian's, never a Playwright download) with a fresh profile.
 * Returns { browser, page, consoleErrors, close() }; consoleErrors collects the page's console
 * errors and uncaught exceptions, without the known offline noise.
 */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    // A failed resource load says which one only in its location; drop the log's CSS styling.
    const text = `${message.text()} ${message.location().url ?? ''}`
      .replace(/%c\s*|color: #\w+\s*/g, '')
      .replace(/^\s*ERR\s+/, '')
      .trim();
    if (message.type() === 'error' && !isOfflineNoise(text)) consoleErrors.push(text);
  });
  page.on('pageerror', (error) => {
    if (!isOfflineNoise(String(error))) consoleErrors.push(String(error));
  });
  return { browser, page, consoleErrors, close: () => browser.close() };
}
