// The VS Code server (1.100.3, the server and web workbench shipped in the code-server npm package)
// that the tests and `npm start` run: installed once from the npm registry, so no other download
// site is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const codeServerVersion = '4.100.3';
const cacheDir = join(root, '.vscode-test/code-server');
const vscodeDir = join(cacheDir, 'node_modules/code-server/lib/vscode');
const serverMain = join(vscodeDir, 'out/server-main.js');
const installedMarker = join(cacheDir, `installed-${codeServerVersion}`);

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
