import * as vscode from 'vscode';
import { isDemoConnection } from '../demo/demoEntries';
import { MissingPasswordError, type Connection } from '../connections/connection';
import type { ApiError, TlsError } from '../api/errors';
import { apiErrorOf, errorText } from '../tasks/errorText';
import { MessageNode } from './nodes';
import { capText } from '../util/plainText';
import { treeIds } from './treeIds';

function action(connection: Connection, id: string, label: string, icon: string, command: vscode.Command): MessageNode {
  return new MessageNode(treeIds.message(connection.name, id), label, { icon, command, contextValue: 'opsAction' });
}

const retry = (c: Connection) =>
  action(c, 'retry', vscode.l10n.t('Retry'), 'refresh', { command: 'opsTasks.refresh', title: vscode.l10n.t('Retry'), arguments: [c.name] });
const setPassword = (c: Connection) =>
  action(c, 'password', vscode.l10n.t('Set Password…'), 'key', { command: 'opsTasks.setPassword', title: vscode.l10n.t('Set Password'), arguments: [c.name] });
const showLog = (c: Connection) =>
  action(c, 'log', vscode.l10n.t('Show Log'), 'output', { command: 'opsTasks.showLog', title: vscode.l10n.t('Show Log') });
const editConnection = (c: Connection) =>
  action(c, 'edit', vscode.l10n.t('Edit Connection…'), 'edit', { command: 'opsTasks.editConnection', title: vscode.l10n.t('Edit Connection'), arguments: [c.name] });
const restartDemo = (c: Connection) =>
  action(c, 'restartDemo', vscode.l10n.t('Restart Demo'), 'debug-restart', { command: 'opsTasks.startDemo', title: vscode.l10n.t('Restart Demo') });

/** A failed connection becomes a clear message and the action that fixes it, never an empty tree. */
export function errorNodes(connection: Connection, error: unknown): MessageNode[] {
  const message = (label: string, tooltip?: string) =>
    new MessageNode(treeIds.message(connection.name, 'error'), label, {
      icon: 'error',
      color: 'errorForeground',
      tooltip: tooltip ?? label,
    });

  if (error instanceof MissingPasswordError) {
    return [message(vscode.l10n.t('No password stored for {0}', connection.config.username)), setPassword(connection)];
  }
  const apiError = apiErrorOf(error);
  const text = errorText(error);
  if (isDemoConnection(connection.config)) return [message(text, detailsOf(apiError, text)), restartDemo(connection), showLog(connection)];
  switch (apiError?.kind) {
    case 'auth':
      return [message(vscode.l10n.t('Sign-in failed: {0}', text)), setPassword(connection)];
    case 'tls': {
      const certificate = (error as TlsError).certificate;
      const nodes = [message(text, certificateTooltip(error as TlsError))];
      if (certificate) {
        nodes.push(
          action(connection, 'trust', vscode.l10n.t('Trust This Certificate…'), 'shield', {
            command: 'opsTasks.trustCertificate',
            title: vscode.l10n.t('Trust This Certificate'),
            arguments: [connection.name, certificate],
          }),
        );
      }
      return [...nodes, retry(connection)];
    }
    default:
      // The URL or the port may be what is wrong: Edit Connection beside Retry.
      return [message(text, detailsOf(apiError, text)), retry(connection), editConnection(connection), showLog(connection)];
  }
}

/** The server's own text in a tooltip: the log keeps all of it. */
const maxTooltipServerText = 2_000;

function detailsOf(error: ApiError | undefined, text: string): string {
  const said = error?.fullText
    ? vscode.l10n.t('Server said: {0}', capText(error.fullText, maxTooltipServerText))
    : error?.excerpt && vscode.l10n.t('Server said: {0}', error.excerpt);
  return [text, error?.details && capText(error.details, maxTooltipServerText), said].filter(Boolean).join('\n\n');
}

function certificateTooltip(error: TlsError): string {
  const c = error.certificate;
  if (!c) return error.message;
  return [error.message, `SHA-256: ${c.fingerprint256}`, c.subject && vscode.l10n.t('Subject: {0}', c.subject), c.issuer && vscode.l10n.t('Issuer: {0}', c.issuer)]
    .filter(Boolean)
    .join('\n');
}
