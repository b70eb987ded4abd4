import type { LxcaSimulator } from '../../src/simulator/index';

interface SimulatedJob {
  jobUID: string;
  children?: SimulatedJob[];
}

/**
 * Pins a simulated LXCA job and all its subtasks to a status. Subtasks follow their own clocks: a
 * test that pins only the job sees them move between two reads, which is a real change.
 */
export function pinJob(sim: LxcaSimulator, job: SimulatedJob, status: string, percentage?: number): void {
  sim.setJobStatus(String(job.jobUID), status, percentage);
  for (const child of job.children ?? []) pinJob(sim, child, status, percentage);
}
