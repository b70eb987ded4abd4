/**
 * Maps what Node and undici throw to ApiErrors with messages a user can act on. Messages name
 * host:port only — never the URL, its query or anything the server sent.
 */
import { ApiError, TlsError } from './errors';

export interface FailureContext {
  /** `host:port` of the server. */
  hostPort: string;
  /** `host:port` of the proxy when the connection goes through one. */
  proxyHostPort?: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Every `code` along the error, its causes and (for AggregateError) its inner errors. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    visit(cause);
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(error);
  return codes;
}

function errorMessages(error: unknown): string {
  const messages: string[] = [];
  for (let value = error; value instanceof Error && messages.length < 5; value = value.cause) {
    messages.push(value.message);
  }
  return messages.join('\n');
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

const CONNECTION_PROBLEMS = new Map<string, string>(Object.entries({
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed unexpectedly',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  ECONNABORTED: 'the connection was aborted',
}));

/** Problems before the TCP connection stands: with a proxy, these are about reaching the proxy. */
const CONNECT_PROBLEMS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function timeoutError(codes: string[], context: FailureContext, cause: unknown): ApiError | undefined {
  const { hostPort, proxyHostPort } = context;
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT') || codes.includes('ETIMEDOUT')) {
    const via = proxyHostPort ? ` through the proxy ${proxyHostPort}` : '';
    const message = `Connecting to ${hostPort}${via} timed out after ${formatDuration(context.connectTimeoutMs)}.`;
    return new ApiError('timeout', message, { cause, notSent: codes.includes('UND_ERR_CONNECT_TIMEOUT') });
  }
  if (codes.includes('UND_ERR_HEADERS_TIMEOUT')) {
    const message = `${hostPort} did not answer within ${formatDuration(context.headersTimeoutMs)}.`;
    return new ApiError('timeout', message, { cause });
  }
  if (codes.includes('UND_ERR_BODY_TIMEOUT')) {
    const message = `${hostPort} stopped sending its answer (nothing received for ${formatDuration(context.bodyTimeoutMs)}).`;
    return new ApiError('timeout', message, { cause });
  }
  return undefined;
}

function proxyError(error: unknown, codes: string[], context: FailureContext): ApiError | undefined {
  const { hostPort, proxyHostPort } = context;
  if (!proxyHostPort) return undefined;
  const refusedTunnel = /Proxy response \((\d+)\)/.exec(errorMessages(error));
  if (refusedTunnel) {
    const status = Number(refusedTunnel[1]);
    const message =
      status === 407
        ? `The proxy ${proxyHostPort} asks for a proxy password (HTTP 407).`
        : `The proxy ${proxyHostPort} could not open a connection to ${hostPort} (HTTP ${status}).`;
    return new ApiError('unreachable', message, { cause: error });
  }
  if (codes.includes('UND_ERR_PRX_TLS')) {
    return new ApiError('unreachable', `The certificate of the proxy ${proxyHostPort} is not trusted.`, { cause: error });
  }
  const problem = codes.find((code) => CONNECT_PROBLEMS.has(code));
  if (problem) {
    const message = `Could not reach the proxy ${proxyHostPort}: ${CONNECTION_PROBLEMS.get(problem)}.`;
    return new ApiError('unreachable', message, { cause: error, notSent: true });
  }
  return undefined;
}

/** Any failure of a request other than a certificate verification failure, as an ApiError. */
export function networkFailure(error: unknown, context: FailureContext): ApiError {
  if (error instanceof ApiError) return error;
  const { hostPort } = context;
  const codes = errorCodes(error);
  const known = timeoutError(codes, context, error) ?? proxyError(error, codes, context);
  if (known) return known;
  if (codes.includes('UND_ERR_DESTROYED') || codes.includes('UND_ERR_CLOSED')) {
    return new ApiError('aborted', `The connection to ${hostPort} was closed before the request finished.`, {
      cause: error,
    });
  }
  if (error instanceof Error && error.name === 'HTTPParserError') {
    return new ApiError('badResponse', `${hostPort} did not answer with HTTP. Is the port right?`, { cause: error });
  }
  if (codes.includes('UND_ERR_INVALID_ARG')) {
    return new ApiError('invalidInput', `The request to ${hostPort} was not sent: it has an invalid header or path.`, {
      cause: error,
    });
  }
  const problem = codes.find((code) => CONNECTION_PROBLEMS.has(code));
  if (problem) {
    // Refused, unknown host, no route: the connection never stood, so no request left.
    return new ApiError('unreachable', `Could not reach ${hostPort}: ${CONNECTION_PROBLEMS.get(problem)}.`, { cause: error, notSent: CONNECT_PROBLEMS.has(problem) });
  }
  const tlsProblem = codes.find((code) => code === 'EPROTO' || code.startsWith('ERR_SSL_'));
  if (tlsProblem) {
    const message = `Could not open a secure connection to ${hostPort} (${tlsProblem}). Does the server speak HTTPS on this port?`;
    return new TlsError(message, undefined, { cause: error });
  }
  const code = codes[0] ?? (error instanceof Error ? error.name : 'unknown error');
  return new ApiError('unreachable', `Could not reach ${hostPort} (${code}).`, { cause: error });
}
