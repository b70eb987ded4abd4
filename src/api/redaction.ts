/** Keeps passwords, tokens and session ids out of anything shown or logged. */
import { capText, shortTextLength, visibleText } from '../util/plainText';

const REDACTED = '***';

const SECRET_WORDS = 'pass|pwd|secret|token|auth|session|csrf|cookie|credential';

/** Names of fields, headers and query keys whose values must never be shown. */
const SECRET_NAME = new RegExp(`(?:${SECRET_WORDS})|key$`, 'i');

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/*
 * The patterns below must stay linear on hostile text (100 KB of `passwordpassword…` in an error
 * body): a name is matched only from the start of a run of name characters and taken whole, as
 * `(?=(x+))\1` (an atomic group), so a failed match never backtracks through the run it started in.
 */
const URL_USERINFO = /(?<![a-z0-9+.-])(?=([a-z][a-z0-9+.-]*:\/\/))\1[^\s/@:]+:[^\s/@]+@/gi;
/** `HSSO abc…`, also `HSSO token abc…` (the word "token" is not the secret). */
const AUTH_SCHEME_VALUE = /\b(Basic|Bearer|HSSO|Digest|Negotiate|NTLM)\s+(?:token\s+)?[A-Za-z0-9+/=._~-]{4,}/gi;
/** `<password>…</password>` and the like: an element named like a secret. */
const SECRET_ELEMENT = new RegExp(`<((?=([\\w.-]*))\\2)(?<=(?:${SECRET_WORDS})[\\w.-]*)>[^<]*`, 'gi');
/** `<input name="password" value="…">`: a form field named like a secret, its value given after the name. */
const SECRET_FIELD_VALUE = new RegExp(
  `(\\bname\\s*=\\s*["']?(?=([\\w.-]+))\\2(?<=(?:${SECRET_WORDS})[\\w.-]*)["']?[^<>]{0,200}?\\bvalue\\s*=\\s*)("[^"]*"?|'[^']*'?|[^\\s>]+)`,
  'gi',
);
/** `name=value`, `name: value`, `"name": "value"` where the name looks secret (checked looking back over the name only). */
const SECRET_NAMED_VALUE = new RegExp(
  `(?<![\\w.-])(["']?)(?=([\\w.-]+))\\2(?<=(?:${SECRET_WORDS})[\\w.-]*|key)\\1(?=(\\s*))\\3([:=])(?=(\\s*))\\5("(?:[^"\\\\]|\\\\.)*"?|'[^']*'?|[^\\s,;&"'<>{}]+)`,
  'gi',
);
/** `token abc123…`: a secret word followed by something that looks generated (it has a digit). */
const SPACED_SECRET = /\b(token|password|passwd|secret)\s+(?=\S*\d)[^\s,;]{6,}/gi;

/** The text with anything that looks like a credential replaced by `***`. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(AUTH_SCHEME_VALUE, `$1 ${REDACTED}`)
    .replace(SECRET_NAMED_VALUE, (_whole, quote: string, name: string, before: string, separator: string, after: string, value: string) => {
      const valueQuote = /^["']/.test(value) ? value[0] : '';
      return `${quote}${name}${quote}${before}${separator}${after}${valueQuote}${REDACTED}${valueQuote}`;
    })
    .replace(SPACED_SECRET, `$1 ${REDACTED}`)
    .replace(SECRET_ELEMENT, (_whole, name: string) => `<${name}>${REDACTED}`)
    .replace(SECRET_FIELD_VALUE, (_whole, before: string, _name: string, value: string) => {
      const quote = /^["']/.test(value) ? value[0] : '';
      return `${before}${quote}${REDACTED}${quote}`;
    });
}

/** `path?query` with the values of secret-looking query keys replaced by `***`. */
export function redactPathQuery(pathAndQuery: string): string {
  const queryStart = pathAndQuery.indexOf('?');
  if (queryStart < 0) return pathAndQuery;
  const query = pathAndQuery
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && isSecretName(safeDecode(key)) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${pathAndQuery.slice(0, queryStart)}?${query}`;
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

/** The response's scrubber of known secrets (identity for a response built without one). */
export function scrubberOf(response: { scrub?: (text: string) => string }): (text: string) => string {
  return response.scrub ?? ((text) => text);
}

const DEFAULT_EXCERPT_LENGTH = 160;

/** A short, tag-free, whitespace-folded excerpt of a body, safe to show. */
export function safeExcerpt(text: string, max = DEFAULT_EXCERPT_LENGTH): string {
  return capText(redactSecrets(visibleText(text)), max);
}

/** Longest server text kept whole on an error, for the log and the details. */
const FULL_TEXT_LENGTH = 100_000;

/** A server's message as the user sees it: plain, one line, about 300 characters, nothing secret. */
export function shortServerText(text: string): string {
  return safeExcerpt(text, shortTextLength);
}

/** A server's message as the log and the details keep it: whole (up to 100 KB), nothing secret. */
export function fullServerText(text: string): string {
  return redactSecrets(capText(text, FULL_TEXT_LENGTH));
}
