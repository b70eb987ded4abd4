// The layers of src/, bottom to top (ARCHITECTURE.md draws them): a module may import its own
// layer and the layers below it, never one above. Run by `npm run lint`.
const layers = [
  { name: 'util', paths: ['src/util/'] },
  { name: 'simulator', paths: ['src/simulator/'] },
  { name: 'api', paths: ['src/api/'] },
  { name: 'tasks', paths: ['src/tasks/'] },
  { name: 'connections', paths: ['src/connections/', 'src/demo/', 'src/log\\.ts$', 'src/apiLoader\\.ts$', 'src/registerCommand\\.ts$'] },
  { name: 'tree', paths: ['src/tree/'] },
  { name: 'selection', paths: ['src/selection/'] },
  { name: 'activity', paths: ['src/activity/'] },
  { name: 'commands', paths: ['src/commands/'] },
  { name: 'webview and alerts', paths: ['src/webview/', 'src/alerts/'] },
  { name: 'extension', paths: ['src/extension\\.ts$'] },
];
const pathOf = (layer) => `^(${layer.paths.join('|')})`;

const upwardImports = layers.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer.name.replace(/\W+/g, '-')}`,
  comment: `${layer.name} sits below ${layers.slice(index + 1).map((l) => l.name).join(', ')}: it must not import them.`,
  severity: 'error',
  from: { path: pathOf(layer) },
  to: { path: layers.slice(index + 1).map(pathOf) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upwardImports,
    {
      name: 'no-unlayered-module',
      comment: 'Every module of src/ belongs to a layer above: a new folder is given its place there.',
      severity: 'error',
      from: { path: '^src/', pathNot: layers.map(pathOf) },
      to: {},
    },
    {
      name: 'no-vscode-below-connections',
      comment: 'src/util, src/api, src/tasks and src/simulator know nothing of VS Code.',
      severity: 'error',
      from: { path: '^src/(util|api|tasks|simulator)/' },
      to: { path: '^vscode$' },
    },
    {
      name: 'no-api-in-simulator',
      comment: 'The simulator answers as the real servers do: it shares nothing with our client.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead (entry points excepted).',
      severity: 'error',
      from: {
        orphan: true,
        path: '^src/',
        pathNot: ['\\.d\\.ts$', '^src/extension\\.ts$', '^src/api/index\\.ts$', '^src/simulator/cli\\.ts$'],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // The demo loads the simulator's bundle beside its own at run time (dist/simulator.js).
      to: { couldNotResolve: true, pathNot: ['^vscode$', '^\\./simulator\\.js$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist|node_modules)/' },
  },
};
