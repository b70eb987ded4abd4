import * as vscode from 'vscode';
import type { ConnectionConfig } from './config';

/**
 * Passwords live only in SecretStorage, one per connection. The key binds the password to the
 * server and user it was typed for, so an edited `baseUrl` or `username` never receives a password
 * meant for another server: it simply asks again.
 */
export class Credentials {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the connection name whose password was stored or deleted. */
  readonly onDidChange = this.changed.event;

  /**
   * @param provided the password of a connection that does not keep one in SecretStorage (the
   *   demo's, which its servers know), or undefined for every other connection.
   */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly provided: (config: ConnectionConfig) => Promise<string> | undefined = () => undefined,
  ) {}

  get(config: ConnectionConfig): Thenable<string | undefined> {
    return this.provided(config) ?? this.secrets.get(secretKey(config));
  }

  async store(config: ConnectionConfig, password: string): Promise<void> {
    await this.secrets.store(secretKey(config), password);
    this.changed.fire(config.name);
  }

  /** Stores without announcing it: for connections about to be created, which load on their own. */
  async storeQuietly(config: ConnectionConfig, password: string): Promise<void> {
    await this.secrets.store(secretKey(config), password);
  }

  async delete(config: ConnectionConfig): Promise<void> {
    await this.secrets.delete(secretKey(config));
    this.changed.fire(config.name);
  }

  /** Moves a stored password when the user edits a connection through our own command. */
  async move(from: ConnectionConfig, to: ConnectionConfig): Promise<void> {
    if (secretKey(from) === secretKey(to)) return;
    const password = await this.get(from);
    if (password !== undefined) await this.secrets.store(secretKey(to), password);
    await this.secrets.delete(secretKey(from));
    this.changed.fire(to.name);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function secretKey(config: Pick<ConnectionConfig, 'name' | 'kind' | 'baseUrl' | 'username'>): string {
  return `opsTasks.password:${JSON.stringify([config.name, config.kind, config.baseUrl, config.username])}`;
}

/** The password input box every command uses. */
export function askPassword(config: ConnectionConfig, reason?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Password for {0} on {1}', config.username, config.name),
    prompt: reason ?? vscode.l10n.t('Stored in VS Code\'s secret storage for {0}.', config.baseUrl),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value ? undefined : vscode.l10n.t('Enter the password, or press Escape to cancel.')),
  });
}
