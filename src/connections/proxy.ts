import * as vscode from 'vscode';
import type { ProxySettings } from '../api/http';

/** VS Code's `http.proxy`/`http.noProxy`, else the usual environment variables. */
export function proxySettings(baseUrl: string, env: NodeJS.ProcessEnv = process.env): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const https = baseUrl.startsWith('https:');
  const url =
    http.get<string>('proxy') ||
    (https ? env.HTTPS_PROXY ?? env.https_proxy : undefined) ||
    env.HTTP_PROXY ||
    env.http_proxy ||
    undefined;
  const fromSettings = http.get<string[]>('noProxy') ?? [];
  const fromEnv = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { url, noProxy: [...fromSettings, ...fromEnv] };
}
