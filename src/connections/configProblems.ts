/** What is wrong with one entry of `opsTasks.connections`, without VS Code (so it can be tested alone). */
import { allProducts } from '../tasks/products';
import { isRecord } from '../util/values';
import { t } from '../tasks/l10n';

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
  } catch {
    return false;
  }
}

/** An `http://` address: the password and everything else travel unencrypted. */
export function isPlainHttp(text: string): boolean {
  try {
    return new URL(text).protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * An `http://` address off this machine: the password would cross the network in clear text.
 * Loopback (the demo's simulators) never leaves the machine, so it is not warned about.
 */
export function sendsInClearText(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' && !isLoopback(url.hostname);
  } catch {
    return false;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** A `user:password@` in the URL: dropped from requests, but kept in settings and shown in the tooltip. */
export function hasUrlCredentials(text: string): boolean {
  try {
    const url = new URL(text);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/**
 * A JP1/AO user name with `:`: Basic sign-in sends `user:password`, and the server splits at the
 * first colon, so it would read another user (and part of the password as the name).
 */
export function userNameBreaksSignIn(kind: unknown, username: string): boolean {
  return kind === 'jp1ao' && username.includes(':');
}

/** Why a typed server URL is refused (Add/Edit Connection), or undefined. */
export function typedUrlProblem(text: string): string | undefined {
  if (!isHttpUrl(text.trim())) return t('Enter a URL starting with https:// (or http://)');
  if (hasUrlCredentials(text.trim())) return t('Leave the user name and password out of the URL: the next steps ask for them, and the password is kept in secret storage, never in settings.');
  return undefined;
}

/** Why a typed user name is refused (Add/Edit Connection), or undefined. */
export function typedUserNameProblem(kind: unknown, text: string): string | undefined {
  if (!text.trim()) return t('Enter the user name');
  if (userNameBreaksSignIn(kind, text.trim())) return t('A JP1/AO user name cannot contain ":": the server would read the part after it as the password.');
  return undefined;
}

/** The reason an entry cannot be used, shown on its tree node; undefined when it is fine. */
export function connectionProblem(entry: unknown, seen: ReadonlySet<string>): string | undefined {
  if (!entry || typeof entry !== 'object') return t('is not an object');
  const { name, kind, baseUrl, username, tls } = entry as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return t('has no name');
  if (seen.has(name)) return t('uses the name "{0}" twice', name);
  if (!allProducts.some((info) => info.product === kind)) return t('needs "kind": {0}', allProducts.map((info) => `"${info.product}"`).join(' or '));
  if (typeof baseUrl !== 'string' || !isHttpUrl(baseUrl)) return t('needs a "baseUrl" like https://host:port');
  if (hasUrlCredentials(baseUrl)) return t('has a user name or password in its "baseUrl": remove them (the password belongs in secret storage)');
  if (typeof username !== 'string' || !username) return t('needs a "username"');
  if (userNameBreaksSignIn(kind, username)) return t('has a JP1/AO "username" with ":" in it, which sign-in would read as another user');
  if (isPlainHttp(baseUrl) && isRecord(tls) && (tls.fingerprint256 || tls.caFile)) {
    // Without TLS there is no certificate to pin or check: the setting would be silently ignored.
    return t('has a certificate pin or CA file, but its "baseUrl" is http:// (no TLS): use https:// or remove "tls"');
  }
  return undefined;
}
