// The display language of the VS Code server's web workbench, as a user sets it with
// "Configure Display Language": `"locale"` in the user's argv.json.
//
// The server only honours a locale it has a language pack for (it reads <user-data>/languagepacks.json
// and then sets the workbench's language, which the extension host receives as vscode.env.language).
// Microsoft's language packs cannot be installed offline, so for a locale without one this registers
// an empty pack: VS Code's own texts stay English, while the extension's package.nls.<locale>.json
// and l10n/bundle.l10n.<locale>.json apply as they do under a real pack.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes argv.json and, unless a pack for `locale` is already registered, an empty one. */
export function setDisplayLanguage(userDataDir, locale) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }, null, 2));
  if (locale.startsWith('en')) return;
  const registry = join(userDataDir, 'languagepacks.json');
  const packs = existsSync(registry) ? JSON.parse(readFileSync(registry, 'utf8')) : {};
  if (Object.hasOwn(packs, locale)) return;
  const translations = join(userDataDir, 'empty-language-pack', `${locale}.i18n.json`);
  mkdirSync(join(userDataDir, 'empty-language-pack'), { recursive: true });
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  packs[locale] = {
    hash: `empty-${locale}`,
    extensions: [{ extensionIdentifier: { id: `ops-tasks.empty-language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(registry, JSON.stringify(packs, null, 2));
}
