// `npm start`: builds the extension and serves a real VS Code (1.100.3) with it loaded, for a
// browser on this machine. Runs until Ctrl+C.
// Settings live in .vscode-test/start/. Passwords (SecretStorage) live in the browser's storage for
// that address, sealed with a key half kept in .vscode-test/start/: they survive restarts as long
// as the same browser opens the same port — hence a fixed default port.
//   --port N   listen on N (default 8080; a free port is taken if N is busy)
//   --locale L VS Code's display language, e.g. ja or en (kept for later starts)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureVsCodeServer, root } from './vscode/install.mjs';
import { startVsCodeServer } from './vscode/server.mjs';

const defaultPort = 8080;
const dataDir = join(root, '.vscode-test/start');
const runningFile = join(dataDir, 'running.json');

function requestedPort() {
  const index = process.argv.indexOf('--port');
  if (index < 0) return defaultPort;
  const port = Number(process.argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a port number, got ${process.argv[index + 1]}`);
    process.exit(2);
  }
  return port;
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Two servers on one data dir would fight over it; point at the one already running instead. */
function alreadyRunning() {
  if (!existsSync(runningFile)) return undefined;
  const running = JSON.parse(readFileSync(runningFile, 'utf8'));
  try {
    process.kill(running.pid, 0);
    return running;
  } catch {
    return undefined;
  }
}

function printBox(lines) {
  const width = Math.max(...lines.map((line) => line.length));
  console.log(`┌${'─'.repeat(width + 2)}┐`);
  for (const line of lines) console.log(`│ ${line.padEnd(width)} │`);
  console.log(`└${'─'.repeat(width + 2)}┘`);
}

const running = alreadyRunning();
if (running) {
  printBox([`VS Code with Ops Tasks is already running (pid ${running.pid}):`, '', running.url]);
  process.exit(0);
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet', '--no-tests'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
ensureVsCodeServer();

let port = requestedPort();
if (port !== 0 && !(await isFree(port))) {
  console.log(`Port ${port} is busy; using a free one (passwords stored under another port do not carry over).`);
  port = 0;
}
const localeIndex = process.argv.indexOf('--locale');
const locale = localeIndex > 0 ? process.argv[localeIndex + 1] : undefined;
const server = await startVsCodeServer({ port, dataDir, locale });
writeFileSync(runningFile, JSON.stringify({ pid: process.pid, url: server.url() }));
process.once('exit', () => rmSync(runningFile, { force: true }));
printBox([
  'VS Code with Ops Tasks is running. Open in a browser on this machine:',
  '',
  server.url(),
  '',
  'Settings and the key sealing stored passwords: .vscode-test/start/    Stop: Ctrl+C',
]);
const code = await server.exited;
console.error(`VS Code server stopped (exit code ${code}).\n${server.output().slice(-2000)}`);
process.exit(1);
