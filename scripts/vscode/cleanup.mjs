// What the launcher starts or creates is removed on exit or on a signal, so nothing outlives a run.
import { rmSync } from 'node:fs';

/**
 * Every server started here, so that an exit or a signal never leaves one behind. Each runs in its
 * own process group, killed as a whole: the extension host it forks would otherwise outlive it.
 */
export const children = new Set();
const temporaryDirs = new Set();
export function removeOnExit(dir) {
  temporaryDirs.add(dir);
  return dir;
}
export function killGroup(child, signal) {
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
