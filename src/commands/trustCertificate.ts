import * as vscode from 'vscode';
import type { PresentedCertificate } from '../api/errors';
import { updateConnection } from '../connections/config';
import type { ConnectionRegistry } from '../connections/registry';

/**
 * Pins the certificate a server presented after the user compared its fingerprint. Trust is saved
 * on that one connection (`tls.fingerprint256`); checks stay on for every other server.
 */
export async function trustCertificate(
  registry: ConnectionRegistry,
  name: unknown,
  certificate: PresentedCertificate | undefined,
): Promise<void> {
  const connection = typeof name === 'string' ? registry.get(name) : undefined;
  if (!connection || !certificate?.fingerprint256) return;
  const detail = [
    vscode.l10n.t('Server: {0}', connection.config.baseUrl),
    vscode.l10n.t('SHA-256 fingerprint:\n{0}', certificate.fingerprint256),
    certificate.subject ? vscode.l10n.t('Subject: {0}', certificate.subject) : undefined,
    certificate.issuer ? vscode.l10n.t('Issuer: {0}', certificate.issuer) : undefined,
    certificate.validTo ? vscode.l10n.t('Valid until: {0}', certificate.validTo) : undefined,
    '',
    vscode.l10n.t('Compare the fingerprint with the one the appliance shows before you trust it. Only this exact certificate will be accepted for this connection.'),
  ]
    .filter((line): line is string => typeof line === 'string')
    .join('\n');
  const trust = vscode.l10n.t('Trust This Certificate');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Trust the certificate of {0}?', connection.name),
    { modal: true, detail },
    trust,
  );
  if (answer !== trust) return;
  await updateConnection(connection.name, (config) => ({
    ...config,
    tls: { ...config.tls, fingerprint256: certificate.fingerprint256 },
  }));
}
