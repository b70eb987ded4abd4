// The one test command (`npm test`): builds, runs every suite, and ends with one line
//   N passed, N failed, N skipped
// added up across the unit suites (plain Node) and the suites that run in a real VS Code.
// Lint and the type check are one suite each: one passed test when clean, one failed when not.
// A suite that cannot start counts as one failure, so a broken launcher never looks green.
//   --only checks | unit | vscode    run one group
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './vscode/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const resultsDir = join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Runs a command as one counted suite; its output stays on screen. */
function check(name, command, args) {
  return (results) => {
    console.log(`\n${name}: ${[command, ...args].join(' ')}`);
    const ok = run(command, args) === 0;
    console.log(ok ? `  ✓ ${name}` : `  ✗ ${name} failed (output above)`);
    const failures = ok ? [] : [{ title: name, error: 'see its output above' }];
    writeFileSync(results, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, failures }));
    return 0;
  };
}

const groups = [
  { name: 'checks', run: check('lint', 'npm', ['run', '--silent', 'lint']) },
  { name: 'checks', run: check('typecheck', 'npm', ['run', '--silent', 'typecheck']) },
  {
    name: 'unit',
    run: (results) =>
      run(process.execPath, [
        join(root, 'node_modules/mocha/bin/mocha.js'),
        '--reporter', join(root, 'scripts/mocha-reporter.cjs'),
        '--timeout', '20000',
        '--recursive', 'out/test/unit',
      ], { OPS_TASKS_RESULTS: results }),
  },
  {
    name: 'l10n',
    run: (results) => run(process.execPath, [join(root, 'scripts/check-l10n.mjs')], { OPS_TASKS_RESULTS: results }),
  },
  {
    name: 'vscode',
    available: () => existsSync(join(root, 'scripts/vscode-test.mjs')),
    run: (results) => run(process.execPath, [join(root, 'scripts/vscode-test.mjs')], { OPS_TASKS_RESULTS: results }),
  },
];

if (!only || only === 'vscode') {
  const missing = ensureChromium();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
/** Every failed test's title and message, repeated just above the summary so a log's tail names them. */
const failures = [];
if (run(process.execPath, [join(root, 'scripts/build.mjs')]) !== 0) {
  total.failed += 1;
  console.error('build failed');
} else {
  for (const group of groups) {
    if (only && group.name !== only) continue;
    if (group.available && !group.available()) continue;
    const results = join(resultsDir, `${group.name}-${groups.indexOf(group)}.json`);
    const status = group.run(results);
    let counts;
    try {
      counts = JSON.parse(readFileSync(results, 'utf8'));
    } catch {
      counts = { passed: 0, failed: 0, skipped: 0 };
    }
    // Each results file may hold several suites (the VS Code launcher writes an array).
    for (const c of [].concat(counts)) {
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      for (const f of c.failures ?? []) failures.push(`${group.name}: ${f.title}\n    ${String(f.error).split('\n')[0]}`);
    }
    if (status !== 0 && [].concat(counts).every((c) => c.failed === 0)) {
      console.error(`${group.name}: exited with ${status} without reporting a failed test`);
      total.failed += 1;
      failures.push(`${group.name}: exited with ${status}`);
    }
  }
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
