// The README and the log agree: successful polls are logged at debug level, and the README says so
// and how to see them.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

describe('README and log', () => {
  it('says successful polls are at Debug level and how to show them, as the registry logs them', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.match(readme, /successful reads \(the routine polls\) are logged at \*\*Debug\*\* level/);
    assert.match(readme, /\*\*Developer: Set Log Level…\*\*, pick \*\*Ops Tasks\*\* and choose \*\*Debug\*\*/);
    assert.doesNotMatch(readme, /Everything the extension sends is listed/);
    const registry = readFileSync(join(root, 'src/connections/registry.ts'), 'utf8');
    assert.match(registry, /if \(routine\) log\(\)\.debug\(line\);\s*else log\(\)\.info\(line\);/);
  });
});
