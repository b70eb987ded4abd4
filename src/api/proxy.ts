/** Which proxy, if any, a connection goes through. */
import { ApiError } from './errors';
import type { ProxySettings } from './httpTypes';

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Proxy settings from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (either case). The extension passes
 * `http.proxy`/`http.noProxy` instead when those are set.
 */
export function proxyFromEnvironment(
  env: Record<string, string | undefined> = process.env,
  protocol: 'https:' | 'http:' = 'https:',
): ProxySettings {
  const pick = (...names: string[]) => names.map((name) => env[name]?.trim()).find((value) => value);
  const url =
    protocol === 'https:'
      ? pick('HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy')
      : pick('HTTP_PROXY', 'http_proxy');
  const noProxy = splitList(pick('NO_PROXY', 'no_proxy'));
  return { url, noProxy: noProxy.length > 0 ? noProxy : undefined };
}

function defaultPort(target: URL): string {
  return target.port || (target.protocol === 'https:' ? '443' : '80');
}

function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address. */
function parseEntry(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { host: withPort[1], port: withPort[2] };
  return { host: entry };
}

/**
 * One `NO_PROXY` entry against the target: `*` (everything), `host` (that host and its
 * subdomains), `.suffix` / `*.suffix` (subdomains only), each optionally with `:port`.
 */
function bypassedBy(entry: string, target: URL): boolean {
  if (entry === '*') return true;
  const { host: pattern, port } = parseEntry(entry);
  if (port !== undefined && port !== defaultPort(target)) return false;
  const host = bareHost(target.hostname);
  const suffix = pattern.startsWith('*.') ? pattern.slice(1) : pattern;
  if (suffix.startsWith('.')) return host.endsWith(bareHost(suffix));
  return host === bareHost(pattern) || host.endsWith(`.${bareHost(pattern)}`);
}

export function bypassesProxy(target: URL, noProxy: readonly string[] = []): boolean {
  return noProxy.some((entry) => bypassedBy(entry.trim().toLowerCase(), target));
}

/**
 * The proxy URL to use for `target`, or undefined for a direct connection. Throws ApiError
 * `invalidInput` when the proxy setting is not a URL (without repeating it: it may hold a password).
 */
export function proxyUrlFor(target: URL, proxy: ProxySettings | undefined): string | undefined {
  const setting = proxy?.url?.trim();
  if (!setting || bypassesProxy(target, proxy?.noProxy)) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`;
  if (!URL.canParse(url)) throw new ApiError('invalidInput', 'The proxy setting is not a valid URL.');
  return url;
}
