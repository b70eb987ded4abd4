/** The undici dispatcher of one connection: a keep-alive Agent, or a ProxyAgent tunnelling through a proxy. */
import type { ConnectionOptions } from 'node:tls';
import { Agent, buildConnector, Pool, ProxyAgent, type Dispatcher } from 'undici';
import { guardedConnector, type ConnectionGuard } from './tls';

export interface DispatcherSettings {
  /** Proxy to tunnel through, or undefined for a direct connection. */
  proxyUrl?: string;
  tls: ConnectionOptions;
  guard: ConnectionGuard;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Long enough to reuse the connection between two polls a few seconds apart. */
const KEEP_ALIVE_MS = 10_000;

export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const { proxyUrl, tls, guard, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = settings;
  const common = { keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: headersTimeoutMs, bodyTimeout: bodyTimeoutMs };
  if (!proxyUrl) {
    const connect = buildConnector({ ...tls, timeout: connectTimeoutMs });
    return new Agent({ ...common, connect: guardedConnector(connect, guard) });
  }
  return new ProxyAgent({
    ...common,
    uri: proxyUrl,
    proxyTls: { timeout: connectTimeoutMs },
    requestTls: { ...tls, timeout: connectTimeoutMs },
    // ProxyAgent builds the tunnel + TLS connector itself; the guard wraps it per origin.
    factory: (origin, options) => {
      const { connect } = options as { connect: buildConnector.connector };
      return new Pool(origin, { ...options, connect: guardedConnector(connect, guard) });
    },
  });
}
