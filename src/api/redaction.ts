/** Keeps passwords, tokens and session ids out of anything shown or logged. */

const REDACTED = '***';

const SECRET_WORDS = 'pass|pwd|secret|token|auth|session|csrf|cookie|credential';

/** Names of fields, headers and query keys whose values must never be shown. */
const SECRET_NAME = new RegExp(`(?:${SECRET_WORDS})|key$`, 'i');

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;
const AUTH_SCHEME_VALUE = /\b(Basic|Bearer|HSSO|Digest|Negotiate|NTLM)\s+[A-Za-z0-9+/=._~-]{4,}/gi;
/** `name=value`, `name: value`, `"name": "value"` where the name looks secret. */
const SECRET_NAMED_VALUE = new RegExp(
  `(?<![\\w.-])(["']?)([\\w.-]*(?:(?:${SECRET_WORDS})[\\w.-]*|key))\\1(\\s*[:=]\\s*)("[^"]*"?|'[^']*'?|[^\\s,;&"'<>{}]+)`,
  'gi',
);
/** `token abc123…`: a secret word followed by something that looks generated (it has a digit). */
const SPACED_SECRET = /\b(token|password|passwd|secret)\s+(?=\S*\d)[^\s,;]{6,}/gi;

/** The text with anything that looks like a credential replaced by `***`. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(AUTH_SCHEME_VALUE, `$1 ${REDACTED}`)
    .replace(SECRET_NAMED_VALUE, (_whole, quote: string, name: string, separator: string, value: string) => {
      const valueQuote = /^["']/.test(value) ? value[0] : '';
      return `${quote}${name}${quote}${separator}${valueQuote}${REDACTED}${valueQuote}`;
    })
    .replace(SPACED_SECRET, `$1 ${REDACTED}`);
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

/** Only the start of a huge body is looked at: an excerpt never needs more. */
const EXCERPT_WINDOW = 100_000;
const DEFAULT_EXCERPT_LENGTH = 160;

const HIDDEN_ELEMENTS = /<(script|style|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
const TAGS = /<\/?[a-z!][^>]*(?:>|$)/gi;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const NAMED_ENTITIES = new Map<string, string>(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }));

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES.get(entity.toLowerCase()) ?? whole;
    const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A short, tag-free, whitespace-folded excerpt of a body, safe to show. */
export function safeExcerpt(text: string, max = DEFAULT_EXCERPT_LENGTH): string {
  const visible = decodeEntities(
    text.slice(0, EXCERPT_WINDOW).replace(HIDDEN_ELEMENTS, ' ').replace(COMMENTS, ' ').replace(TAGS, ' '),
  );
  const folded = redactSecrets(visible.replace(CONTROL_CHARACTERS, ' ')).replace(/\s+/g, ' ').trim();
  return folded.length <= max ? folded : `${folded.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
