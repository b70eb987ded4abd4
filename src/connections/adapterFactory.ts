import * as vscode from 'vscode';
import type { RequestLogEntry } from '../api/http';
import { loadApi } from '../apiLoader';
import { log } from '../log';
import type { ProductAdapter } from '../tasks/adapter';
import { Jp1aoAdapter } from '../tasks/jp1ao';
import { LxcaAdapter } from '../tasks/lxca';
import type { ConnectionConfig } from './config';
import { proxySettings } from './proxy';
import { boundByDeadline } from './operationDeadline';

type SignIn = () => Promise<{ username: string; password: string }>;

/**
 * The one place that picks a product: builds the HTTP client, the product client and its adapter
 * for one connection, loading the API bundle on first use.
 */
export function createAdapter(config: ConnectionConfig, signIn: SignIn, onRequest: (entry: RequestLogEntry) => void): ProductAdapter {
  const api = loadApi();
  const http = new api.HttpClient({
    baseUrl: config.baseUrl,
    tls: config.tls,
    proxy: proxySettings(api, config.baseUrl),
    onRequest,
  });
  const closeHttp = () => http.close();
  const onNotice = (message: string) => log().info(`${config.name}: ${message}`);
  const within = <T>(work: () => T): T => api.withOperationDeadline(api.DEFAULT_OPERATION_DEADLINE_MS, work);
  switch (config.kind) {
    case 'lxca':
      return boundByDeadline(new LxcaAdapter(api, config.name, new api.LxcaClient(http, signIn), closeHttp, onNotice), within);
    case 'jp1ao':
      return boundByDeadline(new Jp1aoAdapter(api, config.name, new api.Jp1aoClient(http, signIn, {
        language: displayLanguage(),
        onNotice,
      }), config.username, closeHttp, onNotice), within);
  }
}

/**
 * Runs `work` as one operation: every request it sends, through any adapter call, stops at one
 * overall deadline (an action's read, send and read-back together).
 */
export function withinOneDeadline<T>(work: () => T): T {
  const api = loadApi();
  return api.withOperationDeadline(api.DEFAULT_OPERATION_DEADLINE_MS, work);
}

/** Runs `work` as one operation whose requests all stop `ms` from now (an outcome's read-back: what is left of its window). */
export function withinDeadlineOf<T>(ms: number, work: () => T): T {
  return loadApi().withOperationDeadline(ms, work);
}

/** JP1/AO answers in Japanese, Chinese or English; VS Code's display language picks which. */
function displayLanguage(): 'en' | 'ja' | 'zh' {
  const language = vscode.env.language.toLowerCase();
  if (language.startsWith('ja')) return 'ja';
  if (language.startsWith('zh')) return 'zh';
  return 'en';
}
