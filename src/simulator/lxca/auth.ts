// LXCA sign-in: sessions (JSESSIONID + csrf cookies, X-Csrf-Token header) or Basic on each call.
import { randomBytes } from 'node:crypto';
import { header, parseAuthorization, parseCookies } from '../headers';
import type { SimRequest, SimResponse } from '../server';
import { lxcaError } from './errors';

export interface LxcaUser {
  username: string;
  password: string;
  /** May create, change, cancel and delete jobs. */
  canChangeJobs: boolean;
}

export const LXCA_USERS: LxcaUser[] = [
  { username: 'admin', password: 'Passw0rd!lxca', canChangeJobs: true },
  { username: 'viewer', password: 'Passw0rd!view', canChangeJobs: false },
];

const INACTIVITY_MS = 1440 * 60_000;

interface Session {
  id: string;
  csrf: string;
  user: LxcaUser;
  loginTime: number;
  lastActivity: number;
}

export class LxcaAuth {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly secure: boolean, private readonly now: () => number = Date.now) {}

  findUser(username: unknown, password: unknown): LxcaUser | undefined {
    return LXCA_USERS.find((u) => u.username === username && u.password === password);
  }

  login(user: LxcaUser): { cookies: string[]; session: Session } {
    const session: Session = { id: randomBytes(16).toString('hex').toUpperCase(), csrf: randomBytes(24).toString('base64url'), user, loginTime: this.now(), lastActivity: this.now() };
    this.sessions.set(session.id, session);
    const flags = `Path=/${this.secure ? '; Secure' : ''}`;
    return { session, cookies: [`JSESSIONID=${session.id}; ${flags}; HttpOnly`, `csrf=${session.csrf}; ${flags}`] };
  }

  logout(req: SimRequest): boolean {
    const id = parseCookies(req.headers).JSESSIONID;
    return id !== undefined && this.sessions.delete(id);
  }

  expireAll(): void {
    this.sessions.clear();
  }

  /** The caller's user, or the 401/403 answer. */
  authenticate(req: SimRequest): LxcaUser | SimResponse {
    const authorization = parseAuthorization(req.headers);
    if (authorization.scheme === 'basic') return this.findUser(authorization.username, authorization.password) ?? lxcaError('badCredentials');
    if (authorization.scheme !== 'none') return lxcaError('notAuthenticated');
    const cookies = parseCookies(req.headers);
    const session = cookies.JSESSIONID ? this.sessions.get(cookies.JSESSIONID) : undefined;
    const now = this.now();
    if (!session || now - session.lastActivity > INACTIVITY_MS) return lxcaError('notAuthenticated');
    const token = header(req.headers, 'x-csrf-token');
    if (!token || token !== session.csrf || (cookies.csrf !== undefined && cookies.csrf !== token)) return lxcaError('csrf');
    // Polling marks itself so it does not keep an idle session alive.
    if (header(req.headers, 'x-not-user-input') !== 'checkSession') session.lastActivity = now;
    return session.user;
  }

  sessionView(session: Session): Record<string, unknown> {
    return {
      id: session.id,
      UserId: session.user.username,
      loginTime: new Date(session.loginTime).toISOString(),
      inactivityTimeoutMinutes: INACTIVITY_MS / 60_000,
    };
  }
}

