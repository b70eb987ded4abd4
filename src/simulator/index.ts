// The two fake servers (LXCA and JP1/AO), written from docs/api/ only: nothing here imports src/api
// or vscode. Entry of dist/simulator.js (opsTasks.startDemo) and of the CLI.
import { startJp1ao } from './jp1ao';
import { AO_USERS } from './jp1ao/auth';
import { LXCA_USERS } from './lxca/auth';
import { startLxca } from './lxca';
import { generateTlsMaterial, type TlsMaterial } from './tls';
import type { Jp1aoSimulator, LxcaSimulator, SimulatorOptions } from './types';

export type * from './types';

/** The account each simulator signs its main user in with: the same on every start. */
export const demoAccounts = {
  lxca: { username: LXCA_USERS[0].username, password: LXCA_USERS[0].password },
  jp1ao: { username: AO_USERS[0].username, password: AO_USERS[0].password },
} as const;

const tlsFor = (options: SimulatorOptions): Promise<TlsMaterial | undefined> =>
  options.tls ? generateTlsMaterial(options.host ?? '127.0.0.1') : Promise.resolve(undefined);

export async function startLxcaSimulator(options: SimulatorOptions = {}): Promise<LxcaSimulator> {
  return startLxca(options, await tlsFor(options));
}

export async function startJp1aoSimulator(options: SimulatorOptions = {}): Promise<Jp1aoSimulator> {
  return startJp1ao(options, await tlsFor(options));
}

/** Both servers; with `tls` they share one certificate. */
export async function startSimulators(
  options: SimulatorOptions = {},
): Promise<{ lxca: LxcaSimulator; jp1ao: Jp1aoSimulator; close(): Promise<void> }> {
  const tls = await tlsFor(options);
  const lxca = await startLxca(options, tls);
  let jp1ao: Jp1aoSimulator;
  try {
    jp1ao = await startJp1ao(options, tls);
  } catch (error) {
    await lxca.close();
    throw error;
  }
  return { lxca, jp1ao, close: async () => void (await Promise.all([lxca.close(), jp1ao.close()])) };
}
