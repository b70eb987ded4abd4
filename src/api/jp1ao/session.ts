import type { HttpResponse } from '../http';
import { tokenRenewalMarginMs } from './assumptions';
import type { Jp1aoCredentials } from './types';
import type { KnownSecrets } from '../knownSecrets';

/** Sends one request with the given `Authorization` header value. */
export type Exchange = (authorization: string) => Promise<HttpResponse>;

/** A 401 that signing in again could not cure. */
export class SessionRejected {
  constructor(readonly response: HttpResponse | undefined) {}
}

type SignInOutcome = 'accepted' | 'rejected' | 'failed';

const tokenPattern = /(?:^|[\s,])HSSO\s+([^\s,]+)/i;

function hssoToken(response: HttpResponse): string | undefined {
  const header = response.headers['www-authenticate'];
  for (const value of ([] as string[]).concat(header ?? [])) {
    const token = tokenPattern.exec(value)?.[1];
    if (token) return token;
  }
  return undefined;
}

/**
 * JP1/AO authentication (docs/api/jp1ao.md, "Sign-in"). A request goes with the newest HSSO token while it is young
 * enough, otherwise with Basic. A 401 on a token means the session ended: sign in with Basic once
 * and retry once. A 401 on Basic is final — retrying the same password would only bring an
 * account lockout closer. Calls that need a sign-in while one is under way wait for it and use
 * its token, so a burst of calls after an expiry signs in once.
 */
export class Jp1aoSession {
  private token?: { value: string; receivedAt: number };
  private signIn?: Promise<SignInOutcome>;
  private readonly renewAfterMs: number;

  constructor(
    private readonly credentials: () => Promise<Jp1aoCredentials>,
    lifetimeMs: number,
    private readonly now: () => number,
    private readonly secrets?: KnownSecrets,
  ) {
    this.renewAfterMs = lifetimeMs - tokenRenewalMarginMs(lifetimeMs);
  }

  /** The response of the exchange, or SessionRejected (thrown) when authentication failed. */
  async send(exchange: Exchange): Promise<HttpResponse> {
    const token = this.freshToken();
    if (token !== undefined) {
      const response = await this.withToken(exchange, token);
      if (response.status !== 401) return response;
    }
    return this.afterSignIn(exchange);
  }

  /** Forget the session (e.g. after the password changed). */
  reset(): void {
    this.token = undefined;
  }

  private async afterSignIn(exchange: Exchange): Promise<HttpResponse> {
    const pending = this.signIn;
    const outcome = pending ? await pending : undefined;
    if (outcome === 'rejected') throw new SessionRejected(undefined);
    // Another call may have signed in meanwhile, whether we waited for it or it finished first.
    const token = this.freshToken();
    if (token !== undefined) {
      const response = await this.withToken(exchange, token);
      if (response.status === 401) throw new SessionRejected(response);
      return response;
    }
    return this.signInWith(exchange);
  }

  private async signInWith(exchange: Exchange): Promise<HttpResponse> {
    const attempt = this.basicAuthorization().then((authorization) =>
      this.exchangeAndKeepToken(exchange, authorization, true),
    );
    const outcome = attempt.then(
      (response): SignInOutcome => (response.status === 401 ? 'rejected' : 'accepted'),
      (): SignInOutcome => 'failed',
    );
    this.signIn = outcome;
    void outcome.then(() => {
      if (this.signIn === outcome) this.signIn = undefined;
    });
    const response = await attempt;
    if (response.status === 401) throw new SessionRejected(response);
    return response;
  }

  private async withToken(exchange: Exchange, token: string): Promise<HttpResponse> {
    const response = await this.exchangeAndKeepToken(exchange, `HSSO ${token}`, false);
    if (response.status === 401 && this.token?.value === token) this.token = undefined;
    return response;
  }

  private async exchangeAndKeepToken(
    exchange: Exchange,
    authorization: string,
    signingIn: boolean,
  ): Promise<HttpResponse> {
    const response = await exchange(authorization);
    if (response.status !== 401) this.keep(hssoToken(response), signingIn);
    return response;
  }

  /**
   * A token answering a sign-in was just issued, even when the server hands out the same value
   * again. Otherwise a token's age counts from when it was first seen: a server that repeats it
   * on every response does not extend its life.
   */
  private keep(token: string | undefined, signingIn: boolean): void {
    if (token === undefined) return;
    this.secrets?.remember(token);
    if (signingIn || token !== this.token?.value) this.token = { value: token, receivedAt: this.now() };
  }

  private freshToken(): string | undefined {
    const token = this.token;
    if (token === undefined) return undefined;
    return this.now() - token.receivedAt < this.renewAfterMs ? token.value : undefined;
  }

  private async basicAuthorization(): Promise<string> {
    const { username, password } = await this.credentials();
    this.secrets?.rememberCredentials(username, password);
    return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }
}
