/**
 * Every failure the API layer reports is an ApiError with a `kind` the UI can act on
 * (offer "Set Password" for `auth`, "Trust This Certificate" for `tls`, …) and a message that is
 * safe to show: it never carries a password, token, cookie or a raw HTML page.
 */
export type ApiErrorKind =
  /** DNS failure, connection refused or reset, socket closed early. */
  | 'unreachable'
  /** Connect, header or body time-out. */
  | 'timeout'
  /** The server's certificate was not trusted; see TlsError for its fingerprint. */
  | 'tls'
  /** Wrong user name or password, or a session that could not be renewed (401). */
  | 'auth'
  /** The user may not do this (403). */
  | 'forbidden'
  /** No such task/job — or, for JP1/AO, no permission to read it (404). */
  | 'notFound'
  /** The task moved on: the operation does not fit its current state (409). */
  | 'conflict'
  /** The server is not available (LXCA 412 "missing values" is `badRequest`; JP1/AO 412 is this). */
  | 'unavailable'
  /** The server refused the request as invalid (400, LXCA 412). */
  | 'badRequest'
  /** The server failed (5xx). */
  | 'server'
  /**
   * The server refused the request for now (429, or 503 with Retry-After): nothing was carried
   * out; `retryAfterMs` says when to try again.
   */
  | 'busy'
  /** The body was not what the API promises: HTML, plain text, truncated or malformed JSON. */
  | 'badResponse'
  /** The body was larger than the connection's size cap. */
  | 'tooLarge'
  /** Input refused by the client before any request was sent. */
  | 'invalidInput'
  /** The caller aborted the request. */
  | 'aborted'
  /**
   * A change (a cancel) was sent but no answer came: it timed out or the connection dropped after
   * sending, so the server may have carried it out. Never retried; read the task again to know.
   */
  | 'uncertain';

export interface ApiErrorInit {
  status?: number;
  /** The server's own message as a short plain line (LXCA `messages[0].text`, JP1/AO `message`). */
  serverMessage?: string;
  /** The server's whole text, redacted, for the log and the details (the message is the short form). */
  fullText?: string;
  /** LXCA `FQXHM…` or JP1/AO `KNAE…` message id. */
  messageId?: string;
  /** Longer explanation or recovery text from the server, for a details view. */
  details?: string;
  /** A short, tag-free excerpt of an unexpected body. */
  excerpt?: string;
  /** For `busy`: how long the server asked the client to wait. */
  retryAfterMs?: number;
  /**
   * The change never left this machine (the connection could not be opened, or an earlier step of
   * the same action failed first): nothing happened on the server and it may be tried again.
   */
  notSent?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly fullText?: string;
  readonly messageId?: string;
  readonly details?: string;
  readonly excerpt?: string;
  readonly retryAfterMs?: number;
  readonly notSent?: boolean;

  constructor(kind: ApiErrorKind, message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.fullText = init.fullText;
    this.messageId = init.messageId;
    this.details = init.details;
    this.excerpt = init.excerpt;
    this.retryAfterMs = init.retryAfterMs;
    if (init.notSent) this.notSent = true;
  }
}

/** The same failure, marked as one whose change was never sent (see ApiErrorInit.notSent). */
export function notSentError(error: ApiError, message = error.message): ApiError {
  const { status, serverMessage, fullText, messageId, details, excerpt } = error;
  return new ApiError(error.kind, message, { status, serverMessage, fullText, messageId, details, excerpt, notSent: true, cause: error });
}

export interface PresentedCertificate {
  /** SHA-256 fingerprint as `AB:CD:…`, the form `tls.fingerprint256` takes. */
  fingerprint256: string;
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
}

/** The server's certificate was refused. Carries what it presented so the UI can offer to pin it. */
export class TlsError extends ApiError {
  readonly certificate?: PresentedCertificate;

  constructor(message: string, certificate: PresentedCertificate | undefined, init: ApiErrorInit = {}) {
    super('tls', message, init);
    this.name = 'TlsError';
    this.certificate = certificate;
  }
}

/**
 * The connection's CA file cannot be used: unreadable, or it holds no certificate. Its own class
 * so the UI says so instead of treating the server's certificate as self-signed and offering Trust.
 */
export class CaFileError extends ApiError {
  readonly caFile: string;
  readonly problem: 'unreadable' | 'noCertificate';

  constructor(caFile: string, problem: CaFileError['problem'], message: string, init: ApiErrorInit = {}) {
    super('invalidInput', message, init);
    this.name = 'CaFileError';
    this.caFile = caFile;
    this.problem = problem;
  }
}
