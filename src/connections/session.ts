import * as vscode from 'vscode';
import type { RequestLogEntry } from '../api/http';
import type { Jp1aoClient } from '../api/jp1ao/client';
import type { LxcaClient } from '../api/lxca/client';
import { loadApi } from '../apiLoader';
import { Jp1aoTaskSource } from '../tasks/jp1aoSource';
import { LxcaTaskSource } from '../tasks/lxcaSource';
import type { TaskSource } from '../tasks/source';
import type { ConnectionConfig } from './config';
import { proxySettings } from './proxy';

type SignIn = () => Promise<{ username: string; password: string }>;

interface SessionBase {
  readonly source: TaskSource;
  /** "Lenovo XClarity Administrator, 42 jobs" or "JP1/Automatic Operation 12-60 (API 1.4)". */
  describe(): Promise<string>;
  close(): Promise<void>;
}

export type ProductSession =
  | (SessionBase & { readonly product: 'lxca'; readonly client: LxcaClient })
  | (SessionBase & { readonly product: 'jp1ao'; readonly client: Jp1aoClient });

/** Builds the HTTP client and product client of one connection; loads the API bundle on first use. */
export function createSession(config: ConnectionConfig, signIn: SignIn, onRequest: (entry: RequestLogEntry) => void): ProductSession {
  const api = loadApi();
  const http = new api.HttpClient({
    baseUrl: config.baseUrl,
    tls: config.tls,
    proxy: proxySettings(config.baseUrl),
    onRequest,
  });
  if (config.kind === 'lxca') {
    const client = new api.LxcaClient(http, signIn);
    return {
      product: 'lxca',
      client,
      source: new LxcaTaskSource(config.name, client),
      describe: async () => {
        const jobs = await client.listJobs({ compact: true });
        return `Lenovo XClarity Administrator, ${jobs.length} jobs`;
      },
      close: async () => {
        await client.logout().catch(() => undefined);
        await http.close();
      },
    };
  }
  const client = new api.Jp1aoClient(http, signIn, { language: displayLanguage() });
  return {
    product: 'jp1ao',
    client,
    source: new Jp1aoTaskSource(config.name, client),
    describe: async () => {
      const [version, user] = await Promise.all([client.version(), client.user()]);
      const name = version.productName ?? 'JP1/Automatic Operation';
      const api = version.apiVersion ? ` (API ${version.apiVersion})` : '';
      const who = user.name ?? config.username;
      return `${name} ${version.productVersion ?? ''}${api}, signed in as ${who}`.replace(/\s+/g, ' ');
    },
    close: async () => {
      client.signOut();
      await http.close();
    },
  };
}

/** JP1/AO answers in Japanese, Chinese or English; VS Code's display language picks which. */
function displayLanguage(): 'en' | 'ja' | 'zh' {
  const language = vscode.env.language.toLowerCase();
  if (language.startsWith('ja')) return 'ja';
  if (language.startsWith('zh')) return 'zh';
  return 'en';
}
