// `npm run test:desktop`: the integration suites (the same run() entry as scripts/vscode-test.mjs)
// in a desktop VS Code that @vscode/test-electron downloads into .vscode-test/. Needs internet
// access once; offline machines use `npm run test:vscode` instead.
//   --vscode-version V   VS Code to download (default 1.100.3, the one the server tests use)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './vscode/install.mjs';
import { makeTestWorkspace } from './vscode/workspace.mjs';

const versionIndex = process.argv.indexOf('--vscode-version');
const version = versionIndex > 0 ? process.argv[versionIndex + 1] : '1.100.3';
const extensionTestsPath = join(root, 'out/test/integration');
const resultsFile = process.env.OPS_TASKS_RESULTS ?? join(root, 'test-results/desktop.json');

if (!existsSync(join(extensionTestsPath, 'index.js'))) {
  console.error('out/test/integration/index.js is missing: run `node scripts/build.mjs` first.');
  process.exit(1);
}

const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
} catch (error) {
  console.error(
    `Could not download VS Code ${version} for the desktop tests: ${error.message ?? error}\n` +
      'test:desktop needs internet access (once; the download is kept in .vscode-test/).\n' +
      'Without it, run the same suites in the bundled VS Code server: npm run test:vscode',
  );
  process.exit(1);
}

const folder = makeTestWorkspace();
rmSync(resultsFile, { force: true });
let status = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    extensionTestsEnv: { OPS_TASKS_RESULTS: resultsFile },
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`desktop tests failed: ${error.message ?? error}`);
  status = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
if (existsSync(resultsFile)) {
  const { passed, failed, skipped } = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (failed > 0) status = 1;
} else {
  console.error('the tests wrote no results');
  status = 1;
}
process.exit(status);
