// JP1/AO sign-in: Basic or `HSSO <token>`; every success issues/echoes a token that expires
// `lifetimeSeconds` after issue.
import { randomBytes } from 'node:crypto';
import { parseAuthorization } from '../headers';
import type { AoMessageKey } from './messages';

export interface AoUser {
  username: string;
  password: string;
  /** May edit, operate and archive tasks (Admin/Develop/Modify/Submit). */
  canModify: boolean;
  permissions: string[];
}

export const AO_USERS: AoUser[] = [
  { username: 'system', password: 'Passw0rd!jp1ao', canModify: true, permissions: ['Admin', 'Develop', 'Modify', 'Submit'] },
  { username: 'viewer', password: 'Passw0rd!view', canModify: false, permissions: [] },
];

interface Token {
  user: AoUser;
  issuedAt: number;
}

export class AoAuth {
  private readonly tokens = new Map<string, Token>();

  constructor(private readonly lifetimeSeconds: number, private readonly now: () => number = Date.now) {}

  /** The user and the token to answer with, or the 401 message. */
  authenticate(headers: Parameters<typeof parseAuthorization>[0]): { user: AoUser; token: string } | { error: AoMessageKey } {
    const authorization = parseAuthorization(headers);
    if (authorization.scheme === 'basic') {
      const user = AO_USERS.find((u) => u.username === authorization.username && u.password === authorization.password);
      return user ? { user, token: this.issue(user) } : { error: 'unauthorized' };
    }
    if (authorization.scheme !== 'hsso') return { error: 'unauthorized' };
    const token = this.tokens.get(authorization.token);
    if (!token) return { error: 'tokenExpired' };
    if (this.expired(token)) {
      this.tokens.delete(authorization.token);
      return { error: 'tokenExpired' };
    }
    return { user: token.user, token: authorization.token };
  }

  expireAll(): void {
    this.tokens.clear();
  }

  private expired(token: Token): boolean {
    return this.now() - token.issuedAt >= this.lifetimeSeconds * 1000;
  }

  private issue(user: AoUser): string {
    for (const [value, token] of this.tokens) if (this.expired(token)) this.tokens.delete(value);
    const value = randomBytes(32).toString('base64');
    this.tokens.set(value, { user, issuedAt: this.now() });
    return value;
  }
}
