/** A connection's row: its name, product icon, the summary of its tasks or its error, and its tooltip. */
import * as vscode from 'vscode';
import { sendsInClearText } from '../connections/configProblems';
import type { Connection } from '../connections/connection';
import { errorText } from '../tasks/errorText';
import { productInfo } from '../tasks/products';
import { shownTotals, summarise } from '../tasks/summary';
import { staleDescription } from './staleness';
import { treeIds } from './treeIds';

export function connectionTreeItem(connection: Connection): vscode.TreeItem {
  const item = new vscode.TreeItem(connection.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = treeIds.connection(connection.name);
  const info = productInfo(connection.config.kind);
  item.iconPath = new vscode.ThemeIcon(info.icon);
  item.description = connectionSummary(connection);
  // Screen readers hear the name, the product, the counts and the error, even while the row shows the last tasks.
  const state = connection.store.state;
  const failure = state.kind === 'failed' ? errorText(state.error) : undefined;
  const spoken = [connection.name, info.shortName, item.description, failure && !String(item.description).includes(failure) ? failure : undefined];
  item.accessibilityInformation = { label: spoken.filter(Boolean).join(', ') };
  item.tooltip = `${info.name}\n${connection.config.baseUrl}\n${vscode.l10n.t('User: {0}', connection.config.username)}`;
  if (sendsInClearText(connection.config.baseUrl)) {
    item.tooltip += `\n${vscode.l10n.t('Unencrypted (http://): the password and the answers travel in clear text.')}`;
  }
  item.contextValue = `opsConnection#${connection.config.kind}#`;
  return item;
}

/** The connection's state, after a warning when its traffic is not encrypted. */
export function connectionSummary(connection: Connection): string {
  const summary = storeSummaryOf(connection);
  if (!sendsInClearText(connection.config.baseUrl)) return summary;
  const unencrypted = vscode.l10n.t('unencrypted');
  return summary ? `${unencrypted} · ${summary}` : unencrypted;
}

function storeSummaryOf(connection: Connection): string {
  const store = connection.store;
  switch (store.state.kind) {
    case 'empty':
      return store.loading ? vscode.l10n.t('loading…') : '';
    case 'failed':
      return store.stale ? staleDescription(store.loadedAt) : errorText(store.state.error);
    case 'loaded': {
      const { running, failed } = shownTotals(store);
      const summary = summarise({ running, failed });
      return store.filtered ? vscode.l10n.t('{0} (filtered)', summary) : summary;
    }
  }
}

/** The "Load more…" row under a connection that has more tasks than it shows. */
export function loadMoreTreeItem(connection: Connection): vscode.TreeItem {
  const store = connection.store;
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
  item.id = treeIds.loadMore(connection.name);
  item.description = vscode.l10n.t('{0} of {1} shown', store.tasks.length, store.total);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: 'opsTasks.loadMore', title: vscode.l10n.t('Load More'), arguments: [connection.name] };
  item.contextValue = 'opsLoadMore';
  return item;
}
