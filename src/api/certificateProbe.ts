/**
 * Reads the certificate a server presents after verification refused it, so the user can decide
 * to trust it. Node destroys a refused socket before its certificate can be read, hence a second
 * connection with verification off whose guard takes the certificate and closes it before undici
 * could send anything over it.
 */
import { createDispatcher } from './dispatcher';
import type { PresentedCertificate } from './errors';
import { CapturedCertificate, captureCertificate } from './tls';

export async function probeCertificate(
  origin: string,
  proxyUrl: string | undefined,
  timeoutMs: number,
): Promise<PresentedCertificate | undefined> {
  if (new URL(origin).protocol !== 'https:') return undefined;
  const dispatcher = createDispatcher({
    proxyUrl,
    tls: { rejectUnauthorized: false },
    guard: captureCertificate,
    connectTimeoutMs: timeoutMs,
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });
  try {
    await dispatcher.request({ origin, path: '/', method: 'HEAD' });
    return undefined;
  } catch (error) {
    return error instanceof CapturedCertificate ? error.certificate : undefined;
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
}
