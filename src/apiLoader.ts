import type * as Api from './api/index';

let api: typeof Api | undefined;

/**
 * The HTTP layer and product clients (with undici) live in dist/api.js and load on the first
 * network call, so activation never pays for them.
 */
export function loadApi(): typeof Api {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  api ??= require('./api.js') as typeof Api;
  return api;
}
