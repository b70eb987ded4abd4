/**
 * The HTTP layer both product clients stand on. One HttpClient per connection.
 * CONTRACT (implementation pending): see the doc comments of each member.
 */
import type { ApiError } from './errors';

export interface TlsTrust {
  /** Path of a PEM file with extra CA certificates trusted for this server only. */
  caFile?: string;
  /** PEM text, as an alternative to caFile (tests, demo). */
  ca?: string;
  /** Pinned SHA-256 fingerprint `AB:CD:…` (case and separators tolerated): exactly that certificate is accepted. */
  fingerprint256?: string;
}

export interface ProxySettings {
  /** Proxy URL (`http.proxy` or HTTPS_PROXY/HTTP_PROXY). */
  url?: string;
  /** Hosts that bypass the proxy (`http.noProxy` or NO_PROXY): exact host, `.suffix`, `*.suffix`, `*`. */
  noProxy?: string[];
}

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

export interface HttpResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Raw body text (already size-capped). */
  text: string;
  /** Parsed JSON when the body is JSON, else undefined. */
  json: unknown;
  /** True when the body parsed as JSON (an empty body is not JSON). */
  isJson: boolean;
}

export declare class HttpClient {
  constructor(options: HttpClientOptions);
  /**
   * Sends one request. Resolves with any HTTP status (mapping statuses to errors is the product
   * client's job, since each vendor words errors differently). Rejects only with ApiError:
   * `unreachable`, `timeout`, `tls` (TlsError with the certificate), `tooLarge`, `aborted`.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** A short, tag-free, whitespace-folded excerpt of a body, safe to show. */
export declare function safeExcerpt(text: string, max?: number): string;

/**
 * The parsed JSON body of a 2xx response, or ApiError `badResponse` with the status and a safe
 * excerpt when the body is HTML, plain text, truncated or otherwise not JSON.
 */
export declare function expectJson(response: HttpResponse): unknown;

export type { ApiError };
