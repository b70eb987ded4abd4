// Starts the fake LXCA appliance.
import { runningSimulator } from '../running';
import type { TlsMaterial } from '../tls';
import { type LxcaJobTemplate, type LxcaSimulator, resolveVariants, type SimulatorOptions } from '../types';
import { LXCA_USERS, LxcaAuth } from './auth';
import { lxcaErrorForStatus } from './errors';
import { JobStore } from './jobs';
import { lxcaHandler } from './routes';
import { LxcaSeeder } from './seed';

export async function startLxca(options: SimulatorOptions, tls?: TlsMaterial): Promise<LxcaSimulator> {
  const variants = resolveVariants(options);
  const store = new JobStore(Date.now, variants.lxcaJobShape);
  if (options.firstId) store.startIdsAt(options.firstId);
  const seeder = new LxcaSeeder(store, options.seed ?? 1);
  seeder.seed(options.size ?? 300);
  const auth = new LxcaAuth(!!tls);
  const found = (id: string) => {
    const job = store.get(String(id));
    if (!job) throw new Error(`no LXCA job ${id}`);
    return job;
  };

  return {
    product: 'lxca',
    ...(await runningSimulator(options, tls, {
      port: options.lxcaPort,
      handle: lxcaHandler(auth, store, variants),
      errorFor: lxcaErrorForStatus,
      users: LXCA_USERS,
      auth,
      addLiveItem: () => seeder.addLiveJob(),
    })),
    job: (id: string) => {
      const job = store.get(String(id));
      return job && store.view(job);
    },
    jobs: () => store.rootJobs().map((job) => store.view(job)),
    addJob: (template: LxcaJobTemplate) => store.create(template)[0].jobUID,
    setJobStatus: (id: string, status: string, percentage?: number) => store.setStatus(found(id), status, percentage),
  };
}
