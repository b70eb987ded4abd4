import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import { displayText } from '../util/displayText';
import type { CallbackConfirmation } from './callbackForm';

/**
 * The modal before a cancel callback goes out: it cancels the jobs and makes LXCA call the typed
 * URL. `opsTasks.confirmCancel` off sends at once, as it does for a plain Cancel.
 */
export const confirmCallback: CallbackConfirmation = async ({ connection, jobs, input }) => {
  if (!settings.confirmCancel()) return true;
  const send = vscode.l10n.t('Send Callback');
  const which = jobs.length === 1 ? vscode.l10n.t('job "{0}"', displayText(jobs[0]!.title, 80)) : vscode.l10n.t('{0} jobs', jobs.length);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Cancel {0} on {1} with this callback?', which, connection),
    { modal: true, detail: `${displayText(input.cancelRESTMethod, 10)} ${displayText(input.cancelURL, 300)}` },
    send,
  );
  return answer === send;
};
