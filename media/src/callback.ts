// Cancel with Callback… for LXCA jobs: the callback of `PUT /tasks/{job_list}`, checked as it is
// typed with the same validation the extension applies again before sending anything.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeRadio } from '@vscode-elements/elements/dist/vscode-radio/vscode-radio.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { validateCancelCallback } from '../../src/api/lxca/callback';
import { cancelRestMethods } from '../../src/api/lxca/types';
import {
  callbackHostMessage,
  type CallbackField,
  type CallbackHostMessage,
  type CallbackInput,
  type CallbackPageMessage,
} from '../../src/webview/protocol';
import { byId, h, setMessage, showApp } from './lib/dom';
import { checkerFor, startPage } from './lib/page';
import { l10n } from './lib/l10n';

interface CallbackState {
  input?: CallbackInput;
  touched?: CallbackField[];
}

const fields: readonly CallbackField[] = ['cancelRESTMethod', 'cancelURL', 'cancelRESTBody', 'expirationTimeOut'];
let state: CallbackState = {};
let sending: number | undefined;
const page = startPage<CallbackState, CallbackHostMessage, CallbackPageMessage>(checkerFor(callbackHostMessage), receive);

function receive(message: CallbackHostMessage): void {
  if (message.type === 'init') {
    build(message);
    // A page reloaded after being hidden keeps what was typed.
    fill(page.savedState?.input ?? message.prefill);
    state = { input: readInput(), touched: page.savedState?.touched ?? [] };
    showProblems();
    return;
  }
  if (message.requestId !== sending) return;
  sending = undefined;
  byId<VscodeButton>('send').disabled = false;
  const result = byId('result');
  result.className = message.ok ? 'success' : 'error';
  setMessage(result, message.message);
  if (message.field) markField(message.field, message.message);
}

function build(init: Extract<CallbackHostMessage, { type: 'init' }>): void {
  const ids = init.jobs.map((job) => job.id).join(',');
  const methods = h(
    'vscode-radio-group',
    { id: 'cancelRESTMethod', 'aria-labelledby': 'method-label', 'aria-describedby': 'cancelRESTMethod-error' },
    ...cancelRestMethods.map((method) => h('vscode-radio', { name: 'method', value: method, label: method }, method)),
  );
  showApp(
    h('h1', {}, l10n('Cancel with Callback')),
    h('p', {}, l10n('Sends {0} to {1} with the cancel callback below, for:', `PUT /tasks/${ids}`, init.connection)),
    h('ul', { class: 'jobs' }, ...init.jobs.map((job) => h('li', {}, `${job.title} `, h('span', { class: 'hint' }, `(job ${job.id})`)))),
    h('p', { class: 'hint' }, init.fromHook ? l10n("Filled in from the job's registered cancel hook.") : l10n('The job has no registered cancel hook.')),
    h(
      'form',
      { id: 'form', novalidate: true },
      h('div', { class: 'field' }, h('span', { id: 'method-label', class: 'label' }, l10n('Method')), methods, problem('cancelRESTMethod')),
      field('cancelURL', l10n('URL LXCA calls to cancel'), h('vscode-textfield', { id: 'cancelURL', placeholder: l10n('Path on LXCA, for example /updatableComponents?action=cancelApply') })),
      field(
        'cancelRESTBody',
        l10n('JSON body (required for PUT and POST)'),
        h('vscode-textarea', { id: 'cancelRESTBody', rows: '6', monospace: true, resize: 'vertical', placeholder: l10n('A JSON object, for example {"jobUID": "42"}') }),
      ),
      field('expirationTimeOut', l10n('Expiration time-out in seconds (-1 = never)'), h('vscode-textfield', { id: 'expirationTimeOut', inputmode: 'numeric' })),
      h('div', { class: 'buttons' }, h('vscode-button', { id: 'send' }, l10n('Send Cancel'))),
      h('p', { id: 'result', role: 'status', 'aria-live': 'polite', hidden: true }),
    ),
  );
  for (const name of fields) {
    const control = byId(name);
    const touch = () => {
      state = { input: readInput(), touched: [...new Set([...(state.touched ?? []), name])] };
      page.saveState(state);
      showProblems();
    };
    control.addEventListener('input', touch);
    control.addEventListener('change', touch);
  }
  byId('form').addEventListener('submit', (event) => event.preventDefault());
  byId('send').addEventListener('click', send);
}

