import { strict as assert } from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { generate } from 'selfsigned';
import { ApiError, TlsError, type ApiErrorKind } from '../../src/api/errors';
import {
  expectJson,
  HttpClient,
  proxyFromEnvironment,
  safeExcerpt,
  type HttpClientOptions,
  type HttpResponse,
  type RequestLogEntry,
} from '../../src/api/http';
import { bypassesProxy } from '../../src/api/proxy';
import { redactPathQuery } from '../../src/api/redaction';
import { normalizeFingerprint, tlsConnectionOptions } from '../../src/api/tls';
import { rejectsWith } from '../support/apiErrors';
import { sleep } from '../support/wait';

// ---------------------------------------------------------------------------------------------
// Local servers
// ---------------------------------------------------------------------------------------------

interface TestServer {
  url: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  /** HTTP requests received so far. */
  requests: number;
  /** TCP connections still open. */
  openConnections: number;
  close(): Promise<void>;
}

const openServers: TestServer[] = [];

/** Counts a server's connections, and lets it close idle keep-alive sockets too. */
function trackSockets(server: net.Server): { count: () => number; open: () => number; destroyAll: () => void } {
  const sockets = new Set<net.Socket>();
  let count = 0;
  server.on('connection', (socket: net.Socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { count: () => count, open: () => sockets.size, destroyAll: () => sockets.forEach((socket) => socket.destroy()) };
}

async function listen(
  server: net.Server,
  scheme: 'http' | 'https',
  extraSockets: Set<net.Socket> = new Set(),
): Promise<TestServer> {
  const sockets = trackSockets(server);
  let requests = 0;
  server.on('request', () => requests++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const started: TestServer = {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    get connections() {
      return sockets.count();
    },
    get requests() {
      return requests;
    },
    get openConnections() {
      return sockets.open();
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.destroyAll();
        extraSockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
  openServers.push(started);
  return started;
}

function startHttp(handler: http.RequestListener): Promise<TestServer> {
  return listen(http.createServer(handler), 'http');
}

function startHttps(pems: { private: string; cert: string }, handler: http.RequestListener): Promise<TestServer> {
  return listen(https.createServer({ key: pems.private, cert: pems.cert }, handler), 'https');
}

/** A tiny HTTP CONNECT proxy; `refuseWith` makes it answer every CONNECT with that status. */
async function startConnectProxy(refuseWith?: number): Promise<TestServer & { tunnels: string[] }> {
  const tunnels: string[] = [];
  const tunnelSockets = new Set<net.Socket>();
  const server = http.createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    if (refuseWith) {
      client.end(`HTTP/1.1 ${refuseWith} Refused\r\n\r\n`);
      return;
    }
    const target = new URL(`http://${request.url}`);
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnelSockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const started = await listen(server, 'http', tunnelSockets);
  return Object.assign(started, { tunnels });
}

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function json(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// ---------------------------------------------------------------------------------------------
// Clients and assertions
// ---------------------------------------------------------------------------------------------

const openClients: HttpClient[] = [];

function client(options: HttpClientOptions): HttpClient {
  const created = new HttpClient(options);
  openClients.push(created);
  return created;
}


function throwsWith(action: () => unknown, kind: ApiErrorKind): ApiError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, `kind of "${error.message}"`);
    return error;
  }
  assert.fail(`expected an ApiError ${kind}`);
}

function get(target: HttpClient, path = '/'): Promise<HttpResponse> {
  return target.request({ method: 'GET', path });
}

afterEach(async () => {
  await Promise.all(openClients.splice(0).map((c) => c.close()));
  await Promise.all(openServers.splice(0).map((s) => s.close()));
});

// ---------------------------------------------------------------------------------------------
// Certificates (EC keys: generated in milliseconds)
// ---------------------------------------------------------------------------------------------

interface Pems {
  private: string;
  cert: string;
}

interface Certificates {
  /** Self-signed, issued for appliance.local only (so also a wrong host name for 127.0.0.1). */
  selfSigned: Pems;
  ca: Pems;
  /** Signed by `ca`, issued for 127.0.0.1. */
  leaf: Pems;
  /** Signed by `ca`, issued for other.example. */
  leafForOtherHost: Pems;
}

async function makeCertificates(): Promise<Certificates> {
  const ec = { keyType: 'ec' as const, algorithm: 'sha256' };
  const serverExtensions = (altNames: Array<{ type: 2; value: string } | { type: 7; ip: string }>) => [
    { name: 'basicConstraints' as const, cA: false },
    { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage' as const, serverAuth: true },
    { name: 'subjectAltName' as const, altNames },
  ];
  const selfSigned = await generate([{ name: 'commonName', value: 'appliance.local' }], {
    ...ec,
    extensions: serverExtensions([{ type: 2, value: 'appliance.local' }]),
  });
  const ca = await generate([{ name: 'commonName', value: 'Ops Tasks Test CA' }], {
    ...ec,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const signedBy = { key: ca.private, cert: ca.cert };
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...ec,
    ca: signedBy,
    extensions: serverExtensions([{ type: 7, ip: '127.0.0.1' }]),
  });
  const leafForOtherHost = await generate([{ name: 'commonName', value: 'other.example' }], {
    ...ec,
    ca: signedBy,
    extensions: serverExtensions([{ type: 2, value: 'other.example' }]),
  });
  return { selfSigned, ca, leaf, leafForOtherHost };
}

// ---------------------------------------------------------------------------------------------

describe('HttpClient', () => {
  describe('requests and bodies', () => {
    it('parses a JSON body and lower-cases header names', async () => {
      const server = await startHttp((_req, res) => {
        res.setHeader('X-Custom', 'yes');
        json(res, 200, { jobs: [1, 2] });
      });
      const response = await get(client({ baseUrl: server.url }));
      assert.equal(response.status, 200);
      assert.equal(response.isJson, true);
      assert.deepEqual(response.json, { jobs: [1, 2] });
      assert.deepEqual(expectJson(response), { jobs: [1, 2] });
      assert.equal(response.headers['x-custom'], 'yes');
    });

    it('parses JSON sent without a JSON content type, and resolves with any status', async () => {
      const server = await startHttp((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('[{"a":1}]'));
      const response = await get(client({ baseUrl: server.url }));
      assert.equal(response.status, 404);
      assert.equal(response.isJson, true);
      assert.deepEqual(response.json, [{ a: 1 }]);
    });

    it('sends JSON bodies, merges the query, and keeps the base path prefix', async () => {
      let seen: { method?: string; url?: string; type?: string; accept?: string; body?: string } = {};
      const server = await startHttp((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk));
        req.on('end', () => {
          seen = { method: req.method, url: req.url, type: req.headers['content-type'], accept: req.headers.accept, body };
          json(res, 200, {});
        });
      });
      await client({ baseUrl: `${server.url}/Automation/v1/` }).request({
        method: 'PUT',
        path: '/objects/Tasks/7',
        query: { 'HQL::filter': "status in ['failed'] & x", limit: 5, compact: true, skipped: undefined, time: '10:00+09:00' },
        headers: { Accept: 'application/json' },
        body: { notes: 'ünïcode', todo: true },
      });
      assert.equal(seen.method, 'PUT');
      assert.equal(
        seen.url,
        '/Automation/v1/objects/Tasks/7?HQL::filter=status%20in%20%5B\'failed\'%5D%20%26%20x&limit=5&compact=true&time=10:00%2B09:00',
      );
      assert.equal(seen.type, 'application/json');
      assert.equal(seen.accept, 'application/json');
      assert.deepEqual(JSON.parse(seen.body ?? ''), { notes: 'ünïcode', todo: true });
    });

    it('refuses an HTML error page with the status and a tag-free excerpt', async () => {
      const page =
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style>' +
        '<script>var secretToken = "abc";</script></head><body><h1>Bad   Gateway</h1>\n<p>nginx</p></body></html>';
      const server = await startHttp((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(page));
      const response = await get(client({ baseUrl: server.url }));
      assert.equal(response.isJson, false);
      const error = throwsWith(() => expectJson(response), 'badResponse');
      assert.equal(error.status, 502);
      assert.equal(error.excerpt, '502 Bad Gateway Bad Gateway nginx');
      assert.match(error.message, /web page instead of JSON \(HTTP 502\)/);
      assert.doesNotMatch(error.message, /<|color:red|secretToken/);
    });

    it('refuses plain text, truncated JSON and an empty body, saying which', async () => {
      const bodies: Record<string, string> = {
        '/text': 'Service temporarily unavailable',
        '/truncated': '{"jobs": [{"jobUID": "1", "name": "Upd',
        '/malformed': '{"jobs": nope}',
        '/empty': '',
      };
      const server = await startHttp((req, res) => res.writeHead(200).end(bodies[req.url ?? '']));
      const http = client({ baseUrl: server.url });
      const expectations: Array<[string, RegExp, string | undefined]> = [
        ['/text', /text instead of JSON \(HTTP 200\): “Service temporarily unavailable”/, 'Service temporarily unavailable'],
        ['/truncated', /^The server's answer was cut off \(HTTP 200\)\.$/, '{"jobs": [{"jobUID": "1", "name": "Upd'],
        ['/malformed', /not valid JSON \(HTTP 200\)/, '{"jobs": nope}'],
        ['/empty', /^The server's answer was empty \(HTTP 200\)\.$/, undefined],
      ];
      for (const [path, message, excerpt] of expectations) {
        const response = await get(http, path);
        assert.equal(response.isJson, false, path);
        const failure = throwsWith(() => expectJson(response), 'badResponse');
        assert.match(failure.message, message, path);
        assert.equal(failure.status, 200, path);
        assert.equal(failure.excerpt, excerpt, path);
      }
    });
  });

  describe('size cap', () => {
    it('refuses a body whose declared length passes the cap', async () => {
      const server = await startHttp((_req, res) => json(res, 200, { data: 'x'.repeat(4096) }));
      const error = await rejectsWith(get(client({ baseUrl: server.url, maxBodyBytes: 1024 })), 'tooLarge');
      assert.equal(error.message, "The server's answer was larger than 1 KiB, the size limit of this connection.");
      assert.equal(error.status, 200);
    });

    it('stops reading an endless streamed body as soon as it passes the cap', async function () {
      this.timeout(3000);
      let serverGaveUp = false;
      const server = await startHttp((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(16 * 1024);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => {
          serverGaveUp = true;
          clearInterval(timer);
        });
      });
      const error = await rejectsWith(get(client({ baseUrl: server.url, maxBodyBytes: 64 * 1024 })), 'tooLarge');
      assert.match(error.message, /larger than 64 KiB/);
      await sleep(50);
      assert.ok(serverGaveUp, 'the connection was closed so the server stopped sending');
    });

    it('accepts a body exactly at the cap', async () => {
      const server = await startHttp((_req, res) => res.writeHead(200).end('"' + 'x'.repeat(1022) + '"'));
      const response = await get(client({ baseUrl: server.url, maxBodyBytes: 1024 }));
      assert.equal(response.text.length, 1024);
    });
  });

  describe('time-outs', () => {
    it('maps a connect time-out (TLS handshake never answered) to timeout', async () => {
      const silent = net.createServer(() => undefined);
      const server = await listen(silent, 'https');
      const error = await rejectsWith(get(client({ baseUrl: server.url, connectTimeoutMs: 150 })), 'timeout');
      assert.equal(error.message, `Connecting to 127.0.0.1:${server.port} timed out after 150 ms.`);
    });

    it('maps a headers time-out to timeout', async () => {
      const server = await startHttp(() => undefined);
      const error = await rejectsWith(get(client({ baseUrl: server.url, headersTimeoutMs: 150 })), 'timeout');
      assert.equal(error.message, `127.0.0.1:${server.port} did not answer within 150 ms.`);
    });

    it('maps a body time-out to timeout', async () => {
      const server = await startHttp((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"jobs": [');
      });
      const error = await rejectsWith(get(client({ baseUrl: server.url, bodyTimeoutMs: 150 })), 'timeout');
      assert.equal(error.message, `127.0.0.1:${server.port} stopped sending its answer (nothing received for 150 ms).`);
    });
  });

  describe('network errors', () => {
    it('maps a refused connection to unreachable, naming host:port but not the path or query', async () => {
      const port = await freePort();
      const http = client({ baseUrl: `http://user:pw@127.0.0.1:${port}/prefix` });
      const error = await rejectsWith(
        http.request({ method: 'GET', path: '/tasks', query: { token: 's3cr3t-value' } }),
        'unreachable',
      );
      assert.equal(error.message, `Could not reach 127.0.0.1:${port}: the connection was refused.`);
    });

    it('maps a connection closed by the server to unreachable', async () => {
      const server = await startHttp((req) => req.socket.destroy());
      const error = await rejectsWith(get(client({ baseUrl: server.url })), 'unreachable');
      assert.match(error.message, new RegExp(`^Could not reach 127\\.0\\.0\\.1:${server.port}: the connection was`));
    });

    it('maps an answer that is not HTTP to badResponse', async () => {
      const server = await listen(net.createServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH\r\n\r\n'))), 'http');
      const error = await rejectsWith(get(client({ baseUrl: server.url })), 'badResponse');
      assert.equal(error.message, `127.0.0.1:${server.port} did not answer with HTTP. Is the port right?`);
    });

    it('refuses a header value that would break the request', async () => {
      const server = await startHttp((_req, res) => json(res, 200, {}));
      const http = client({ baseUrl: server.url });
      await rejectsWith(http.request({ method: 'GET', path: '/', headers: { 'x-note': 'a\r\nInjected: 1' } }), 'invalidInput');
      assert.equal(server.requests, 0);
    });

    it('maps a caller abort to aborted', async () => {
      const server = await startHttp(() => undefined);
      const controller = new AbortController();
      const pending = client({ baseUrl: server.url }).request({ method: 'GET', path: '/', signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await rejectsWith(pending, 'aborted');
    });

    it('refuses an address that is not http(s)', () => {
      throwsWith(() => new HttpClient({ baseUrl: 'ftp://example.com' }), 'invalidInput');
    });
  });

  describe('TLS trust', () => {
    let certificates: Certificates;
    let tempDir: string;
    before(async () => {
      certificates = await makeCertificates();
      tempDir = mkdtempSync(join(tmpdir(), 'ops-tasks-http-'));
    });
    after(() => rmSync(tempDir, { recursive: true, force: true }));

    const ok = (_req: http.IncomingMessage, res: http.ServerResponse) => json(res, 200, { ok: true });

    it('refuses a self-signed certificate with a TlsError describing the presented certificate', async () => {
      const server = await startHttps(certificates.selfSigned, ok);
      const error = await rejectsWith(get(client({ baseUrl: server.url })), 'tls');
      assert.ok(error instanceof TlsError);
      assert.equal(error.message, `The certificate of 127.0.0.1:${server.port} is not trusted (self-signed certificate).`);
      const expected = new X509Certificate(certificates.selfSigned.cert);
      assert.equal(error.certificate?.fingerprint256, expected.fingerprint256);
      assert.match(error.certificate?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      assert.equal(error.certificate?.subject, 'CN=appliance.local');
      assert.equal(error.certificate?.issuer, 'CN=appliance.local');
      assert.equal(error.certificate?.validTo, expected.validTo);
      assert.equal(server.requests, 0, 'no request was sent over the unverified connection');
    });

    it('accepts the pinned certificate although it is self-signed and names another host', async () => {
      const server = await startHttps(certificates.selfSigned, ok);
      const pin = new X509Certificate(certificates.selfSigned.cert).fingerprint256.replace(/:/g, '').toLowerCase();
      const response = await get(client({ baseUrl: server.url, tls: { fingerprint256: pin } }));
      assert.deepEqual(response.json, { ok: true });
    });

    it('refuses any other certificate when one is pinned, even a CA-trusted one', async () => {
      const server = await startHttps(certificates.leaf, ok);
      const otherPin = new X509Certificate(certificates.selfSigned.cert).fingerprint256;
      const error = await rejectsWith(
        get(client({ baseUrl: server.url, tls: { fingerprint256: otherPin, ca: certificates.ca.cert } })),
        'tls',
      );
      assert.ok(error instanceof TlsError);
      assert.match(error.message, /is not trusted \(it does not match the pinned fingerprint\)/);
      assert.equal(error.certificate?.fingerprint256, new X509Certificate(certificates.leaf.cert).fingerprint256);
      assert.equal(server.requests, 0);
    });

    it('refuses a malformed pin before connecting', async () => {
      const server = await startHttps(certificates.selfSigned, ok);
      await rejectsWith(get(client({ baseUrl: server.url, tls: { fingerprint256: 'AB:CD' } })), 'invalidInput');
      assert.equal(server.connections, 0);
    });

    it('accepts a certificate signed by the CA in tls.caFile', async () => {
      const caFile = join(tempDir, 'ca.pem');
      writeFileSync(caFile, certificates.ca.cert);
      const server = await startHttps(certificates.leaf, ok);
      const response = await get(client({ baseUrl: server.url, tls: { caFile } }));
      assert.deepEqual(response.json, { ok: true });
    });

    it('still refuses a CA-signed certificate issued for another host name', async () => {
      const server = await startHttps(certificates.leafForOtherHost, ok);
      const error = await rejectsWith(get(client({ baseUrl: server.url, tls: { ca: certificates.ca.cert } })), 'tls');
      assert.ok(error instanceof TlsError);
      assert.match(error.message, /not trusted \(issued for a different host name\)/);
      assert.equal(error.certificate?.subject, 'CN=other.example');
      assert.equal(error.certificate?.issuer, 'CN=Ops Tasks Test CA');
    });

    it('refuses a CA-signed certificate when the CA is not given', async () => {
      const server = await startHttps(certificates.leaf, ok);
      const error = await rejectsWith(get(client({ baseUrl: server.url })), 'tls');
      assert.match(error.message, /issued by an unknown certificate authority/);
    });

    it('keeps the system CAs next to the extra CA', async () => {
      const options = await tlsConnectionOptions({ ca: certificates.ca.cert });
      const ca = options.ca as string[];
      assert.ok(tls.rootCertificates.every((root) => ca.includes(root)));
      assert.ok(ca.includes(certificates.ca.cert));
      assert.equal(options.rejectUnauthorized, undefined);
    });

    it('reports an unreadable CA file as invalidInput', async () => {
      const server = await startHttps(certificates.leaf, ok);
      const caFile = join(tempDir, 'missing.pem');
      const error = await rejectsWith(get(client({ baseUrl: server.url, tls: { caFile } })), 'invalidInput');
      assert.match(error.message, /could not be read \(ENOENT\)/);
    });

    it('normalises fingerprints', () => {
      const upper = new X509Certificate(certificates.leaf.cert).fingerprint256;
      assert.equal(normalizeFingerprint(upper.toLowerCase().replace(/:/g, ' ')), upper);
    });

    describe('through a proxy', () => {
      it('tunnels a pinned connection through the proxy', async () => {
        const server = await startHttps(certificates.selfSigned, ok);
        const proxy = await startConnectProxy();
        const fingerprint256 = new X509Certificate(certificates.selfSigned.cert).fingerprint256;
        const response = await get(client({ baseUrl: server.url, tls: { fingerprint256 }, proxy: { url: proxy.url } }));
        assert.deepEqual(response.json, { ok: true });
        assert.deepEqual(proxy.tunnels, [`127.0.0.1:${server.port}`]);
      });

      it('reports the presented certificate of an untrusted server behind the proxy', async () => {
        const server = await startHttps(certificates.selfSigned, ok);
        const proxy = await startConnectProxy();
        const error = await rejectsWith(get(client({ baseUrl: server.url, proxy: { url: proxy.url } })), 'tls');
        assert.ok(error instanceof TlsError);
        assert.equal(error.certificate?.fingerprint256, new X509Certificate(certificates.selfSigned.cert).fingerprint256);
        assert.ok(proxy.tunnels.length >= 1);
        assert.equal(server.requests, 0);
      });

      it('refuses a wrong pin behind the proxy', async () => {
        const server = await startHttps(certificates.selfSigned, ok);
        const proxy = await startConnectProxy();
        const fingerprint256 = new X509Certificate(certificates.leaf.cert).fingerprint256;
        const error = await rejectsWith(
          get(client({ baseUrl: server.url, tls: { fingerprint256 }, proxy: { url: proxy.url } })),
          'tls',
        );
        assert.match(error.message, /pinned fingerprint/);
        assert.equal(server.requests, 0);
      });
    });
  });

  describe('connections', () => {
    it('reuses one kept-alive connection for sequential requests', async () => {
      const server = await startHttp((_req, res) => json(res, 200, {}));
      const http = client({ baseUrl: server.url });
      for (let i = 0; i < 4; i++) await get(http);
      assert.equal(server.requests, 4);
      assert.equal(server.connections, 1);
    });

    it('close() ends the pooled connections and refuses further requests', async () => {
      const server = await startHttp((_req, res) => json(res, 200, {}));
      const http = client({ baseUrl: server.url });
      await get(http);
      assert.equal(server.openConnections, 1);
      await http.close();
      await sleep(50);
      assert.equal(server.openConnections, 0);
      await rejectsWith(get(http), 'aborted');
    });
  });

  describe('proxy', () => {
    it('sends requests through the proxy when proxy.url is set', async () => {
      const server = await startHttp((_req, res) => json(res, 200, { via: 'proxy' }));
      const proxy = await startConnectProxy();
      const response = await get(client({ baseUrl: server.url, proxy: { url: proxy.url, noProxy: ['example.com'] } }));
      assert.deepEqual(response.json, { via: 'proxy' });
      assert.deepEqual(proxy.tunnels, [`127.0.0.1:${server.port}`]);
    });

    it('bypasses the proxy for a host in noProxy', async () => {
      const server = await startHttp((_req, res) => json(res, 200, { via: 'direct' }));
      const proxy = await startConnectProxy();
      const response = await get(client({ baseUrl: server.url, proxy: { url: proxy.url, noProxy: ['127.0.0.1'] } }));
      assert.deepEqual(response.json, { via: 'direct' });
      assert.equal(proxy.connections, 0);
    });

    it('reports a proxy that refuses the tunnel, naming the proxy', async () => {
      const server = await startHttp((_req, res) => json(res, 200, {}));
      const proxy = await startConnectProxy(502);
      const error = await rejectsWith(get(client({ baseUrl: server.url, proxy: { url: proxy.url } })), 'unreachable');
      assert.equal(
        error.message,
        `The proxy 127.0.0.1:${proxy.port} could not open a connection to 127.0.0.1:${server.port} (HTTP 502).`,
      );
    });

    it('reports an unreachable proxy as such', async () => {
      const server = await startHttp((_req, res) => json(res, 200, {}));
      const port = await freePort();
      const error = await rejectsWith(
        get(client({ baseUrl: server.url, proxy: { url: `http://user:pw@127.0.0.1:${port}` } })),
        'unreachable',
      );
      assert.equal(error.message, `Could not reach the proxy 127.0.0.1:${port}: the connection was refused.`);
    });

    it('refuses a proxy setting that is not a URL without repeating it', () => {
      const error = throwsWith(
        () => new HttpClient({ baseUrl: 'https://lxca.example', proxy: { url: 'http://user:pw@bad host:3128' } }),
        'invalidInput',
      );
      assert.doesNotMatch(error.message, /pw|bad host/);
    });

    it('matches noProxy entries: exact host, .suffix, *.suffix, *, host:port', () => {
      const target = new URL('https://lxca.lab.example.com:8443');
      const matches = (entry: string) => bypassesProxy(target, [entry]);
      for (const entry of ['lxca.lab.example.com', 'example.com', '.example.com', '*.lab.example.com', '*', 'LXCA.lab.example.com:8443']) {
        assert.ok(matches(entry), entry);
      }
      for (const entry of ['other.example.com', 'ample.com', '.lxca.lab.example.com', 'lxca.lab.example.com:443', '']) {
        assert.ok(!matches(entry), entry);
      }
      assert.ok(bypassesProxy(new URL('https://[::1]:22016'), ['::1']));
      assert.ok(bypassesProxy(new URL('https://appliance'), ['appliance:443']));
    });

    it('reads proxy settings from the environment', () => {
      assert.deepEqual(
        proxyFromEnvironment({ https_proxy: 'http://proxy:3128', HTTP_PROXY: 'http://other:8080', NO_PROXY: 'localhost, .corp' }),
        { url: 'http://proxy:3128', noProxy: ['localhost', '.corp'] },
      );
      assert.deepEqual(proxyFromEnvironment({ HTTPS_PROXY: 'http://proxy:3128' }, 'http:'), { url: undefined, noProxy: undefined });
    });
  });

  describe('redaction', () => {
    it('safeExcerpt strips markup, folds whitespace, caps the length and hides credentials', () => {
      const text =
        '<html><script>alert(1)</script><p>Login   failed:\n password=hunter2&amp;user=admin</p>' +
        '<pre>Authorization: Basic dXNlcjpwYXNz; WWW-Authenticate: HSSO aGVsbG8td29ybGQ=; ' +
        'session cookie was JSESSIONID=0123ABCD; token 9f8e7d6c5b4a; {"password": "s3cret", "apiKey": "k-123"} ' +
        'https://admin:pa55@host/</pre></html>';
      const excerpt = safeExcerpt(text, 1000);
      for (const secret of ['hunter2', 'dXNlcjpwYXNz', 'aGVsbG8td29ybGQ', '0123ABCD', '9f8e7d6c5b4a', 's3cret', 'k-123', 'pa55']) {
        assert.ok(!excerpt.includes(secret), `${secret} leaked in: ${excerpt}`);
      }
      assert.doesNotMatch(excerpt, /[<>]|alert|\s{2}/);
      assert.match(excerpt, /^Login failed: password=\*\*\*&user=admin Authorization: \*\*\* \*\*\*; /);
      assert.match(excerpt, /JSESSIONID=\*\*\*/);
      assert.match(excerpt, /"password": "\*\*\*"/);

      const long = safeExcerpt('word '.repeat(100));
      assert.equal(long.length, 160);
      assert.ok(long.endsWith('…'));
    });

    it('keeps ordinary messages readable', () => {
      assert.equal(safeExcerpt('<h1>Error 503</h1> Service unavailable: try again later'), 'Error 503 Service unavailable: try again later');
    });

    it('logs method, redacted path, status, duration and error kind — never headers or bodies', async () => {
      const server = await startHttp((req, res) =>
        req.url?.startsWith('/missing') ? res.writeHead(404).end('nope') : json(res, 200, { secretValue: 'body-secret' }),
      );
      const entries: RequestLogEntry[] = [];
      const http = client({ baseUrl: server.url, onRequest: (entry) => entries.push(entry), maxBodyBytes: 1024 });
      await http.request({
        method: 'POST',
        path: '/sessions',
        query: { user: 'admin', password: 'pw-1', csrfToken: 'tok-2', 'HQL::limit': 5 },
        headers: { Authorization: 'Basic c2VjcmV0', Cookie: 'JSESSIONID=cookie-3' },
        body: { password: 'pw-4' },
      });
      await get(http, '/missing');
      const refused = client({ baseUrl: `http://127.0.0.1:${await freePort()}`, onRequest: (entry) => entries.push(entry) });
      await rejectsWith(refused.request({ method: 'GET', path: '/tasks', query: { token: 'tok-5' } }), 'unreachable');

      assert.equal(entries.length, 3);
      assert.deepEqual(
        entries.map(({ ms, ...rest }) => {
          assert.ok(typeof ms === 'number' && ms >= 0);
          return rest;
        }),
        [
          { method: 'POST', path: '/sessions?user=admin&password=***&csrfToken=***&HQL::limit=5', status: 200, error: undefined },
          { method: 'GET', path: '/missing', status: 404, error: undefined },
          { method: 'GET', path: '/tasks?token=***', status: undefined, error: 'unreachable' },
        ],
      );
      const logged = JSON.stringify(entries);
      for (const secret of ['pw-1', 'tok-2', 'c2VjcmV0', 'cookie-3', 'pw-4', 'body-secret', 'tok-5']) {
        assert.ok(!logged.includes(secret), secret);
      }
    });

    it('redacts secret query values in paths', () => {
      assert.equal(redactPathQuery('/a?api_key=1&x=2&session%5Fid=3&flag'), '/a?api_key=***&x=2&session%5Fid=***&flag');
      assert.equal(redactPathQuery('/plain'), '/plain');
    });

    it('never puts the body of an error page into an error message unredacted', async () => {
      const server = await startHttp((_req, res) =>
        res.writeHead(500, { 'content-type': 'text/html' }).end('<p>Login failed for password=topsecret token=abc123xyz</p>'),
      );
      const response = await get(client({ baseUrl: server.url }));
      const error = throwsWith(() => expectJson(response), 'badResponse');
      assert.ok(!error.message.includes('topsecret') && !error.message.includes('abc123xyz'), error.message);
      assert.ok(!(error.excerpt ?? '').includes('topsecret'));
      assert.match(error.message, /password=\*\*\*/);
    });
  });
});
