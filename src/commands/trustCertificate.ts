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
    `Server: ${connection.config.baseUrl}`,
    `SHA-256 fingerprint:\n${certificate.fingerprint256}`,
    certificate.subject ? `Subject: ${certificate.subject}` : undefined,
    certificate.issuer ? `Issuer: ${certificate.issuer}` : undefined,
    certificate.validTo ? `Valid until: ${certificate.validTo}` : undefined,
    '',
    'Compare the fingerprint with the one the appliance shows before you trust it. Only this exact certificate will be accepted for this connection.',
  ]
    .filter((line): line is string => typeof line === 'string')
    .join('\n');
  const answer = await vscode.window.showWarningMessage(
    `Trust the certificate of ${connection.name}?`,
    { modal: true, detail },
    'Trust This Certificate',
  );
  if (answer !== 'Trust This Certificate') return;
  await updateConnection(connection.name, (config) => ({
    ...config,
    tls: { ...config.tls, fingerprint256: certificate.fingerprint256 },
  }));
}
