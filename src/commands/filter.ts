import * as vscode from 'vscode';
import { setContextKey } from '../connections/contextKeys';
import type { ConnectionRegistry } from '../connections/registry';
import type { StatusCategory } from '../tasks/model';
import { allCategories, categoryLabel, describeQuery, isEmptyQuery, type TaskQuery } from '../tasks/query';

/** Filter Tasks…: words, then status categories; both optional. */
export async function filterTasks(registry: ConnectionRegistry, view: vscode.TreeView<unknown>): Promise<void> {
  const current = registry.currentQuery;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Tasks (1/2): words'),
    prompt: vscode.l10n.t('Words that must appear in the name, ID, status, owner or notes. Leave empty for all tasks.'),
    value: current.text ?? '',
  });
  if (text === undefined) return;
  const picks = await vscode.window.showQuickPick(
    allCategories.map((category) => ({
      label: categoryLabel(category),
      category,
      picked: current.categories?.includes(category) ?? false,
    })),
    { title: vscode.l10n.t('Filter Tasks (2/2): statuses'), placeHolder: vscode.l10n.t('Pick none for every status'), canPickMany: true },
  );
  if (picks === undefined) return;
  await applyFilter(registry, view, { text: text.trim() || undefined, categories: picks.map((p) => p.category as StatusCategory) });
}

export async function applyFilter(registry: ConnectionRegistry, view: vscode.TreeView<unknown>, query: TaskQuery): Promise<void> {
  const empty = isEmptyQuery(query);
  view.message = empty ? undefined : vscode.l10n.t('Filtered by {0} — clear it with the "Clear Filter" button in the view title.', describeQuery(query));
  await setContextKey('opsTasks.filtered', !empty);
  const order = registry.currentQuery.order;
  await registry.setQuery(empty ? { order } : { ...query, order });
}
