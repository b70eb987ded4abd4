import type * as vscode from 'vscode';
import { MissingPasswordError, type Connection } from '../connections/connection';
import type { ApiError, TlsError } from '../api/errors';
import { apiErrorOf, errorText } from '../ui/errorText';
import { MessageNode } from './nodes';
import { isDemoConnection } from '../connections/demo';

function action(connection: Connection, id: string, label: string, icon: string, command: vscode.Command): MessageNode {
  return new MessageNode(`${connection.name}/!${id}`, label, { icon, command, contextValue: 'opsAction' });
}

const retry = (c: Connection) =>
  action(c, 'retry', 'Retry', 'refresh', { command: 'opsTasks.refresh', title: 'Retry', arguments: [c.name] });
const setPassword = (c: Connection) =>
  action(c, 'password', 'Set Password…', 'key', { command: 'opsTasks.setPassword', title: 'Set Password', arguments: [c.name] });
const editConnection = (c: Connection) =>
  action(c, 'edit', 'Edit Connection…', 'edit', { command: 'opsTasks.editConnection', title: 'Edit Connection', arguments: [c.name] });
const restartDemo = (c: Connection) =>
  action(c, 'demo', 'Restart Demo', 'play', { command: 'opsTasks.startDemo', title: 'Restart Demo' });
const showLog = (c: Connection) =>
  action(c, 'log', 'Show Log', 'output', { command: 'opsTasks.showLog', title: 'Show Log' });

/** A failed connection becomes a clear message and the action that fixes it, never an empty tree. */
export function errorNodes(connection: Connection, error: unknown): MessageNode[] {
  const message = (label: string, tooltip?: string) =>
    new MessageNode(`${connection.name}/!error`, label, {
      icon: 'error',
      color: 'errorForeground',
      tooltip: tooltip ?? label,
    });

  if (error instanceof MissingPasswordError) {
    return [message(`No password stored for ${connection.config.username}`), setPassword(connection)];
  }
  const apiError = apiErrorOf(error);
  const text = errorText(error);
  switch (apiError?.kind) {
    case 'auth':
      return [message(`Sign-in failed: ${text}`), setPassword(connection)];
    case 'tls': {
      const certificate = (error as TlsError).certificate;
      const nodes = [message(text, certificateTooltip(error as TlsError))];
      if (certificate) {
        nodes.push(
          action(connection, 'trust', 'Trust This Certificate…', 'shield', {
            command: 'opsTasks.trustCertificate',
            title: 'Trust This Certificate',
            arguments: [connection.name, certificate],
          }),
        );
      }
      return [...nodes, retry(connection)];
    }
    default:
      // The URL or the port may be what is wrong: Edit Connection beside Retry.
      if (isDemoConnection(connection.config)) return [message(text, detailsOf(apiError, text)), restartDemo(connection), showLog(connection)];
      return [message(text, detailsOf(apiError, text)), retry(connection), editConnection(connection), showLog(connection)];
  }
}

function detailsOf(error: ApiError | undefined, text: string): string {
  return [text, error?.details, error?.excerpt ? `Server said: ${error.excerpt}` : undefined].filter(Boolean).join('\n\n');
}

function certificateTooltip(error: TlsError): string {
  const c = error.certificate;
  if (!c) return error.message;
  return [error.message, `SHA-256: ${c.fingerprint256}`, c.subject && `Subject: ${c.subject}`, c.issuer && `Issuer: ${c.issuer}`]
    .filter(Boolean)
    .join('\n');
}
