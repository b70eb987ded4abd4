// Bundles the extension and the test suites with esbuild.
//   node scripts/build.mjs            development build (source maps, readable)
//   node scripts/build.mjs --production   minified build with external source maps (packaging)
//   --quiet                            print nothing unless something fails
//   --no-tests                         only the extension's own bundles (npm start)
//
// The extension is split in lazily loaded bundles so that activate() stays cheap:
//   dist/extension.js   activation, tree, commands (loads the others on first use)
//   dist/api.js         HTTP layer and both product clients, with undici
//   dist/simulator.js   the demo servers behind opsTasks.startDemo
//   dist/simulator-cli.js  `npm run simulator`
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');
const withTests = !production && !process.argv.includes('--no-tests');
const root = new URL('..', import.meta.url).pathname;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? 'linked' : 'inline',
  minify: production,
  logLevel: quiet ? 'error' : 'warning',
  legalComments: 'none',
};

/** Modules the extension bundle loads at run time instead of inlining them. */
const lazyBundles = ['./api.js', './simulator.js'];

function filesUnder(dir, suffix) {
  const full = join(root, dir);
  let found = [];
  for (const name of readdirSync(full)) {
    const path = join(full, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(relative(root, path), suffix));
    else if (name.endsWith(suffix)) found.push(relative(root, path));
  }
  return found;
}

function exists(path) {
  try {
    statSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}

const jobs = [
  build({
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    external: ['vscode', ...lazyBundles],
    // What went into dist/extension.js, read by the test that keeps src/api out of it.
    metafile: true,
  }).then((result) => writeFileSync(join(root, 'dist/extension.meta.json'), JSON.stringify(result.metafile))),
  build({ ...common, entryPoints: { api: 'src/api/index.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { simulator: 'src/simulator/index.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { 'simulator-cli': 'src/simulator/cli.ts' }, outdir: 'dist' }),
];

if (exists('media/src')) {
  jobs.push(
    build({
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: filesUnder('media/src', '.ts').filter((f) => !f.endsWith('.d.ts')),
      outbase: 'media/src',
      outdir: 'dist/media',
    }),
  );
}

if (withTests) {
  // A test deleted from test/ must not keep running from an old bundle.
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const testFiles = ['test/unit', 'test/integration', 'test/e2e', 'test/support', 'bench']
    .filter(exists)
    .flatMap((dir) => filesUnder(dir, '.ts'));
  jobs.push(
    build({
      ...common,
      entryPoints: testFiles,
      outbase: '.',
      outdir: 'out',
      external: ['vscode', 'mocha', 'playwright-core', ...lazyBundles],
    }),
  );
}

await Promise.all(jobs);
if (!quiet) console.log(`built${production ? ' (production)' : ''}`);
