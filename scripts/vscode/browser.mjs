// Headless Chromium driving the web workbench.
import { existsSync } from 'node:fs';
import { chromiumPath, ensureChromium } from './chromium.mjs';

/** Messages from the offline machine that say nothing about the extension under test. */
const offlineNoise = [
  /vscode\.git|git\.|Git extension|github/i,
  /gallery|marketplace|extensionsGallery|update\.code\.visualstudio|open-vsx|ENOTFOUND/i,
  /ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED/i,
  // code-server's web build lacks these files, and its update check 404s without a server.
  /vsda|serviceWorker|Service Worker|bad HTTP response code \(404\)|favicon|\/update\/check/i,
];
export const isOfflineNoise = (text) => offlineNoise.some((pattern) => pattern.test(text));

/**
 * Headless Chromium (Debian's, never a Playwright download) with a fresh profile.
 * Returns { browser, page, consoleErrors, close() }; consoleErrors collects the page's console
 * errors and uncaught exceptions, without the known offline noise.
 */
export async function launchBrowser() {
  const missing = ensureChromium();
  if (missing || !existsSync(chromiumPath)) throw new Error(missing ?? `${chromiumPath} not found`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    // A failed resource load says which one only in its location; drop the log's CSS styling.
    const text = `${message.text()} ${message.location().url ?? ''}`
      .replace(/%c\s*|color: #\w+\s*/g, '')
      .replace(/^\s*ERR\s+/, '')
      .trim();
    if (message.type() === 'error' && !isOfflineNoise(text)) consoleErrors.push(text);
  });
  page.on('pageerror', (error) => {
    if (!isOfflineNoise(String(error))) consoleErrors.push(String(error));
  });
  return { browser, page, consoleErrors, close: () => browser.close() };
}
