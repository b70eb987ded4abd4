/**
 * Which of the generated progress icons (media/progress, written by scripts/progress-icons.mjs)
 * shows a running task's progress: a ring filled in 10 % steps, so the progress reads at any
 * side bar width. Without VS Code, so the choice is testable in plain Node.
 */
import type { StatusCategory } from '../tasks/model';

export type ProgressCategory = Extract<StatusCategory, 'running' | 'runningWithErrors'>;

/** The step drawn for a percentage: never empty once started, never full before 100 %. */
export function progressStep(percent: number): number {
  const clamped = Math.min(100, Math.max(0, percent));
  const step = Math.round(clamped / 10) * 10;
  if (clamped > 0 && step === 0) return 10;
  if (clamped < 100 && step === 100) return 90;
  return step;
}

/** The icon files (relative to the extension's root) for a task of this category at this progress. */
export function progressIconFiles(category: ProgressCategory, percent: number): { light: string; dark: string } {
  const base = `media/progress/${category}-${String(progressStep(percent)).padStart(3, '0')}`;
  return { light: `${base}-light.svg`, dark: `${base}-dark.svg` };
}
