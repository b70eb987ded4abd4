// Header parsing both servers need.
import type { IncomingHttpHeaders } from 'node:http';

export type Authorization =
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'hsso'; token: string }
  | { scheme: 'none' }
  | { scheme: 'invalid' };

export function parseAuthorization(headers: IncomingHttpHeaders): Authorization {
  const value = headers.authorization;
  if (!value) return { scheme: 'none' };
  const [scheme, ...rest] = value.trim().split(/\s+/);
  const credentials = rest.join(' ');
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { scheme: 'invalid' };
    return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (/^hsso$/i.test(scheme) && credentials) return { scheme: 'hsso', token: credentials };
  return { scheme: 'invalid' };
}

export function parseCookies(headers: IncomingHttpHeaders): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
