/**
 * The translate function of the task model. src/tasks runs without VS Code (plain Node tests), so it
 * defaults to English; the extension hands in `vscode.l10n.t` and the display language at activation.
 * Messages use VS Code's `{0}` placeholders and live in l10n/bundle.l10n.json.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));

let translate: Translate = english;
let displayLanguage: string | undefined;

export function t(message: string, ...args: Array<string | number | boolean>): string {
  return translate(message, ...args);
}

/** The language for Intl formatting (dates, relative times); undefined = the runtime's default. */
export function locale(): string | undefined {
  return displayLanguage;
}

export function useTranslation(fn: Translate, language: string | undefined): void {
  translate = fn;
  displayLanguage = language;
}
