import type * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import type { Parsed } from '../util/schema';

/** The two directions of one page: a webview in production, a plain object in tests. */
export interface FormChannel<Out> {
  post(message: Out): Thenable<boolean>;
  onMessage(listener: (data: unknown) => void): vscode.Disposable;
  /** Renames the page's tab (e.g. to mark unsaved changes); absent where there is no tab. */
  retitle?(title: string): void;
}

/** The host side of one form. `ready` comes first and again after every reload of the page. */
export interface FormController<In extends { type: string }> {
  handle(message: In): Promise<void>;
  dispose?(): void;
}

/** A form about one target on one connection, talking to its page over `channel`. */
export abstract class TargetForm<Target, In extends { type: string }, Out> implements FormController<In> {
  constructor(
    protected readonly registry: ConnectionRegistry,
    protected readonly target: Target,
    protected readonly channel: FormChannel<Out>,
  ) {}

  abstract handle(message: In): Promise<void>;
}

export interface ConnectOptions {
  /** Called for every message that does not fit the schema; it is otherwise ignored. */
  onRejected(problem: string): void;
  /** Called when handling a valid message throws: the controller should have answered itself. */
  onFailure(error: unknown): void;
}

/** Feeds the page's messages to the controller, after checking each against the page's schema. */
export function connectForm<In extends { type: string }>(
  channel: FormChannel<unknown>,
  parse: (data: unknown) => Parsed<In>,
  controller: FormController<In>,
  options: ConnectOptions,
): vscode.Disposable {
  const subscription = channel.onMessage((data) => {
    const parsed = parse(data);
    if (!parsed.ok) {
      options.onRejected(parsed.problem);
      return;
    }
    controller.handle(parsed.value).catch(options.onFailure);
  });
  return {
    dispose() {
      subscription.dispose();
      controller.dispose?.();
    },
  };
}
