// Raw HTTP(S) requests for the simulator tests: no client library in between, so the tests see
// exactly what the servers send. One connection per request (agent: false).
import * as http from 'node:http';
import * as https from 'node:https';
import { connect, type TLSSocket } from 'node:tls';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): any;
  /** SHA-256 fingerprint of the server certificate, for HTTPS. */
  peerFingerprint256?: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON with Content-Type application/json unless the headers say otherwise. */
  body?: string | object;
  /** CA to trust for HTTPS. */
  ca?: string;
}

export function rawRequest(url: string, request: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...request.headers };
  let payload: string | undefined;
  if (typeof request.body === 'string') payload = request.body;
  else if (request.body !== undefined) {
    payload = JSON.stringify(request.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  const secure = target.protocol === 'https:';
  const options: https.RequestOptions = { method: request.method ?? 'GET', headers, agent: false, ca: request.ca };
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(target, options, (res) => {
      const chunks: Buffer[] = [];
      const peer = secure ? (res.socket as TLSSocket).getPeerCertificate().fingerprint256 : undefined;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text), peerFingerprint256: peer });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** `name=value` pairs of the Set-Cookie headers. */
export function setCookies(response: RawResponse): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return cookies;
}


/** The SHA-256 fingerprint of the certificate an HTTPS server presents (no trust decision made). */
export function peerFingerprint256(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}
