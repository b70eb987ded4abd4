// `npm run bench`: the speed figures of the things a user waits for, printed, never asserted.
// Runs against the simulators on loopback with thousands of tasks.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient } from '../src/api/http';
import { Jp1aoClient } from '../src/api/jp1ao/client';
import { LxcaClient } from '../src/api/lxca/client';
import { startJp1aoSimulator, startLxcaSimulator } from '../src/simulator/index';
import { diffTaskLists } from '../src/tasks/diff';
import * as api from '../src/api';
import { Jp1aoAdapter } from '../src/tasks/jp1ao';
import { LxcaAdapter } from '../src/tasks/lxca';
import type { TaskSource } from '../src/tasks/adapter';
import { TaskStore } from '../src/tasks/store';

const root = join(__dirname, '../..');
const size = Number(process.env.BENCH_SIZE ?? 5000);
const runs = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const rows: [string, string][] = [];
const report = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what.padEnd(62)} ${value}`);
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  console.log(`Ops Tasks benchmark — ${size} jobs/tasks per server, median of ${runs} runs\n`);

  for (const bundle of ['extension.js', 'api.js', 'simulator.js']) {
    report(`bundle size dist/${bundle}`, kib(statSync(join(root, 'dist', bundle)).size));
  }
  const loadApi = median(
    Array.from({ length: 5 }, () =>
      Number(
        execFileSync(process.execPath, [
          '-e',
          `const t=performance.now();require(${JSON.stringify(join(root, 'dist/api.js'))});console.log(performance.now()-t)`,
        ]).toString(),
      ),
    ),
  );
  report('loading the API bundle on first network use (not at activation)', ms(loadApi));

  const lxca = await startLxcaSimulator({ size, seed: 1 });
  const lxcaHttp = new HttpClient({ baseUrl: lxca.url });
  const lxcaClient = new LxcaClient(lxcaHttp, async () => ({ username: lxca.username, password: lxca.password }));
  const lxcaSource = new LxcaAdapter(api, 'bench', lxcaClient, () => lxcaHttp.close());
  await lxcaClient.login();
  report(`LXCA: GET /tasks, parse, map and sort ${size} jobs, first page`, ms(await time(() => lxcaSource.list({}, 200, true))));
  report('LXCA: the same with a words + status filter', ms(await time(() => lxcaSource.list({ text: 'firmware', categories: ['running'] }, 200, true))));

  const lxcaStore = new TaskStore(async () => lxcaSource, size);
  await lxcaStore.refresh();
  const tasks = [...lxcaStore.tasks];
  report(`diffing two loads of ${tasks.length} tasks (a poll that changes nothing)`, ms(await time(() => diffTaskLists(tasks, tasks.map((t) => ({ ...t }))))));

  const running = lxca.jobs().filter((job) => /running|pending/i.test(String(job.status))).slice(0, 100);
  lxca.clearRequests();
  const jobs = await lxcaClient.getJobs(running.map((job) => String(job.jobUID)));
  lxca.clearRequests();
  await lxcaClient.cancelJobs(jobs, { expirationTimeOut: 60 });
  const cancels = lxca.requests.filter((r) => r.method === 'PUT').length;
  const hooks = new Set(jobs.map((job) => JSON.stringify(job.cancelHook ?? null))).size;
  report(`LXCA: HTTP requests to cancel ${jobs.length} jobs with ${hooks} distinct cancel hooks`, String(cancels));

  const jp1ao = await startJp1aoSimulator({ size, seed: 2 });
  const aoHttp = new HttpClient({ baseUrl: jp1ao.url });
  const aoClient = new Jp1aoClient(aoHttp, async () => ({ username: jp1ao.username, password: jp1ao.password }));
  const aoSource: TaskSource = new Jp1aoAdapter(api, 'bench', aoClient, jp1ao.username, () => aoHttp.close());
  await aoSource.list({}, 1, false);
  report(`JP1/AO: first page of 200 of ${size} tasks (server paging)`, ms(await time(() => aoSource.list({}, 200, true))));
  report('JP1/AO: the same with q + status filter', ms(await time(() => aoSource.list({ text: 'backup', categories: ['failed'] }, 200, true))));

  lxcaStore.dispose();
  await Promise.all([lxcaHttp.close(), aoHttp.close(), lxca.close(), jp1ao.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
