// Show Details: every field of a task or job, its subtasks and messages (LXCA), its properties
// and the end of its log (JP1/AO). Everything from the server is set as text.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import {
  detailsHostMessage,
  type DetailsHostMessage,
  type DetailsPageMessage,
  type DetailsView,
  type FieldValue,
  type LxcaMessageView,
  type PropertyRow,
  type Subtask,
} from '../../src/webview/protocol';
import { h, rowsTable, showApp, type Child } from './lib/dom';
import { renderFormattedText } from './lib/formattedText';
import { checkerFor, startPage } from './lib/page';
import { l10n } from './lib/l10n';

let refreshing: number | undefined;
const page = startPage<undefined, DetailsHostMessage, DetailsPageMessage>(checkerFor(detailsHostMessage), receive);

/** What the last button did, shown until the next one. */
let actionStatus: string | undefined;

function receive(message: DetailsHostMessage): void {
  if (message.requestId !== undefined && message.requestId !== refreshing) return;
  refreshing = undefined;
  if (message.type === 'acted') {
    actionStatus = message.message;
    return;
  }
  if (message.type === 'loaded') showView(message.view);
  else showApp(h('h1', {}, l10n('Task details')), h('p', { class: 'error', role: 'alert' }, message.message), refreshButton());
}

function refreshButton(): HTMLElement {
  const button = h('vscode-button', { id: 'refresh', secondary: true }, l10n('Refresh'));
  button.addEventListener('click', () => {
    if (refreshing !== undefined) return;
    refreshing = page.nextRequestId();
    (button as VscodeButton).disabled = true;
    page.post({ type: 'refresh', requestId: refreshing });
  });
  return button;
}

/** The row's actions as buttons; one runs at a time, and the page is shown afresh once it is done. */
function actionsBar(actions: NonNullable<DetailsView['actions']>): HTMLElement {
  const buttons = actions.map((action) => {
    const button = h('vscode-button', { 'data-action': action.id, secondary: true }, action.title);
    button.addEventListener('click', () => {
      if (refreshing !== undefined) return;
      refreshing = page.nextRequestId();
      for (const other of buttons) (other as VscodeButton).disabled = true;
      page.post({ type: 'act', requestId: refreshing, action: action.id });
    });
    return button;
  });
  return h('div', { class: 'buttons', id: 'actions', role: 'toolbar', 'aria-label': l10n('Actions') }, ...buttons);
}

function section(title: string, ...content: Child[]): HTMLElement {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

function fieldValue(value: FieldValue): Node {
  switch (value.kind) {
    case 'text':
      return h('span', { class: 'value' }, value.text);
    case 'formatted':
      return h('div', { class: 'formatted' }, renderFormattedText(value.parts));
    case 'json':
      return h('pre', { class: 'json' }, value.text);
  }
}

function fieldsTable(fields: DetailsView['fields']): HTMLTableElement {
  return h(
    'table',
    { class: 'fields' },
    h('caption', { class: 'visually-hidden' }, l10n('All fields as the server sent them')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, l10n('Field')), h('th', { scope: 'col' }, l10n('Value')))),
    h('tbody', {}, ...fields.map((field) => h('tr', {}, h('th', { scope: 'row' }, field.name), h('td', {}, fieldValue(field.value))))),
  );
}

function subtasksTable(subtasks: readonly Subtask[]): HTMLTableElement {
  const rows = subtasks.map((task) => {
    const title = h('td', {}, task.title);
    title.style.paddingInlineStart = `${0.5 + task.depth * 1.25}em`; // CSSOM, allowed by the CSP
    return h('tr', {}, title, h('td', {}, task.status), h('td', {}, task.progress === undefined ? '' : `${Math.round(task.progress)}%`), h('td', {}, task.id));
  });
  return h(
    'table',
    { class: 'list' },
    h('caption', { class: 'visually-hidden' }, l10n('Subtasks')),
    h('thead', {}, h('tr', {}, ...[l10n('Subtask'), l10n('Status'), l10n('Progress'), l10n('ID')].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, ...rows),
  );
}

function messagesList(messages: readonly LxcaMessageView[]): HTMLElement {
  return h(
    'ul',
    { class: 'messages' },
    ...messages.map((message) =>
      h(
        'li',
        {},
        message.id ? h('code', {}, message.id) : undefined,
        message.time ? h('span', { class: 'hint' }, ` ${message.time} `) : undefined,
        h('div', { class: 'formatted' }, renderFormattedText(message.text)),
        message.explanation ? h('p', { class: 'hint' }, message.explanation) : undefined,
      ),
    ),
  );
}

function propertiesTable(rows: readonly PropertyRow[]): Node {
  if (rows.length === 0) return h('p', { class: 'hint' }, l10n('This task has no properties.'));
  return h(
    'table',
    { class: 'list' },
    h('caption', { class: 'visually-hidden' }, l10n('Input and output properties')),
    h('thead', {}, h('tr', {}, ...[l10n('Key'), l10n('Name'), l10n('Value')].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, h('td', {}, h('code', {}, row.key)), h('td', {}, row.name ?? ''), h('td', {}, h('span', { class: 'value' }, row.value))))),
  );
}

function logSection(log: NonNullable<DetailsView['log']>): HTMLElement {
  if (log.error) return section(l10n('Task log'), h('p', { class: 'error' }, log.error));
  const lines = log.lines ?? [];
  // The rest of the page shows local time; the log's lines carry the server's clock.
  const zone = log.zone ? l10n("Times in the log are the server's ({0}).", log.zone) : l10n("Times in the log are the server's.");
  return section(
    log.partial ? l10n('Task log (last lines)') : l10n('Task log'),
    lines.length ? h('p', { class: 'hint', id: 'log-zone' }, zone) : undefined,
    lines.length ? h('pre', { class: 'log', tabindex: '0', 'aria-label': l10n('Task log') }, lines.join('\n')) : h('p', { class: 'hint' }, l10n('The log is empty.')),
  );
}

function showView(view: DetailsView): void {
  showApp(
    h('header', { class: 'title-bar' }, h('h1', { id: 'title' }, view.title), refreshButton()),
    view.actions?.length ? actionsBar(view.actions) : undefined,
    actionStatus ? h('p', { class: 'error', role: 'alert', id: 'action-error' }, actionStatus) : undefined,
    view.notice ? h('p', { class: 'warning', role: 'status' }, view.notice) : undefined,
    section(l10n('Summary'), rowsTable(l10n('Summary'), view.summary)),
    view.messages ? section(l10n('Messages'), messagesList(view.messages)) : undefined,
    view.subtasks ? section(l10n('Subtasks'), subtasksTable(view.subtasks)) : undefined,
    view.properties
      ? section(l10n('Input and output properties'), view.properties.error ? h('p', { class: 'error' }, view.properties.error) : propertiesTable(view.properties.rows ?? []))
      : undefined,
    view.log ? logSection(view.log) : undefined,
    section(l10n('All fields'), fieldsTable(view.fields)),
  );
}