function field(name: CallbackField, label: string, control: HTMLElement): HTMLElement {
  control.setAttribute('aria-describedby', `${name}-error`);
  return h('div', { class: 'field' }, h('vscode-label', { for: name }, label), control, problem(name));
}

function problem(name: CallbackField): HTMLElement {
  return h('p', { id: `${name}-error`, class: 'field-error', hidden: true });
}

function readInput(): CallbackInput {
  const checked = [...document.querySelectorAll<VscodeRadio>('vscode-radio')].find((radio) => radio.checked);
  return {
    cancelRESTMethod: checked?.value ?? '',
    cancelURL: byId<VscodeTextfield>('cancelURL').value,
    cancelRESTBody: byId<VscodeTextarea>('cancelRESTBody').value,
    expirationTimeOut: byId<VscodeTextfield>('expirationTimeOut').value,
  };
}

function fill(input: CallbackInput): void {
  for (const radio of document.querySelectorAll<VscodeRadio>('vscode-radio')) radio.checked = radio.value === input.cancelRESTMethod;
  byId<VscodeTextfield>('cancelURL').value = input.cancelURL;
  byId<VscodeTextarea>('cancelRESTBody').value = input.cancelRESTBody;
  byId<VscodeTextfield>('expirationTimeOut').value = input.expirationTimeOut;
}

/** The fields' names as the form's labels say them, for messages written with the API's names. */
const labelWords = new Map<CallbackField, string>([
  ['cancelRESTMethod', 'Method'],
  ['cancelURL', 'URL'],
  ['cancelRESTBody', 'JSON body'],
  ['expirationTimeOut', 'Expiration time-out'],
]);

/** A value each field accepts, to look past one problem for the next. */
const acceptable: CallbackInput = { cancelRESTMethod: 'GET', cancelURL: '/', cancelRESTBody: '{}', expirationTimeOut: '60' };

function inLabelWords(message: string): string {
  let text = message;
  for (const [field, words] of labelWords) text = text.split(field).join(words);
  return text;
}

/** Every problem validateCancelCallback finds, one per field, for the fields worth flagging yet. */
function problems(input: CallbackInput, shown: readonly CallbackField[]): Map<CallbackField, string> {
  const found = new Map<CallbackField, string>();
  let probe = { ...input };
  for (let attempt = 0; attempt < fields.length; attempt++) {
    try {
      validateCancelCallback(probe);
      break;
    } catch (error) {
      const field = (error as { field?: CallbackField }).field;
      if (!field || found.has(field)) break;
      found.set(field, inLabelWords(error instanceof Error ? error.message : String(error)));
      probe = { ...probe, [field]: acceptable[field] };
    }
  }
  for (const field of [...found.keys()]) if (!shown.includes(field)) found.delete(field);
  return found;
}

function markField(name: CallbackField, message: string | undefined): void {
  const control = byId(name) as HTMLElement & { invalid?: boolean };
  control.invalid = message !== undefined;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  setMessage(byId(`${name}-error`), message);
}

function showProblems(shown: readonly CallbackField[] = state.touched ?? []): { field: CallbackField } | undefined {
  const found = problems(readInput(), shown);
  for (const name of fields) markField(name, found.get(name));
  const first = fields.find((name) => found.has(name));
  return first && { field: first };
}

function send(): void {
  if (sending !== undefined) return;
  const found = showProblems(fields);
  if (found) {
    byId(found.field).focus();
    return;
  }
  setMessage(byId('result'), undefined);
  sending = page.nextRequestId();
  byId<VscodeButton>('send').disabled = true;
  page.post({ type: 'send', requestId: sending, input: readInput() });
}
