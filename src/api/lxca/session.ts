/**
 * An LXCA web session: `POST /sessions` once, then the session cookies and `X-Csrf-Token` on every
 * call; one new login and one retry when the session has expired (docs/api/lxca.md, "Sign-in"). Credentials are asked
 * for at each login, kept only for that request, and never appear in an error.
 */
import type { HttpClient, HttpRequest, HttpResponse } from '../http';
import { csrfCookieName, loginBodyCsrf, refusedLoginStatuses } from './assumptions';
import { CookieJar } from './cookies';
import { isSessionExpired, lxcaError } from './errors';
import { isRecord } from './text';
import type { LoginResult, LxcaCredentials, RequestOptions } from './types';

export type SessionRequest = Omit<HttpRequest, 'headers' | 'signal'>;

export class LxcaSession {
  private readonly jar = new CookieJar();
  private signedIn = false;
  /** Bumped at each successful login, so callers that saw an older session don't log in twice. */
  private generation = 0;
  private loginInFlight?: Promise<LoginResult>;
  /** The token the login body gave (`session.csrf`), used when no csrf cookie was set. */
  private bodyCsrf?: string;

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: () => Promise<LxcaCredentials>,
  ) {}

  /** Logs in now; calls made meanwhile wait for this same login. */
  login(): Promise<LoginResult> {
    this.loginInFlight ??= this.performLogin().finally(() => {
      this.loginInFlight = undefined;
    });
    return this.loginInFlight;
  }

  /** Ends the session on the server (best effort if it already expired) and forgets it here. */
  async logout(): Promise<void> {
    if (!this.signedIn) return;
    const headers = this.sessionHeaders({});
    this.forget();
    const response = await this.http.request({ method: 'DELETE', path: '/sessions', headers });
    if (response.status >= 300 && !isSessionExpired(response)) throw lxcaError(response, 'Sign out');
  }

  /**
   * Sends a request inside the session and resolves with any status but an expired session:
   * that one is renewed once and the request sent again; a second refusal rejects with `auth`.
   */
  async send(request: SessionRequest, action: string, options: RequestOptions = {}): Promise<HttpResponse> {
    if (!this.signedIn) await this.login();
    const seenGeneration = this.generation;
    const first = await this.sendOnce(request, options);
    if (!isSessionExpired(first)) return first;

    await this.renew(seenGeneration);
    const retry = await this.sendOnce(request, options);
    if (!isSessionExpired(retry)) return retry;
    this.forget();
    throw lxcaError(retry, action, {
      kind: 'auth',
      message: `${action} failed: LXCA refused the session again right after signing in anew`,
    });
  }

  private async renew(seenGeneration: number): Promise<void> {
    if (this.loginInFlight) await this.loginInFlight;
    else if (this.generation === seenGeneration) await this.login();
  }

  private async sendOnce(request: SessionRequest, options: RequestOptions): Promise<HttpResponse> {
    const response = await this.http.request({ ...request, headers: this.sessionHeaders(options), signal: options.signal });
    this.storeCookies(response);
    return response;
  }

  /** Keeps the session cookies, and remembers their values as secrets no error text may carry. */
  private storeCookies(response: HttpResponse): void {
    this.jar.store(response.headers['set-cookie']);
    this.http.secrets.remember(...this.jar.values());
  }

  private sessionHeaders(options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    const cookie = this.jar.header();
    const csrf = this.jar.get(csrfCookieName) ?? this.bodyCsrf;
    if (cookie) headers.Cookie = cookie;
    if (csrf) headers['X-Csrf-Token'] = csrf;
    if (options.background) headers['X-NOT-USER-INPUT'] = 'checkSession';
    return headers;
  }

  private async performLogin(): Promise<LoginResult> {
    this.forget();
    const { username, password } = await this.credentials();
    this.http.secrets.rememberCredentials(username, password);
    const response = await this.http.request({ method: 'POST', path: '/sessions', body: { UserId: username, password } });
    if (refusedLoginStatuses.has(response.status)) {
      throw lxcaError(response, 'Sign in to LXCA', {
        kind: 'auth',
        message: `Sign in to LXCA as ${username} failed: wrong user name or password`,
      });
    }
    if (response.status < 200 || response.status >= 300) throw lxcaError(response, 'Sign in to LXCA');
    this.storeCookies(response);
    this.bodyCsrf = loginBodyCsrf(response.json);
    this.http.secrets.remember(this.bodyCsrf);
    this.signedIn = true;
    this.generation += 1;
    return { passwordChangeRequired: isRecord(response.json) && response.json.pwChangeRequired === true };
  }

  private forget(): void {
    this.jar.clear();
    this.bodyCsrf = undefined;
    this.signedIn = false;
  }
}
