/**
 * Certificate trust for one server: system CAs, extra CAs for this server only, or a pinned
 * certificate. Nothing here changes TLS settings for anyone else in the process.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as tls from 'node:tls';
import type { buildConnector } from 'undici';
import { ApiError, CaFileError, TlsError, type PresentedCertificate } from './errors';
import type { TlsTrust } from './httpTypes';

/** `AB:CD:…` in upper case, from any case and any (or no) separators. */
export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length !== 64) {
    throw new ApiError('invalidInput', 'The pinned certificate fingerprint must be a SHA-256 fingerprint (64 hex digits).');
  }
  return hex.match(/../g)!.join(':');
}

async function extraCaPem(trust: TlsTrust): Promise<string | undefined> {
  if (trust.ca) return trust.ca;
  if (!trust.caFile) return undefined;
  let text: string;
  try {
    text = await readFile(trust.caFile, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CaFileError(trust.caFile, 'unreadable', `The CA file ${trust.caFile} could not be read (${reason}).`, { cause: error });
  }
  if (!holdsCertificate(text)) {
    throw new CaFileError(trust.caFile, 'noCertificate', `The CA file ${trust.caFile} holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----).`);
  }
  return text;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** At least one PEM certificate block that parses: Node silently skips anything else in `ca`. */
function holdsCertificate(pem: string): boolean {
  return (pem.match(PEM_CERTIFICATE) ?? []).some((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Options for `tls.connect`. Verification is switched off only for a pinned certificate, whose
 * fingerprint the connection guard then checks before any request is sent.
 */
export async function tlsConnectionOptions(trust: TlsTrust | undefined): Promise<tls.ConnectionOptions> {
  if (!trust) return {};
  if (trust.fingerprint256) {
    normalizeFingerprint(trust.fingerprint256);
    return { rejectUnauthorized: false };
  }
  const extra = await extraCaPem(trust);
  if (!extra) return {};
  // Naming `ca` replaces the default roots, so the system ones are listed again next to the extra PEM.
  const ca = [...tls.rootCertificates, extra];
  try {
    tls.createSecureContext({ ca });
  } catch (error) {
    throw new ApiError('invalidInput', 'The CA certificate for this server is not valid PEM.', { cause: error });
  }
  return { ca };
}

export function describeCertificate(raw: Buffer): PresentedCertificate {
  const certificate = new X509Certificate(raw);
  const oneLine = (name: string) => name.split('\n').join(', ');
  return {
    fingerprint256: certificate.fingerprint256,
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
  };
}

function presentedCertificate(socket: tls.TLSSocket): PresentedCertificate | undefined {
  const raw = socket.getPeerCertificate()?.raw;
  return raw ? describeCertificate(raw) : undefined;
}

export function untrustedCertificateError(
  hostPort: string,
  reason: string,
  certificate: PresentedCertificate | undefined,
  cause?: unknown,
): TlsError {
  return new TlsError(`The certificate of ${hostPort} is not trusted (${reason}).`, certificate, { cause });
}

/** Node's certificate verification failures, in words. */
const VERIFICATION_REASONS = new Map<string, string>(Object.entries({
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'issued by an unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'issued by an unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT: 'issued by an unknown certificate authority',
  CERT_UNTRUSTED: 'issued by an untrusted certificate authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'issued for a different host name',
  HOSTNAME_MISMATCH: 'issued for a different host name',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not yet valid',
  CERT_REVOKED: 'revoked',
  CERT_REJECTED: 'rejected',
  CERT_SIGNATURE_FAILURE: 'invalid signature',
  INVALID_CA: 'invalid certificate authority',
  INVALID_PURPOSE: 'not meant for a server',
  PATH_LENGTH_EXCEEDED: 'certificate chain too long',
  ERR_TLS_CERT_SIGNATURE_ALGORITHM_UNSUPPORTED: 'unsupported signature algorithm',
}));

/** The reason in words when `code` is a certificate verification failure, else undefined. */
export function verificationFailureReason(code: string | undefined): string | undefined {
  return code === undefined ? undefined : VERIFICATION_REASONS.get(code);
}

/** Decides, once the handshake is done and before any request, whether a connection may be used. */
export type ConnectionGuard = (socket: tls.TLSSocket) => Error | undefined;

export function certificateGuard(trust: TlsTrust | undefined, hostPort: string): ConnectionGuard {
  const pin = trust?.fingerprint256 ? normalizeFingerprint(trust.fingerprint256) : undefined;
  return (socket) => {
    if (pin === undefined) {
      return socket.authorized
        ? undefined
        : untrustedCertificateError(hostPort, 'not verified', presentedCertificate(socket));
    }
    const certificate = presentedCertificate(socket);
    return certificate?.fingerprint256 === pin
      ? undefined
      : untrustedCertificateError(hostPort, 'it does not match the pinned fingerprint', certificate);
  };
}

/** Used by the certificate probe: hands back the certificate and never lets the connection be used. */
export class CapturedCertificate extends Error {
  constructor(readonly certificate: PresentedCertificate | undefined) {
    super('certificate captured');
  }
}

export const captureCertificate: ConnectionGuard = (socket) => new CapturedCertificate(presentedCertificate(socket));

/** Wraps an undici connector so that TLS sockets pass `guard` before undici may write to them. */
export function guardedConnector(connect: buildConnector.connector, guard: ConnectionGuard): buildConnector.connector {
  return (options, callback) => {
    connect(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('connection failed'), null);
        return;
      }
      const refusal = socket instanceof tls.TLSSocket ? guard(socket) : undefined;
      if (refusal) {
        socket.destroy();
        callback(refusal, null);
        return;
      }
      callback(null, socket);
    });
  };
}
