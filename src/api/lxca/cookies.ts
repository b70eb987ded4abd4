/**
 * The few cookies an LXCA session needs (JSESSIONID, csrf, …). One server per jar, so domain and
 * path attributes are ignored; a cookie is dropped when the server expires it.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the `set-cookie` header of any response (one string, several, or a comma-joined list). */
  store(setCookie: string | string[] | undefined): void {
    for (const line of splitSetCookie(setCookie)) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = unquote(pair.slice(separator + 1).trim());
      if (isExpired(attributes)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Value of a cookie, its name compared case-insensitively. */
  get(name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (const [key, value] of this.cookies) if (key.toLowerCase() === wanted) return value;
    return undefined;
  }

  /** The `Cookie` request header, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Every cookie's value. */
  values(): string[] {
    return [...this.cookies.values()];
  }

  clear(): void {
    this.cookies.clear();
  }
}

function splitSetCookie(header: string | string[] | undefined): string[] {
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  // A comma also appears inside `Expires=Wed, 21 Oct …`: split only where a new `name=` follows.
  return lines.flatMap((line) => line.split(/,(?=\s*[^;,=\s]+=)/)).filter((line) => line.trim() !== '');
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function isExpired(attributes: string[]): boolean {
  for (const attribute of attributes) {
    const [rawName, ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'max-age' && Number(value) <= 0) return true;
    if (name === 'expires' && Date.parse(value) < Date.now()) return true;
  }
  return false;
}
