// The test entry VS Code calls inside the extension host (extensionTestsPath = this folder):
// by scripts/vscode-test.mjs through the VS Code server, and by scripts/desktop-test.mjs through
// @vscode/test-electron. Runs every compiled suite next to this file with the counting reporter.
//
// OPS_TASKS_RESULTS (the launcher's environment reaches the extension host) names the JSON counts
// file; the reporter's output is also appended to `<that file>.log` so the launcher can show it —
// in the server-hosted workbench the host's console only reaches the browser's devtools.
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

const reporterPath = resolve(__dirname, '../../../scripts/mocha-reporter.cjs');

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFilesUnder(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

function mirrorReporterOutputTo(logFile: string): void {
  // Every mocha reporter prints through Base.consoleLog (not in @types/mocha).
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const print = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    print(...args);
    appendFileSync(logFile, `${format(...args)}\n`);
  };
}

export async function run(): Promise<void> {
  const resultsFile = process.env.OPS_TASKS_RESULTS;
  if (resultsFile) mirrorReporterOutputTo(`${resultsFile}.log`);
  // OPS_TASKS_GREP runs only the matching tests while working on one suite.
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: reporterPath, grep: process.env.OPS_TASKS_GREP });
  for (const file of testFilesUnder(__dirname).sort()) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((done) => mocha.run(done));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
