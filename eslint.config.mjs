// Lint rules that keep the architecture, run by `npm test` as one counted suite.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const vscodeBanned = {
  name: 'vscode',
  message: 'src/api and src/simulator know nothing of VS Code.',
};

// Lookups keyed by text a server sent must not reach Object.prototype ("constructor", "__proto__"):
// `in` and `.hasOwnProperty(` see inherited keys, and a constant table typed `Record<string, …>` invites `table[key]`.
// Use a Map, or Object.hasOwn before indexing a plain object.
const ownKeyLookups = [
  {
    // A literal key (`'error' in result`) narrows our own unions and stays allowed.
    selector: "BinaryExpression[operator='in'][left.type!='Literal']",
    message: 'Use Object.hasOwn(object, key) or a Map: `in` also sees inherited keys.',
  },
  {
    selector: "CallExpression[callee.property.name='hasOwnProperty']",
    message: 'Use Object.hasOwn(object, key).',
  },
];
const noStringRecords = {
  selector:
    "VariableDeclarator[init.type='ObjectExpression'][init.properties.length>0] > Identifier > TSTypeAnnotation > TSTypeReference[typeName.name='Record'] > TSTypeParameterInstantiation > TSStringKeyword:first-child",
  message: 'A lookup table keyed by server text is a Map, not a Record<string, …>.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts'],
    rules: {
      // A rest pattern drops members by naming them.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-namespace': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/apiLoader.ts', 'src/api/**', 'src/simulator/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)api(/|$)',
              allowTypeImports: true,
              message: 'Only src/apiLoader.ts loads src/api at run time; elsewhere import its types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [vscodeBanned] }],
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [vscodeBanned],
          patterns: [{ regex: '(^|/)api(/|$)', message: 'The simulator knows nothing of src/api.' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ownKeyLookups] },
  },
  {
    files: ['src/api/**/*.ts', 'src/tasks/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ownKeyLookups, noStringRecords] },
  },
);
