/**
 * The HTTP layer both product clients stand on. One HttpClient per connection: one pooled
 * keep-alive undici dispatcher, its own certificate trust and proxy, time-outs, a size cap, and
 * failures mapped to ApiError with messages that are safe to show.
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { probeCertificate } from './certificateProbe';
import { createDispatcher } from './dispatcher';
import { ApiError } from './errors';
import { errorCodes, formatDuration, networkFailure, type FailureContext } from './networkErrors';
import { proxyUrlFor } from './proxy';
import { redactPathQuery } from './redaction';
import { readCappedText, toHttpResponse } from './responseBody';
import { certificateGuard, tlsConnectionOptions, untrustedCertificateError, verificationFailureReason } from './tls';
import { KnownSecrets } from './knownSecrets';
import { hasLoneSurrogate, wellFormed } from '../util/displayText';
import { operationDeadline } from './deadline';
import type { HttpResponse, ProxySettings, TlsTrust } from './httpTypes';

export { safeExcerpt } from './redaction';
export { expectJson } from './responseBody';
export { proxyFromEnvironment } from './proxy';
export type { HttpResponse, ProxySettings, TlsTrust } from './httpTypes';

export interface RequestLogEntry {
  method: string;
  /** Path and query with nothing secret in it. */
  path: string;
  status?: number;
  ms: number;
  error?: string;
}

export interface HttpClientOptions {
  /** `https://host:port` (a path prefix is kept). */
  baseUrl: string;
  tls?: TlsTrust;
  proxy?: ProxySettings;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /**
   * The whole request, from sending to the last byte of the body: a server that trickles its
   * answer never times out byte by byte, so each request also has this overall deadline.
   */
  requestDeadlineMs?: number;
  /** Bodies above this size fail with ApiError kind `tooLarge`. */
  maxBodyBytes?: number;
  /** Called once per request, after it ends. Never receives headers or bodies. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path relative to baseUrl, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Serialised as JSON with `Content-Type: application/json`. */
  body?: unknown;
  signal?: AbortSignal;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 32 * 2 ** 20;

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ApiError('invalidInput', 'The server address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('invalidInput', 'The server address must start with https:// or http://.');
  }
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url;
}

