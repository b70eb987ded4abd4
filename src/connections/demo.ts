/**
 * Which connections are the demo's. The demo's servers run inside the extension host, so a window
 * reload stops them; what is remembered (in globalState, never in settings) is the ports they
 * listened on, so they can start again there with the same data and the same passwords.
 */
import type * as vscode from 'vscode';
import type { ConnectionConfig } from './config';

export const demoNames = { lxca: 'Demo LXCA', jp1ao: 'Demo JP1/AO' } as const;

export interface DemoPorts {
  readonly lxcaPort: number;
  readonly jp1aoPort: number;
}

const stateKey = 'opsTasks.demo';
let memento: vscode.Memento | undefined;

export function useDemoMemento(state: vscode.Memento): void {
  memento = state;
}

export function demoPorts(): DemoPorts | undefined {
  const value = memento?.get<unknown>(stateKey);
  if (typeof value !== 'object' || value === null) return undefined;
  const { lxcaPort, jp1aoPort } = value as Record<string, unknown>;
  return typeof lxcaPort === 'number' && typeof jp1aoPort === 'number' ? { lxcaPort, jp1aoPort } : undefined;
}

export async function rememberDemo(ports: DemoPorts | undefined): Promise<void> {
  await memento?.update(stateKey, ports);
}

function portOf(baseUrl: string): number | undefined {
  try {
    const url = new URL(baseUrl);
    return url.hostname === '127.0.0.1' ? Number(url.port) : undefined;
  } catch {
    return undefined;
  }
}

/** A connection the demo made: its name, and the loopback port the demo's server of that product listened on. */
export function isDemoConnection(config: Pick<ConnectionConfig, 'name' | 'kind' | 'baseUrl'>): boolean {
  const ports = demoPorts();
  if (!ports || config.name !== demoNames[config.kind]) return false;
  return portOf(config.baseUrl) === (config.kind === 'lxca' ? ports.lxcaPort : ports.jp1aoPort);
}
