import type { ConnectionConfig } from './config';
import type { Credentials } from './credentials';
import { createSession, type ProductSession } from './session';
import { Poller, type PollIntervals } from '../tasks/poller';
import { TaskStore } from '../tasks/store';
import type { TaskQuery } from '../tasks/query';
import type { RequestLogEntry } from '../api/http';

/** No password is stored for this connection yet. */
export class MissingPasswordError extends Error {
  constructor(readonly connection: string) {
    super(`No password is stored for ${connection}.`);
    this.name = 'MissingPasswordError';
  }
}

export interface ConnectionOptions {
  pageSize: number;
  intervals: PollIntervals;
  query: TaskQuery;
  onRequest: (connection: string, entry: RequestLogEntry) => void;
}

/**
 * One configured server: its session (HTTP client and product client, built on first use), its
 * task store and its poller. Polling pauses after a sign-in failure, so a wrong password is not
 * tried again and again against an appliance that may lock the account; new credentials resume it.
 */
export class Connection {
  readonly store: TaskStore;
  readonly poller: Poller;
  private session: ProductSession | undefined;

  constructor(
    readonly config: ConnectionConfig,
    private readonly credentials: Credentials,
    private readonly options: ConnectionOptions,
  ) {
    this.store = new TaskStore(() => Promise.resolve(this.productSession().source), options.pageSize, options.query);
    const store = this.store;
    this.poller = new Poller(
      {
        get hasActiveTasks() {
          return store.hasActiveTasks;
        },
        get failing() {
          return store.state.kind === 'failed';
        },
        refresh: (background) => this.refresh(background),
      },
      options.intervals,
    );
  }

  get name(): string {
    return this.config.name;
  }

  /** True when the last failure needs the user (password or certificate), not time. */
  get needsUser(): boolean {
    const state = this.store.state;
    if (state.kind !== 'failed') return false;
    const error = state.error as { kind?: string };
    return error instanceof MissingPasswordError || error.kind === 'auth' || error.kind === 'tls';
  }

  productSession(): ProductSession {
    this.session ??= createSession(this.config, () => this.signInDetails(), (entry) =>
      this.options.onRequest(this.config.name, entry),
    );
    return this.session;
  }

  async refresh(background = false): Promise<void> {
    await this.store.refresh(background);
    this.poller.reschedule();
    if (this.needsUser) this.poller.setWatching(false);
  }

  hasPassword(): Thenable<boolean> {
    return this.credentials.get(this.config).then((password) => password !== undefined);
  }

  /** Drops the session (cookies, tokens) so the next call signs in again with what is stored. */
  async signOut(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.close();
  }

  private async signInDetails(): Promise<{ username: string; password: string }> {
    const password = await this.credentials.get(this.config);
    if (password === undefined) throw new MissingPasswordError(this.config.name);
    return { username: this.config.username, password };
  }

  dispose(): void {
    this.poller.dispose();
    this.store.dispose();
    void this.session?.close();
  }
}
