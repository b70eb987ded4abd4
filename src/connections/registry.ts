import * as vscode from 'vscode';
import { setContextKey } from './contextKeys';
import { onDidChangeSettings, settings } from './settings';
import { readConnections, type ConnectionConfig, type InvalidConnection } from './config';
import { Connection } from './connection';
import type { Credentials } from './credentials';
import type { PollIntervals } from '../tasks/poller';
import type { TaskOrder } from '../tasks/ordering';
import type { TaskQuery } from '../tasks/query';
import type { StoreChange } from '../tasks/store';
import { log } from '../log';

export interface RegistryChange {
  connection: Connection;
  change: StoreChange;
}

export function readSettings(): { pageSize: number; intervals: PollIntervals } {
  return { pageSize: settings.pageSize(), intervals: { activeMs: settings.activeIntervalMs(), idleMs: settings.idleIntervalMs() } };
}

/**
 * The live set of connections, kept in step with `opsTasks.connections`, the stored passwords,
 * the filter and whether anyone is looking at the tree (polling runs only then).
 */
export class ConnectionRegistry implements vscode.Disposable {
  private readonly connections = new Map<string, Connection>();
  private invalidEntries: InvalidConnection[] = [];
  private query: TaskQuery = {};
  private watching = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly listChanged = new vscode.EventEmitter<void>();
  private readonly tasksChanged = new vscode.EventEmitter<RegistryChange>();
  /** Connections were added, removed or replaced. */
  readonly onDidChangeConnections = this.listChanged.event;
  /** A connection's tasks or state changed. */
  readonly onDidChangeTasks = this.tasksChanged.event;

  /** `order`: the order the user chose last time, so the first load already uses it. */
  constructor(
    readonly credentials: Credentials,
    order?: TaskOrder,
  ) {
    if (order) this.query = { order };
    this.reload();
    this.disposables.push(
      onDidChangeSettings((event) => this.reload(event)),
      credentials.onDidChange((name) => void this.credentialsChanged(name)),
      this.listChanged,
      this.tasksChanged,
    );
  }

  all(): Connection[] {
    return [...this.connections.values()];
  }

  get(name: string): Connection | undefined {
    return this.connections.get(name);
  }

  /** The connection by name as it is now (a settings change may have replaced the object). */
  current(name: string): Connection {
    const connection = this.connections.get(name);
    if (!connection) throw new Error(vscode.l10n.t('The connection {0} no longer exists', name));
    return connection;
  }

  get invalid(): readonly InvalidConnection[] {
    return this.invalidEntries;
  }

  get currentQuery(): TaskQuery {
    return this.query;
  }

  async setQuery(query: TaskQuery): Promise<void> {
    this.query = query;
    await Promise.all(this.all().map((c) => c.store.setQuery(query)));
  }

  /** Polling runs only while the view is visible and the window focused. */
  setWatching(watching: boolean): void {
    this.watching = watching;
    for (const connection of this.all()) this.updateWatching(connection);
  }

  async refreshAll(): Promise<void> {
    await Promise.all(this.all().map((c) => this.refresh(c)));
  }

  /** A refresh the user asked for: it also resumes polling paused by a sign-in failure. */
  async refresh(connection: Connection): Promise<void> {
    await connection.refresh(false);
    this.updateWatching(connection);
  }

  private updateWatching(connection: Connection): void {
    connection.poller.setWatching(this.watching && !connection.needsUser);
  }

  private reload(event?: vscode.ConfigurationChangeEvent): void {
    const { valid, invalid } = readConnections();
    const settings = readSettings();
    const rebuildAll =
      event?.affectsConfiguration('opsTasks.pageSize') || event?.affectsConfiguration('http') || false;
    let changed = !event || rebuildAll || JSON.stringify(invalid) !== JSON.stringify(this.invalidEntries);
    this.invalidEntries = invalid;

    const wanted = new Map(valid.map((config) => [config.name, config]));
    for (const [name, connection] of this.connections) {
      const config = wanted.get(name);
      if (!config || rebuildAll || !sameConfig(config, connection.config)) {
        connection.dispose();
        this.connections.delete(name);
        changed = true;
      } else {
        connection.setIntervals(settings.intervals);
      }
    }
    for (const config of valid) {
      if (this.connections.has(config.name)) continue;
      this.connections.set(config.name, this.create(config, settings));
      changed = true;
    }
    // Keep the settings' order.
    const ordered = valid.map((config) => this.connections.get(config.name)!);
    this.connections.clear();
    for (const connection of ordered) this.connections.set(connection.name, connection);

    void setContextKey('opsTasks.connectionCount', valid.length + invalid.length);
    if (changed) this.listChanged.fire();
  }

  private create(config: ConnectionConfig, settings: ReturnType<typeof readSettings>): Connection {
    const connection = new Connection(config, this.credentials, {
      pageSize: settings.pageSize,
      intervals: settings.intervals,
      query: this.query,
      onRequest: (name, entry) => {
        const status = entry.status ?? entry.error ?? 'failed';
        const line = `${name}: ${entry.method} ${entry.path} → ${status} (${Math.round(entry.ms)} ms)`;
        // Reads that succeed are the routine polls: debug. Failures and actions stay at info.
        const routine = entry.method === 'GET' && entry.status !== undefined && entry.status < 400;
        if (routine) log().debug(line);
        else log().info(line);
      },
    });
    connection.store.onDidChange((change) => this.tasksChanged.fire({ connection, change }));
    this.updateWatching(connection);
    return connection;
  }

  private async credentialsChanged(name: string): Promise<void> {
    const connection = this.connections.get(name);
    if (!connection) return;
    await connection.signOut();
    await this.refresh(connection);
  }

  dispose(): void {
    for (const connection of this.all()) connection.dispose();
    this.connections.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function sameConfig(a: ConnectionConfig, b: ConnectionConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
