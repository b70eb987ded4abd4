import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders a form page may load from; nothing else of the extension or the disk is reachable. */
export function formResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'media')];
}

/**
 * The page shell: a strict CSP (no inline script, no eval, only our nonce-tagged bundle), the
 * shared style sheet and the page's bundle `dist/media/<page>.js`. The page builds its content
 * itself with textContent, so no server string ever passes through HTML here. `restore` (ids, no
 * secrets) is kept in the page's state so the panel can be rebuilt after a window reload. The page's
 * own texts come in the display language as the loaded l10n bundle on <body data-l10n>.
 */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: string, title: string, restore?: unknown): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', `${page}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'forms.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    // The textarea component draws its resize grip with a data: PNG; images cannot run code.
    'img-src data:',
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body data-l10n="${escapeHtml(JSON.stringify(vscode.l10n.bundle ?? {}))}"${restore === undefined ? '' : ` data-restore="${escapeHtml(JSON.stringify(restore))}"`}>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
