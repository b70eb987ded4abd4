// Entry of dist/api.js: everything the extension loads on first network use.
export * from './errors';
