import type { RunningSimulator, SimulatorOptions } from '../../src/simulator/types';
import { sleep } from './wait';

/** Starts a simulator of 3 items that adds one every 100 ms, and answers its items 350 ms later. */
export async function itemsAfterLiveStart<S extends RunningSimulator, T>(start: (options: SimulatorOptions) => Promise<S>, items: (sim: S) => T[]): Promise<T[]> {
  const live = await start({ size: 3, newItemEveryMs: 100 });
  try {
    await sleep(350);
    return items(live);
  } finally {
    await live.close();
  }
}
