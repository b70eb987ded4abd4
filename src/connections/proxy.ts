import * as vscode from 'vscode';
import type * as Api from '../api/index';
import type { ProxySettings } from '../api/http';

/** VS Code's `http.proxy`/`http.noProxy` first, then what the API layer reads from the environment. */
export function proxySettings(api: Pick<typeof Api, 'proxyFromEnvironment'>, baseUrl: string, env: NodeJS.ProcessEnv = process.env): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const fromEnv = api.proxyFromEnvironment(env, baseUrl.startsWith('https:') ? 'https:' : 'http:');
  const fromSettings = http.get<string[]>('noProxy') ?? [];
  return { url: http.get<string>('proxy') || fromEnv.url, noProxy: [...fromSettings, ...(fromEnv.noProxy ?? [])] };
}
