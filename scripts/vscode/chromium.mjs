// Debian's chromium drives the workbench in the VS Code suites (playwright-core downloads no browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';
const installCommand = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium';

/**
 * Installs chromium when it is missing and this process may (root, with apt-get), as a fresh CI
 * machine needs; otherwise returns the one command the user has to run, so the tests stop at once.
 */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return undefined;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    console.log('Installing chromium for the VS Code suites…');
    const status = spawnSync('sh', ['-c', `${installCommand} >/dev/null`], { stdio: 'inherit' }).status;
    if (status === 0 && existsSync(chromiumPath)) return undefined;
  }
  return `Chromium is missing. Install it, then run the tests again:\n  sudo sh -c '${installCommand}'`;
}
