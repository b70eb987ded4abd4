// Keeps a store's rows in their places while the user acts on them; the order as read shows when the hold ends.
import type { Task } from './model';
import { inPlacesOf, replaceByKey } from './taskListMerge';

export class OrderHold {
  /** Until when rows keep their places (the user is acting on this connection's tasks). */
  private heldUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The list as read, while the rows keep an older order; shown when the hold ends. */
  private unheld: { tasks: Task[]; total: number } | undefined;

  constructor(
    private readonly now: () => number,
    private readonly showUnheld: (tasks: Task[], total: number) => void,
  ) {}

  /** Keeps the rows in their places for `ms` from now, or longer if already held. */
  hold(ms: number): void {
    const now = this.now();
    this.heldUntil = Math.max(this.heldUntil, now + ms);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), this.heldUntil - now);
  }

  /** The user asked for another order or filter: it shows at once. */
  end(): void {
    this.heldUntil = 0;
  }

  private release(): void {
    this.timer = undefined;
    if (this.now() < this.heldUntil) return this.hold(0);
    const unheld = this.unheld;
    this.unheld = undefined;
    if (unheld) this.showUnheld(unheld.tasks, unheld.total);
  }

  /** The tasks to show for a read: while held, the shown ones in their places (the read kept for later); else as read. */
  arrange(shown: readonly Task[], read: Task[], total: number): Task[] {
    const held = this.now() < this.heldUntil;
    // A read that only updated the rows in place leaves the order read before to be shown later.
    const inPlace = this.unheld && read.length === shown.length && read.every((task, i) => task.key === shown[i]!.key);
    this.unheld = !held ? undefined : inPlace && this.unheld ? { tasks: replaceByKey(this.unheld.tasks, read), total } : { tasks: read, total };
    return held ? inPlacesOf(shown, read) : read;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
