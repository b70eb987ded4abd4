// Self-signed certificate for `tls: true`. `selfsigned` is loaded only when asked for, so the
// plain-HTTP demo does not pay for it.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** 'AB:CD:…' (SHA-256 of the DER certificate). */
  fingerprint256: string;
}

export async function generateTlsMaterial(host: string): Promise<TlsMaterial> {
  const { generate } = await import('selfsigned');
  const altNames: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  if (isIP(host) && host !== '127.0.0.1' && host !== '::1') altNames.push({ type: 7, ip: host });
  else if (!isIP(host) && host !== 'localhost') altNames.push({ type: 2, value: host });
  const pems = await generate([{ name: 'commonName', value: 'ops-tasks-simulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}
