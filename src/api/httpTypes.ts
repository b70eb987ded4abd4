/** The shapes a request and its answer have, shared by http.ts and the modules it calls. */

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
  /**
   * Replaces the connection's known secrets in a text taken from this response: error builders run
   * it over the server's words before anything else (see knownSecrets.ts).
   */
  scrub?: (text: string) => string;
}