function hostPortOf(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** Like encodeURIComponent, but keeps `:` (valid in a query) so keys such as `HQL::filter` stay readable. */
function encodeQueryPart(value: string): string {
  // A lone surrogate (a filter text cut in the middle of an emoji) would make encodeURIComponent throw.
  return encodeURIComponent(wellFormed(value)).replace(/%3A/gi, ':');
}

/** The request path under the base URL's path prefix, with the defined query values appended. */
function buildRequestPath(base: URL, path: string, query: HttpRequest['query'] = {}): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  const relative = path.startsWith('/') ? path : `/${path}`;
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeQueryPart(key)}=${encodeQueryPart(String(value))}`);
  if (pairs.length === 0) return prefix + relative;
  return `${prefix}${relative}${relative.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

function withJsonBody(request: HttpRequest): { headers: Record<string, string>; body?: string } {
  const headers = { ...request.headers };
  if (request.body === undefined) return { headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  try {
    return { headers, body: JSON.stringify(request.body) };
  } catch (error) {
    // A body echoed from the server (a JP1/AO action template) nested thousands deep, or a cycle.
    throw new ApiError('invalidInput', 'The request body could not be written as JSON.', { cause: error });
  }
}

export class HttpClient {
  private readonly base: URL;
  private readonly proxyUrl: string | undefined;
  private readonly failureContext: FailureContext;
  private readonly maxBodyBytes: number;
  private readonly deadlineMs: number;
  private dispatcher: Promise<Dispatcher> | undefined;
  private closed = false;
  /** The connection's password, tokens and cookies, replaced in every error text built from a response. */
  readonly secrets = new KnownSecrets();

  /** Throws ApiError `invalidInput` when `baseUrl` is not an http(s) URL. */
  constructor(private readonly options: HttpClientOptions) {
    this.base = parseBaseUrl(options.baseUrl);
    this.proxyUrl = proxyUrlFor(this.base, options.proxy);
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.deadlineMs = options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
    this.failureContext = {
      hostPort: hostPortOf(this.base),
      proxyHostPort: this.proxyUrl ? hostPortOf(new URL(this.proxyUrl)) : undefined,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    };
  }

  /**
   * Sends one request. Resolves with any HTTP status (mapping statuses to errors is the product
   * client's job, since each vendor words errors differently). Rejects only with ApiError:
   * `unreachable`, `timeout`, `tls` (TlsError with the certificate), `tooLarge`, `aborted`;
   * also `badResponse` when the server does not speak HTTP, and `invalidInput` when the trust
   * settings (CA file, fingerprint) or the request's headers are unusable.
   */
  async request(request: HttpRequest): Promise<HttpResponse> {
    if (hasLoneSurrogate(request.path)) throw new ApiError('invalidInput', 'The request path holds text that is not well-formed.');
    const path = buildRequestPath(this.base, request.path, request.query);
    const started = performance.now();
    const operation = operationDeadline();
    const left = operation ? operation.at - started : Infinity;
    // The operation's overall deadline is shorter than this request's own: it says why it stopped.
    const limitMs = left < this.deadlineMs ? Math.max(0, left) : this.deadlineMs;
    const limitText = left < this.deadlineMs ? operation!.ms : this.deadlineMs;
    if (limitMs <= 0) throw this.deadlineError(undefined, limitText);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limitMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    try {
      const response = await this.send({ ...request, signal }, path);
      this.log(request.method, path, started, response.status);
      return { ...response, scrub: this.secrets.scrub };
    } catch (error) {
      const failure = deadline.signal.aborted && !request.signal?.aborted ? this.deadlineError(error, limitText) : await this.toApiError(error, request.signal);
      this.log(request.method, path, started, failure.status, failure.kind);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  private deadlineError(cause: unknown, limitMs: number): ApiError {
    const { hostPort } = this.failureContext;
    return new ApiError('timeout', `${hostPort} did not finish its answer within ${formatDuration(limitMs)}.`, { cause });
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.dispatcher;
    this.dispatcher = undefined;
    const dispatcher = await pending?.catch(() => undefined);
    await dispatcher?.destroy();
  }

  private async send(request: HttpRequest, path: string): Promise<HttpResponse> {
    const dispatcher = await this.getDispatcher();
    const { headers, body } = withJsonBody(request);
    const response = await dispatcher.request({
      origin: this.base.origin,
      path,
      method: request.method,
      headers,
      body,
      signal: request.signal,
    });
    const text = await readCappedText(response.body, response.headers, this.maxBodyBytes, response.statusCode);
    // undici hands the socket back to the pool a tick after the body ends; a request the caller
    // sends right after this one resolves would otherwise open a second connection.
    await new Promise((resolve) => setImmediate(resolve));
    return toHttpResponse(response.statusCode, response.headers, text);
  }

  private getDispatcher(): Promise<Dispatcher> {
    if (this.closed) {
      return Promise.reject(new ApiError('aborted', `The connection to ${this.failureContext.hostPort} was closed.`));
    }
    this.dispatcher ??= this.buildDispatcher().catch((error: unknown) => {
      this.dispatcher = undefined; // read the CA file again next time: the user may fix it
      throw error;
    });
    return this.dispatcher;
  }

  private async buildDispatcher(): Promise<Dispatcher> {
    const { tls } = this.options;
    const { hostPort, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = this.failureContext;
    return createDispatcher({
      proxyUrl: this.proxyUrl,
      tls: await tlsConnectionOptions(tls),
      guard: certificateGuard(tls, hostPort),
      connectTimeoutMs,
      headersTimeoutMs,
      bodyTimeoutMs,
    });
  }

  private async toApiError(error: unknown, signal: AbortSignal | undefined): Promise<ApiError> {
    if (error instanceof ApiError) return error;
    const { hostPort, connectTimeoutMs } = this.failureContext;
    if (signal?.aborted) return new ApiError('aborted', `The request to ${hostPort} was cancelled.`, { cause: error });
    const codes = errorCodes(error);
    const reason = codes.includes('UND_ERR_PRX_TLS') ? undefined : codes.map(verificationFailureReason).find(Boolean);
    if (reason) {
      const certificate = await probeCertificate(this.base.origin, this.proxyUrl, connectTimeoutMs);
      return untrustedCertificateError(hostPort, reason, certificate, error);
    }
    return networkFailure(error, this.failureContext);
  }

  private log(method: string, path: string, started: number, status?: number, error?: string): void {
    const entry = { method, path: redactPathQuery(path), status, ms: Math.round(performance.now() - started), error };
    try {
      this.options.onRequest?.(entry);
    } catch {
      // A failing logger must not turn a finished request into a failed one.
    }
  }
}
