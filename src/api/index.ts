// Entry of dist/api.js: everything the extension loads on first network use.
export * from './errors';
export * from './jp1ao';
export * from './lxca';
export * from './http';
export { proxyUrlFor, bypassesProxy, proxyFromEnvironment } from './proxy';
export { normalizeFingerprint } from './tls';
export { redactSecrets, redactPathQuery } from './redaction';
export { withOperationDeadline, DEFAULT_OPERATION_DEADLINE_MS } from './deadline';
