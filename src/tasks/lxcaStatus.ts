/**
 * What LXCA's job status strings mean to the tree: a category and a label. Kept with the Task model
 * (not in the API layer) because categories are the extension's vocabulary.
 */
import type { StatusCategory } from './model';

export interface LxcaStatus {
  category: StatusCategory;
  label: string;
}

/**
 * Status vocabulary. Evidenced: Complete, CompleteWithErrors (tasks API); Pending, Running,
 * Complete, Cancelled, Running_With_Errors, Cancelled_With_Errors, Stopped_With_Error,
 * Interrupted (older jobs API). The other spellings are harmless guesses. Keys are compared after
 * dropping case and every non-letter, so `Running_With_Errors` = `RunningWithErrors` = `running with errors`.
 */
const statusVocabulary = new Map<string, LxcaStatus>(Object.entries({
  pending: { category: 'pending', label: 'Pending' },
  queued: { category: 'pending', label: 'Queued' },
  notstarted: { category: 'pending', label: 'Not started' },
  running: { category: 'running', label: 'Running' },
  inprogress: { category: 'running', label: 'In progress' },
  runningwitherrors: { category: 'runningWithErrors', label: 'Running with errors' },
  runningwitherror: { category: 'runningWithErrors', label: 'Running with errors' },
  complete: { category: 'succeeded', label: 'Complete' },
  completed: { category: 'succeeded', label: 'Complete' },
  success: { category: 'succeeded', label: 'Complete' },
  succeeded: { category: 'succeeded', label: 'Complete' },
  completewitherrors: { category: 'succeededWithErrors', label: 'Complete with errors' },
  completedwitherrors: { category: 'succeededWithErrors', label: 'Complete with errors' },
  completewitherror: { category: 'succeededWithErrors', label: 'Complete with errors' },
  completewithwarnings: { category: 'succeededWithErrors', label: 'Complete with warnings' },
  cancelled: { category: 'cancelled', label: 'Cancelled' },
  canceled: { category: 'cancelled', label: 'Cancelled' },
  cancelledwitherrors: { category: 'cancelled', label: 'Cancelled with errors' },
  canceledwitherrors: { category: 'cancelled', label: 'Cancelled with errors' },
  stopped: { category: 'failed', label: 'Stopped' },
  stoppedwitherror: { category: 'failed', label: 'Stopped with error' },
  stoppedwitherrors: { category: 'failed', label: 'Stopped with error' },
  interrupted: { category: 'failed', label: 'Interrupted' },
  failed: { category: 'failed', label: 'Failed' },
  error: { category: 'failed', label: 'Failed' },
  expired: { category: 'failed', label: 'Expired' },
}) as [string, LxcaStatus][]);

/** An unknown status is shown exactly as received, in category `unknown`. */
export function classifyLxcaStatus(status: string | undefined): LxcaStatus {
  const known = status === undefined ? undefined : statusVocabulary.get(status.toLowerCase().replace(/[^a-z]/g, ''));
  if (known) return known;
  const label = status?.trim() ? status : 'Unknown';
  return { category: 'unknown', label };
}
