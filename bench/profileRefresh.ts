// Profiles the LXCA refresh alone, with the simulator in another process so its work stays out of
// the profile:
//   node scripts/build.mjs && node --cpu-prof --cpu-prof-dir=prof out/bench/profileRefresh.js [runs]
// then open the .cpuprofile in VS Code or Chrome DevTools.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import * as api from '../src/api';
import { HttpClient } from '../src/api/http';
import { LxcaClient } from '../src/api/lxca/client';
import { LxcaAdapter } from '../src/tasks/lxca';
import { TaskStore } from '../src/tasks/store';

const root = join(__dirname, '../..');
const runs = Number(process.argv[2] ?? 40);

async function main(): Promise<void> {
  const simulator = spawn(process.execPath, [join(root, 'dist/simulator-cli.js'), '--size', '5000', '--seed', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: simulator.stdout! }).once('line', resolve));
  const { lxca } = JSON.parse(line) as { lxca: { url: string; username: string; password: string } };
  const http = new HttpClient({ baseUrl: lxca.url });
  const client = new LxcaClient(http, async () => ({ username: lxca.username, password: lxca.password }));
  const store = new TaskStore(async () => new LxcaAdapter(api, 'profile', client, () => http.close()), 200);
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await store.refresh();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${runs} refreshes of 5,000 LXCA jobs, median ${times[Math.floor(runs / 2)].toFixed(1)} ms`);
  } finally {
    store.dispose();
    await http.close();
    simulator.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
