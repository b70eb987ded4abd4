/**
 * The secrets of one connection, known by value: its password (and the Basic value made of the
 * user name and it), the JP1/AO HSSO token, the LXCA session cookies and CSRF token. A server that
 * echoes one in an error (`CSRF token mismatch: expected <token>`, `<password>…</password>`, the
 * bare base64 of `user:password`) has it replaced before any pattern rule runs, in every spelling
 * it may take: as sent, URL-encoded, JSON- or HTML-escaped, base64. The pattern rules of
 * redaction.ts stay for the secrets nobody told us about.
 */

const REDACTED = '***';

/** Shorter values are not looked for: replacing every `abc` in a message would hide the message, not a secret. */
export const minSecretLength = 4;

function base64(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const standard = bytes.toString('base64');
  return [standard, standard.replace(/=+$/, ''), bytes.toString('base64url')];
}

function urlEncoded(text: string): string[] {
  try {
    const encoded = encodeURIComponent(text);
    return [encoded, encoded.toLowerCase() === encoded ? encoded : encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), encoded.replace(/%20/g, '+')];
  } catch {
    return []; // a lone surrogate cannot be URL-encoded, so it cannot be echoed so either
  }
}

const htmlEntities: [RegExp, string][] = [[/&/g, '&amp;'], [/</g, '&lt;'], [/>/g, '&gt;'], [/"/g, '&quot;'], [/'/g, '&#39;']];

function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const html = htmlEntities.reduce((text, [pattern, entity]) => text.replace(pattern, entity), secret);
  return [secret, json, html, ...urlEncoded(secret), ...base64(secret)];
}

/** Sessions renew cookies and tokens: only the newest this many values are kept, so a long session stays cheap. */
const maxSecrets = 32;

export class KnownSecrets {
  private readonly secrets = new Set<string>();
  /** Every spelling of every secret, longest first, so a longer form is replaced before a part of it. */
  private forms: string[] = [];

  /** Remembers values to replace from now on (short or empty ones are ignored). */
  remember(...values: readonly (string | undefined)[]): void {
    let added = false;
    for (const value of values) {
      if (typeof value !== 'string' || value.length < minSecretLength) continue;
      if (this.secrets.delete(value)) {
        this.secrets.add(value); // seen again: newest, so a password outlives rotating cookies
        continue;
      }
      this.secrets.add(value);
      added = true;
      if (this.secrets.size > maxSecrets) this.secrets.delete(this.secrets.values().next().value as string);
    }
    if (!added) return;
    const forms = new Set<string>();
    for (const secret of this.secrets) for (const form of spellings(secret)) if (form.length >= minSecretLength) forms.add(form);
    this.forms = [...forms].sort((a, b) => b.length - a.length);
  }

  /** A user name and password: the password, and the Basic value `base64(user:password)`. */
  rememberCredentials(username: string, password: string): void {
    this.remember(password);
    if (password.length >= minSecretLength) this.remember(`${username}:${password}`);
  }

  /** The text with every known secret, in any of its spellings, replaced by `***`. */
  readonly scrub = (text: string): string => {
    let scrubbed = text;
    for (const form of this.forms) if (scrubbed.includes(form)) scrubbed = scrubbed.split(form).join(REDACTED);
    return scrubbed;
  };
}
