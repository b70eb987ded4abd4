// Every text of ours shown to users exists in English and Japanese.
//   node scripts/check-l10n.mjs           checks; prints what is missing; exit 1 on a gap
//   node scripts/check-l10n.mjs --write   rewrites l10n/bundle.l10n.json from the sources first
// Checks: (1) every string passed to vscode.l10n.t, to src/tasks' t() or to the pages' l10n() is in
// l10n/bundle.l10n.json, (2) has a translation in l10n/bundle.l10n.ja.json, (3) every %key% in
// package.json has package.nls.json and package.nls.ja.json entries, (4) heuristic: no English literal
// goes unwrapped to a notification, dialog, input box, quick pick, tree item, description or tooltip.
// With OPS_TASKS_RESULTS set, the checks' counts are written there (one check = one test).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sourceDirs = ['src', 'media/src'];
const excluded = ['src/api', 'src/simulator'];

function sourceFiles(dir) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (excluded.includes(path)) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const literal = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\$]|\\.)*\`)`;
/** vscode.l10n.t('…'), the task model's t('…') and the pages' l10n('…'), first argument a literal. */
const callPattern = new RegExp(String.raw`(?:vscode\.l10n\.t|(?<![\w.$])t|(?<![\w.$])l10n)\(\s*${literal}`, 'g');
const unwrappedPatterns = [
  /show(?:Information|Warning|Error)Message\(\s*['"`][A-Za-z]/,
  /\b(?:title|prompt|placeHolder|placeholder):\s*['"`][A-Za-z][^'"`]*\s[^'"`]*['"`]/,
  /new vscode\.TreeItem\(\s*['"`][A-Za-z]/,
  /\.(?:description|tooltip|message)\s*=\s*['"`][A-Za-z]/,
  /(?:return|=)\s*new Error\(\s*['"`][A-Z][a-z]+ [a-z]/,
];

const messages = new Map(); // message → first place it is used
const unwrapped = [];
for (const file of sourceDirs.flatMap(sourceFiles)) {
  const text = readFileSync(join(root, file), 'utf8');
  const translates = file.startsWith('media/') || file.startsWith('src/tasks/') || /import \{[^}]*\bt\b[^}]*\} from '[./]*tasks\/l10n'/.test(text) || text.includes('vscode.l10n.t(');
  if (!translates) continue;
  for (const match of text.matchAll(callPattern)) {
    const message = Function(`"use strict"; return (${match[1]});`)();
    if (!messages.has(message)) messages.set(message, `${file}:${text.slice(0, match.index).split('\n').length}`);
  }
}
for (const file of sourceDirs.flatMap(sourceFiles)) {
  readFileSync(join(root, file), 'utf8').split('\n').forEach((line, index) => {
    if (/^\s*(\/\/|\*)/.test(line) || line.includes('l10n-ignore')) return;
    if (unwrappedPatterns.some((pattern) => pattern.test(line))) unwrapped.push(`${file}:${index + 1}: ${line.trim()}`);
  });
}

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
if (process.argv.includes('--write')) {
  const sorted = Object.fromEntries([...messages.keys()].sort().map((message) => [message, message]));
  writeFileSync(join(root, 'l10n/bundle.l10n.json'), `${JSON.stringify(sorted, null, 2)}\n`);
}
const bundle = readJson('l10n/bundle.l10n.json');
const japanese = readJson('l10n/bundle.l10n.ja.json');
const nls = readJson('package.nls.json');
const nlsJa = readJson('package.nls.ja.json');
const nlsKeys = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
const placeholders = (text) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();

const checks = [
  ['every translated string is in l10n/bundle.l10n.json', [...messages].filter(([m]) => !Object.hasOwn(bundle, m)).map(([m, where]) => `${where}: ${JSON.stringify(m)}`)],
  ['every string has a Japanese translation with the same placeholders', Object.keys(bundle).flatMap((m) => {
    if (!Object.hasOwn(japanese, m) || typeof japanese[m] !== 'string' || !japanese[m].trim()) return [`no Japanese for ${JSON.stringify(m)}`];
    return placeholders(m) === placeholders(japanese[m]) ? [] : [`placeholders differ: ${JSON.stringify(m)} → ${JSON.stringify(japanese[m])}`];
  })],
  ['every %key% of package.json is in package.nls.json and package.nls.ja.json', nlsKeys.flatMap((key) => [
    ...(Object.hasOwn(nls, key) ? [] : [`package.nls.json lacks ${key}`]),
    ...(Object.hasOwn(nlsJa, key) ? [] : [`package.nls.ja.json lacks ${key}`]),
  ])],
  ['no English literal is shown unwrapped', unwrapped],
];

let failed = 0;
for (const [title, problems] of checks) {
  if (problems.length) {
    failed += 1;
    console.log(`  ✗ ${title}\n${problems.map((p) => `      ${p}`).join('\n')}`);
  } else console.log(`  ✓ ${title}`);
}
console.log(`l10n: ${messages.size} strings, ${nlsKeys.length} package.json keys`);
if (process.env.OPS_TASKS_RESULTS) {
  writeFileSync(process.env.OPS_TASKS_RESULTS, JSON.stringify({ passed: checks.length - failed, failed, skipped: 0 }));
}
process.exit(failed ? 1 : 0);
