// A simulator with the extension's read path over it (HttpClient, product client, adapter,
// TaskStore), started together and closed together. LXCA tasks are keyed `lab/…`, JP1/AO `ao/…`.
//   const lab = useFixture('each', () => startLxcaStore({ size: 450, seed: 7, newItemEveryMs: 0 }, 200));
//   it('…', async () => { const { sim, store } = lab(); … });
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { LxcaClient } from '../../src/api/lxca/client';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import type { RunningSimulator, SimulatorOptions } from '../../src/simulator/types';
import type { TaskSource } from '../../src/tasks/adapter';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { LxcaAdapter } from '../../src/tasks/lxca';
import { TaskStore } from '../../src/tasks/store';
import type { StoreOptions } from '../../src/tasks/storeOptions';

export interface StoreFixture<S extends RunningSimulator> {
  readonly sim: S;
  readonly http: HttpClient;
  readonly store: TaskStore;
  /** Disposes the store, then closes the HTTP client and the simulator. */
  close(): Promise<void>;
}

/** The simulator's own user, as a client's credentials callback. */
export function credentialsOf(sim: Pick<RunningSimulator, 'username' | 'password'>): () => Promise<{ username: string; password: string }> {
  return async () => ({ username: sim.username, password: sim.password });
}

/** `source` makes the product client once and answers a factory of adapters over it. */
function storeOver<S extends RunningSimulator>(sim: S, pageSize: number, options: StoreOptions | undefined, source: (http: HttpClient) => () => TaskSource): StoreFixture<S> {
  const http = new HttpClient({ baseUrl: sim.url });
  const adapter = source(http);
  const store = new TaskStore(async () => adapter(), pageSize, {}, options);
  return {
    sim,
    http,
    store,
    close: async () => {
      store.dispose();
      await http.close();
      await sim.close();
    },
  };
}

export async function startLxcaStore(simulator: SimulatorOptions, pageSize: number, options?: StoreOptions): Promise<StoreFixture<LxcaSimulator>> {
  const sim = await startLxcaSimulator(simulator);
  return storeOver(sim, pageSize, options, (http) => {
    const client = new LxcaClient(http, credentialsOf(sim));
    return () => new LxcaAdapter(api, 'lab', client, () => http.close());
  });
}

export async function startJp1aoStore(simulator: SimulatorOptions, pageSize: number, options?: StoreOptions): Promise<StoreFixture<Jp1aoSimulator>> {
  const sim = await startJp1aoSimulator(simulator);
  return storeOver(sim, pageSize, options, (http) => {
    const client = new Jp1aoClient(http, credentialsOf(sim));
    return () => new Jp1aoAdapter(api, 'ao', client, sim.username, () => http.close());
  });
}

/**
 * Mocha hooks around a fixture: started before each test (`each`) or once before the suite
 * (`all`), closed after it. The answer reads the one running now.
 */
export function useFixture<F extends { close(): Promise<void> }>(when: 'each' | 'all', start: () => Promise<F>): () => F {
  let current: F | undefined;
  (when === 'each' ? beforeEach : before)(async () => {
    current = await start();
  });
  (when === 'each' ? afterEach : after)(async () => {
    const started = current;
    current = undefined;
    await started?.close();
  });
  return () => {
    assert.ok(current, 'the fixture is used inside a test or hook of its suite');
    return current;
  };
}
