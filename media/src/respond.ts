// Respond to a JP1/AO task that waits for a response: the step's message as plain text and one
// button per label the server offers. The host asks for confirmation before anything is sent.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import { respondHostMessage, type RespondHostMessage, type RespondPageMessage } from '../../src/webview/protocol';
import { byId, h, rowsTable, setMessage, showApp } from './lib/dom';
import { checkerFor, startPage } from './lib/page';
import { l10n } from './lib/l10n';

type Loaded = Extract<RespondHostMessage, { type: 'loaded' }>;

let shown: Loaded | undefined;
let pending: number | undefined;
const page = startPage<Record<string, never>, RespondHostMessage, RespondPageMessage>(checkerFor(respondHostMessage), receive);

function receive(message: RespondHostMessage): void {
  if (message.requestId !== undefined) {
    if (message.requestId !== pending) return; // an answer to a request of an earlier page
    pending = undefined;
  }
  switch (message.type) {
    case 'loaded':
      shown = message;
      render();
      if (message.notice) announce(message.notice, message.noticeKind ?? 'success');
      return;
    case 'kept':
      render();
      announce(l10n('Not answered: nothing was sent.'), 'warning');
      return;
    case 'failed':
      render();
      announce(message.message, 'error');
      return;
  }
}

function send(message: RespondPageMessage & { requestId: number }): void {
  pending = message.requestId;
  page.post(message);
  render();
}

function answer(number: number): void {
  if (pending !== undefined || !shown?.waiting) return;
  send({ type: 'answer', requestId: page.nextRequestId(), number, stepKey: shown.stepKey });
  announce(l10n('Waiting for your confirmation…'), 'success');
}

function reload(): void {
  if (pending !== undefined) return;
  send({ type: 'reload', requestId: page.nextRequestId() });
}

function announce(text: string, kind: 'success' | 'warning' | 'error'): void {
  const status = byId('status');
  status.className = kind;
  setMessage(status, text);
}

function build(): void {
  showApp(
    h('div', { class: 'title-bar' }, h('h1', { id: 'title' }, l10n('Respond')), h('vscode-button', { id: 'reload', secondary: true }, l10n('Reload'))),
    h('div', { id: 'summary' }),
    h('section', { id: 'step', 'aria-labelledby': 'step-title' },
      h('h2', { id: 'step-title' }, l10n('The task waits for your response')),
      h('p', { id: 'message', class: 'response-message' }),
      h('div', { id: 'answers', class: 'buttons', role: 'group', 'aria-label': l10n('Answers') }),
    ),
    h('p', { id: 'not-waiting', class: 'hint', hidden: true }, l10n('No step of this task waits for a response now.')),
    h('p', { id: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
  );
  byId('reload').addEventListener('click', reload);
}

function render(): void {
  if (!shown) return;
  byId('title').textContent = l10n('Respond: {0}', shown.title);
  byId('summary').replaceChildren(rowsTable(l10n('Task'), shown.summary));
  byId('step').hidden = !shown.waiting;
  byId('not-waiting').hidden = shown.waiting;
  byId('message').textContent = shown.message ?? l10n('The server sent no message for this step.');
  const busy = pending !== undefined;
  const buttons = shown.buttons.map((button, index) => {
    const element = h('vscode-button', { 'data-number': String(button.number), secondary: index > 0 }, button.label) as VscodeButton;
    element.disabled = busy;
    element.addEventListener('click', () => answer(button.number));
    return element;
  });
  byId('answers').replaceChildren(...buttons);
  byId<VscodeButton>('reload').disabled = busy;
}

build();
