import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The extension bundle loads the HTTP layer lazily (dist/api.js); a value import from src/api anywhere
// but the loader would inline a second copy, with its own ApiError class, into dist/extension.js.
describe('dist/extension.js', () => {
  it('holds no module of src/api, only the loader that reaches dist/api.js', () => {
    const root = join(__dirname, '..', '..', '..');
    const meta = JSON.parse(readFileSync(join(root, 'dist', 'extension.meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const bundle = meta.outputs['dist/extension.js'];
    assert.ok(bundle, 'the metafile describes dist/extension.js');
    const inputs = Object.keys(bundle.inputs);
    assert.ok(inputs.includes('src/apiLoader.ts'), 'the loader is in the bundle');
    assert.deepEqual(inputs.filter((input) => input.startsWith('src/api/')), []);
  });
});
