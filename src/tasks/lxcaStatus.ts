/**
 * What LXCA's job status strings mean to the tree: a category and a label. Kept with the Task model
 * (not in the API layer) because categories are the extension's vocabulary.
 */
import { t } from './l10n';
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
const statusVocabulary = new Map<string, Meaning>(Object.entries({
  pending: { category: 'pending', label: () => t('Pending') },
  queued: { category: 'pending', label: () => t('Queued') },
  notstarted: { category: 'pending', label: () => t('Not started') },
  running: { category: 'running', label: () => t('Running') },
  inprogress: { category: 'running', label: () => t('In progress') },
  runningwitherrors: { category: 'runningWithErrors', label: () => t('Running with errors') },
  runningwitherror: { category: 'runningWithErrors', label: () => t('Running with errors') },
  complete: { category: 'succeeded', label: () => t('Complete') },
  completed: { category: 'succeeded', label: () => t('Complete') },
  success: { category: 'succeeded', label: () => t('Complete') },
  succeeded: { category: 'succeeded', label: () => t('Complete') },
  completewitherrors: { category: 'succeededWithErrors', label: () => t('Complete with errors') },
  completedwitherrors: { category: 'succeededWithErrors', label: () => t('Complete with errors') },
  completewitherror: { category: 'succeededWithErrors', label: () => t('Complete with errors') },
  completewithwarnings: { category: 'succeededWithErrors', label: () => t('Complete with warnings') },
  cancelled: { category: 'cancelled', label: () => t('Cancelled') },
  canceled: { category: 'cancelled', label: () => t('Cancelled') },
  cancelledwitherrors: { category: 'cancelled', label: () => t('Cancelled with errors') },
  canceledwitherrors: { category: 'cancelled', label: () => t('Cancelled with errors') },
  stopped: { category: 'failed', label: () => t('Stopped') },
  stoppedwitherror: { category: 'failed', label: () => t('Stopped with error') },
  stoppedwitherrors: { category: 'failed', label: () => t('Stopped with error') },
  interrupted: { category: 'failed', label: () => t('Interrupted') },
  failed: { category: 'failed', label: () => t('Failed') },
  error: { category: 'failed', label: () => t('Failed') },
  expired: { category: 'failed', label: () => t('Expired') },
}) as [string, Meaning][]);

type Meaning = { category: StatusCategory; label: () => string };

/** The status strings met so far: a list of 5,000 jobs in a handful of statuses normalises a handful of strings. */
const recentStatuses = new Map<string, Meaning | undefined>();
const maxRecentStatuses = 64;

function meaningOf(status: string | undefined): Meaning | undefined {
  if (status === undefined) return undefined;
  if (recentStatuses.has(status)) return recentStatuses.get(status);
  const meaning = statusVocabulary.get(status.toLowerCase().replace(/[^a-z]/g, ''));
  if (recentStatuses.size >= maxRecentStatuses) recentStatuses.clear(); // a server inventing statuses costs no memory
  recentStatuses.set(status, meaning);
  return meaning;
}

/** The category alone, without wording a label: for counting thousands of jobs. */
export function lxcaStatusCategory(status: string | undefined): StatusCategory {
  return meaningOf(status)?.category ?? 'unknown';
}

/** An unknown status is shown exactly as received, in category `unknown`. */
export function classifyLxcaStatus(status: string | undefined): LxcaStatus {
  const known = meaningOf(status);
  if (known) return { category: known.category, label: known.label() };
  const label = status?.trim() ? status : t('Unknown');
  return { category: 'unknown', label };
}
