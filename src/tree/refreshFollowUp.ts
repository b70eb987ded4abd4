/**
 * VS Code can lose the refresh of a node whose children it is fetching at that moment: the
 * workbench answers the refresh from the fetch already under way, which carries the rows from
 * before the change (and handles the extension host has since retired). A node refreshed for a
 * change is therefore refreshed again when VS Code has not asked for its children within a short
 * while — a few times at most, since a collapsed node is never asked.
 */
export class RefreshFollowUp<N> {
  private readonly waiting = new Map<N, { attempts: number; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly refresh: (node: N) => void,
    private readonly waitMs = 1000,
    private readonly maxAttempts = 3,
  ) {}

  /** The node was refreshed for a change: VS Code should ask for its children soon. */
  refreshed(node: N): void {
    this.expect(node, 0);
  }

  /** VS Code asked for the node's children: it has the current ones. */
  asked(node: N): void {
    const entry = this.waiting.get(node);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(node);
  }

  private expect(node: N, attempts: number): void {
    const previous = this.waiting.get(node);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      this.waiting.delete(node);
      if (attempts + 1 > this.maxAttempts) return;
      this.refresh(node);
      this.expect(node, attempts + 1);
    }, this.waitMs);
    timer.unref?.();
    this.waiting.set(node, { attempts, timer });
  }

  dispose(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
