/**
 * The first load of each connection the tree shows. VS Code's tree is never made to wait for one:
 * it fetches the children of every expanded connection in one batch and stores the whole answer,
 * so a connection that answered slowly would hold the others' rows back while their refreshes
 * retire the handles those rows point at.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';

export interface FirstLoad {
  /** The load waits for the user to type the password. */
  prompting: boolean;
  done: Promise<void>;
}

export class FirstLoads {
  private readonly running = new Map<Connection, FirstLoad>();
  /** Password prompts wait for each other: VS Code shows one input box at a time. */
  private passwordPrompts: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly showProgress: <T>(work: Promise<T>) => Promise<T>,
    /** The load now waits for a password (its "Loading…" row says so). */
    private readonly onPrompting: (connection: Connection) => void,
  ) {}

  /** Starts the connection's first load unless it runs already; one password prompt at most. */
  start(connection: Connection): FirstLoad {
    const running = this.running.get(connection);
    if (running) return running;
    const load: FirstLoad = { prompting: false, done: Promise.resolve() };
    connection.firstLoadRunning = true;
    load.done = this.showProgress(this.firstLoad(connection, load))
      .catch(() => undefined) // a failed load is the store's failed state, shown as an error row
      .finally(() => {
        if (this.running.get(connection) !== load) return;
        this.running.delete(connection);
        connection.firstLoadRunning = false;
      });
    this.running.set(connection, load);
    return load;
  }

  /**
   * The first load asks for a missing password once; declining leaves a "Set Password" node.
   * Prompts wait for each other and come in the order the loads started; a connection that has
   * its password loads at once, whoever is being asked.
   */
  private async firstLoad(connection: Connection, load: { prompting: boolean }): Promise<void> {
    const needsPassword = Promise.resolve(connection.hasPassword()).then((has) => {
      // Waiting for its turn at the prompt is waiting for the password too.
      if (!has) {
        load.prompting = true;
        this.onPrompting(connection);
      }
      return !has;
    });
    const turn = this.passwordPrompts.then(async () => {
      if (!(await needsPassword)) return;
      try {
        await vscode.commands.executeCommand('opsTasks.setPassword', connection.name);
      } finally {
        load.prompting = false;
      }
    });
    this.passwordPrompts = turn.catch(() => undefined);
    if (await needsPassword) {
      await turn;
      if (connection.store.state.kind !== 'empty') return; // storing the password refreshed it
    }
    await this.registry.refresh(connection);
  }
}
