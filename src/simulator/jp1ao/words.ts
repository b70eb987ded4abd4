// How a JP1/AO server spells its task statuses on the wire. Only `"completed"` is documented; the
// simulator can speak the other plausible dialects (docs/api/jp1ao.md, "Status words") so the
// client is tested against each: `inProgress` (camel, default), `InProgress` (pascal),
// `IN_PROGRESS` (upper) and `In Progress` (display, the manuals' names).
import type { SimulatorVariants } from '../types';

const DISPLAY: Record<string, string> = {
  waiting: 'Waiting',
  holding: 'Holding',
  inProgress: 'In Progress',
  waitingResponse: 'Waiting for Response',
  abnormalDetection: 'Abnormal Detection',
  terminating: 'Terminating',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  longRunning: 'Long Running',
};

/** Every status word the simulator knows, in its own (camel) spelling. */
export const STATUS_WORDS = Object.keys(DISPLAY);

/** The status as this server writes it. */
export function spellStatus(status: string, dialect: SimulatorVariants['jp1aoStatusWords']): string {
  switch (dialect) {
    case 'pascal':
      return status.charAt(0).toUpperCase() + status.slice(1);
    case 'upper':
      return status.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
    case 'display':
      return DISPLAY[status] ?? status;
    default:
      return status;
  }
}

/**
 * A task in progress that this server shows as Ops Center Automator's "Long Running" (with
 * `--jp1ao-long-running`): every third one. It stays in progress for every operation.
 */
export function showsLongRunning(status: string, instanceID: number, variants: Pick<SimulatorVariants, 'jp1aoLongRunning'>): boolean {
  return variants.jp1aoLongRunning && status === 'inProgress' && instanceID % 3 === 0;
}
