// Mocha reporter: the usual spec output, plus the counts written as JSON to the file named by
// OPS_TASKS_RESULTS so that scripts/test.mjs can add up every suite into one honest summary line.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String(err && err.message) }));
    runner.once('end', () => {
      const file = process.env.OPS_TASKS_RESULTS || (options.reporterOptions || {}).output;
      if (!file) return;
      const { passes, failures: failed, pending } = runner.stats;
      writeFileSync(file, JSON.stringify({ passed: passes, failed, skipped: pending, failures }, null, 2));
    });
  }
}

module.exports = CountingReporter;
