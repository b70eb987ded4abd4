/**
 * The page's texts in VS Code's display language. The extension host puts its loaded l10n bundle
 * (English message → translation) on <body data-l10n>; English needs none. `{0}` as in vscode.l10n.t.
 */
const bundle: Record<string, string> = (() => {
  try {
    const parsed: unknown = JSON.parse(document.body.dataset.l10n ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
})();

export function l10n(message: string, ...args: Array<string | number>): string {
  const text = Object.hasOwn(bundle, message) && typeof bundle[message] === 'string' ? bundle[message] : message;
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
