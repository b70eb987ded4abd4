import * as vscode from 'vscode';
import type { ResponseConfirmation } from './respondForm';

/** A modal that names the task and the answer; the answer cannot be taken back. */
export const confirmResponse: ResponseConfirmation = async ({ connection, task, answer }) => {
  const send = vscode.l10n.t('Answer "{0}"', answer);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Answer "{0}" to the task "{1}" on {2}?', answer, task.title, connection),
    { modal: true, detail: vscode.l10n.t('The task goes on as this answer says; an answer cannot be taken back.') },
    send,
  );
  return choice === send;
};
