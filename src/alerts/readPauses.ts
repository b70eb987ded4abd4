/**
 * When the watched tasks of a connection are read again after a failed read: a sign-in failure
 * waits five minutes (an account must not be locked), a busy server (429, or 503 with Retry-After)
 * at least as long as it asked, as the tree's polling does. No `vscode` import: tested over
 * loopback in plain Node.
 */
import { apiErrorOf } from '../tasks/errorText';

/** After a sign-in failure the watched tasks of that connection wait this long. */
export const signInPauseMs = 5 * 60_000;

export class ReadPauses {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Notes a failed read of this connection's watched tasks; answers the pause it starts, in ms
   * (0: none, the next tick reads again). `signIn`: the read failed for want of a valid sign-in.
   */
  failed(connection: string, error: unknown, signIn: boolean): number {
    const busy = apiErrorOf(error);
    const pauseMs = signIn ? signInPauseMs : busy?.kind === 'busy' ? (busy.retryAfterMs ?? 0) : 0;
    if (pauseMs > 0) this.until.set(connection, Math.max(this.until.get(connection) ?? 0, this.now() + pauseMs));
    return pauseMs;
  }

  /** Whether this connection's watched tasks are to be left alone now. */
  paused(connection: string): boolean {
    return (this.until.get(connection) ?? 0) > this.now();
  }
}
