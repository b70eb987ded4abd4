// The HTTP(S) core both fake servers run on: parses requests, records them, applies the run-time
// faults, and writes the product handlers' answers. Product logic lives in lxca/ and jp1ao/.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Faults, RecordedRequest } from './types';
import type { TlsMaterial } from './tls';

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, the raw text when it did not parse, undefined when empty. */
  body: unknown;
  /** True when a non-empty body was not valid JSON. */
  bodyInvalid: boolean;
  /** `http(s)://host:port` as the client addressed us. */
  origin: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  /** Serialised as JSON; undefined = no body. */
  json?: unknown;
}

export interface HttpCoreOptions {
  host: string;
  port: number;
  tls?: TlsMaterial;
  handle(req: SimRequest): SimResponse;
  /** The vendor's error answer for a status (used by the faults and on exceptions). */
  errorFor(status: number, req: SimRequest): SimResponse;
}

export interface HttpCore {
  url: string;
  requests: RecordedRequest[];
  clearRequests(): void;
  faults: Faults;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const HUGE_BYTES = 24 * 1024 * 1024;

/** Tells a handler's early answer (`SimResponse`) from a value it looked up. */
export const isResponse = (value: unknown): value is SimResponse =>
  typeof value === 'object' && value !== null && typeof (value as SimResponse).status === 'number' && !Array.isArray(value);

export const ok = (json?: unknown, headers?: Record<string, string | string[]>): SimResponse => ({ status: 200, json, headers });

export async function startHttpCore(options: HttpCoreOptions): Promise<HttpCore> {
  const requests: RecordedRequest[] = [];
  const faults: Faults = { latencyMs: 0, unavailable: false, dropConnections: false };

  const listener = (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    readBody(incoming)
      .then((raw) => serve(parseRequest(incoming, raw, !!options.tls), incoming, outgoing))
      .catch(() => incoming.socket.destroy());
  };

  async function serve(req: SimRequest, incoming: http.IncomingMessage, outgoing: http.ServerResponse) {
    const record: RecordedRequest = {
      method: req.method,
      path: req.path,
      target: incoming.url ?? '/',
      query: req.query,
      headers: { ...incoming.headers },
      body: req.body,
      status: 0,
      bytes: 0,
    };
    requests.push(record);
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.dropConnections) {
      incoming.socket.destroy();
      return;
    }
    const stall = faults.stall;
    if (stall && (!stall.method || stall.method === req.method) && (!stall.path || stall.path.test(req.path))) return;
    const response = answer(req);
    record.status = response.status;
    record.bytes = write(outgoing, response, faults.trickle);
  }

  function answer(req: SimRequest): SimResponse {
    if (faults.unavailable) return options.errorFor(412, req);
    const failing = faults.failNext;
    if (failing && failing.count > 0 && (!failing.path || failing.path.test(req.path))) {
      failing.count -= 1;
      if (failing.count <= 0) faults.failNext = undefined;
      const error = options.errorFor(failing.status, req);
      return failing.retryAfterSeconds === undefined ? error : { ...error, headers: { ...error.headers, 'Retry-After': String(failing.retryAfterSeconds) } };
    }
    let response: SimResponse;
    try {
      response = options.handle(req);
    } catch {
      response = options.errorFor(500, req);
    }
    const replaceable = response.status >= 200 && response.status < 300 && response.status !== 204;
    return replaceable && faults.body ? malformed(response, faults.body) : response;
  }

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `${options.tls ? 'https' : 'http'}://${hostInUrl}:${port}`,
    requests,
    clearRequests: () => void requests.splice(0),
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(incoming: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function parseRequest(incoming: http.IncomingMessage, raw: string, secure: boolean): SimRequest {
  const origin = `${secure ? 'https' : 'http'}://${incoming.headers.host ?? 'localhost'}`;
  const url = new URL(incoming.url ?? '/', origin);
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  let body: unknown;
  let bodyInvalid = false;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
      bodyInvalid = true;
    }
  }
  return { method: incoming.method ?? 'GET', path: url.pathname, query, headers: incoming.headers, body, bodyInvalid, origin };
}

/** Writes the answer (a few bytes at a time with the trickle fault); returns the bytes of its body. */
function write(outgoing: http.ServerResponse, response: SimResponse & { raw?: string; contentType?: string }, trickle?: Faults['trickle']): number {
  const text = response.raw ?? (response.json === undefined ? '' : JSON.stringify(response.json));
  const bytes = Buffer.byteLength(text);
  const headers: Record<string, string | string[] | number> = { ...response.headers, 'Content-Length': bytes };
  if (text.length > 0) headers['Content-Type'] = response.contentType ?? 'application/json;charset=UTF-8';
  outgoing.writeHead(response.status, headers);
  if (trickle) trickleBody(outgoing, Buffer.from(text, 'utf8'), trickle);
  else outgoing.end(text);
  return bytes;
}

function trickleBody(outgoing: http.ServerResponse, body: Buffer, trickle: NonNullable<Faults['trickle']>) {
  let sent = 0;
  const timer = setInterval(() => {
    if (outgoing.destroyed || sent >= body.length) {
      clearInterval(timer);
      if (!outgoing.destroyed) outgoing.end();
      return;
    }
    outgoing.write(body.subarray(sent, sent + Math.max(1, trickle.bytes)));
    sent += Math.max(1, trickle.bytes);
  }, trickle.intervalMs);
  outgoing.on('close', () => clearInterval(timer));
}

/** The `faults.body` replacements for a successful answer. */
function malformed(response: SimResponse, kind: NonNullable<Faults['body']>): SimResponse & { raw: string; contentType: string } {
  const json = JSON.stringify(response.json ?? {});
  switch (kind) {
    case 'html':
      return {
        ...response,
        contentType: 'text/html;charset=UTF-8',
        raw: '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Service Unavailable</h1><p>The proxy could not reach the server.</p></body></html>',
      };
    case 'text':
      return { ...response, contentType: 'text/plain;charset=UTF-8', raw: 'Service temporarily unavailable, try again later.' };
    case 'truncated':
      return { ...response, contentType: 'application/json;charset=UTF-8', raw: json.slice(0, Math.max(1, Math.floor(json.length / 2))) };
    case 'huge':
      return { ...response, contentType: 'application/json;charset=UTF-8', raw: hugeJson(response.json) };
  }
}

/** Valid JSON of at least HUGE_BYTES shaped like the answer: arrays and `data` lists repeat their items. */
function hugeJson(body: unknown): string {
  const repeat = (items: unknown[]) => {
    const pieces = (items.length ? items : [{ padding: 'x'.repeat(1000) }]).map((item) => JSON.stringify(item));
    const out: string[] = [];
    for (let size = 0, i = 0; size < HUGE_BYTES; i++) {
      const piece = pieces[i % pieces.length];
      out.push(piece);
      size += piece.length + 1;
    }
    return `[${out.join(',')}]`;
  };
  if (Array.isArray(body)) return repeat(body);
  if (body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data)) {
    const { data, ...rest } = body as { data: unknown[] };
    return `{${Object.entries(rest).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join('')}"data":${repeat(data)}}`;
  }
  return JSON.stringify({ ...(body && typeof body === 'object' ? body : { value: body }), padding: 'x'.repeat(HUGE_BYTES) });
}
