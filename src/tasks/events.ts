/** A minimal event emitter with VS Code's shape, so tasks/ can be unit-tested in plain Node. */
export type Event<T> = (listener: (value: T) => void) => { dispose(): void };

export class EventEmitter<T> {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
