// `npm run simulator -- --help` prints usage naming every switch the simulator takes, and exits 0.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantChoices } from '../../src/simulator/types';

const root = join(__dirname, '../../..');

describe('simulator CLI --help', () => {
  it('lists every switch the CLI parses, with the server variants and their values', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist/simulator-cli.js'), '--help'], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(result.status, 0, result.stderr);
    const help = result.stdout;
    assert.match(help, /^Usage: npm run simulator -- \[options\]/);
    const parsed = [...readFileSync(join(root, 'src/simulator/cli.ts'), 'utf8').matchAll(/case '(--[a-z-]+)'/g)].map((match) => match[1]!);
    assert.ok(parsed.length >= 10, 'the switches were read from the source');
    for (const flag of parsed) assert.ok(help.includes(`${flag} `), `${flag} is listed`);
    for (const [key, choices] of Object.entries(variantChoices)) {
      const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      // A switch that is on or off (`--jp1ao-long-running`) takes no value.
      const listed = (choices as readonly unknown[]).includes(true) ? `${flag} ` : `${flag} ${choices.join('|')}`;
      assert.ok(help.includes(listed), `${flag} is listed with its values`);
    }
  });

  it('an unknown switch points at --help', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist/simulator-cli.js'), '--nope'], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown option --nope \(--help lists them\)/);
  });
});
