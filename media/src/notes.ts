// Edit Notes and TODO of a JP1/AO task. Unsaved input lives in the webview state, so hiding the
// panel (the page is then unloaded) or a refused save never loses what was typed.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import { notesHostMessage, type NotesHostMessage, type NotesPageMessage, type NotesSnapshot, type Row } from '../../src/webview/protocol';
import { byId, h, rowsTable, setMessage, showApp } from './lib/dom';
import { checkerFor, startPage } from './lib/page';
import { l10n } from './lib/l10n';

interface Draft {
  notes: string;
  toDo: boolean;
}

interface NotesState {
  title?: string;
  summary?: Row[];
  /** The server's version the draft was started from. */
  base?: NotesSnapshot;
  draft?: Draft;
  /** The newer server version that made a save stop, until the user chooses. */
  conflict?: NotesSnapshot;
  error?: string;
  /** What Reload replaced, so it can still be copied. */
  discarded?: string;
  /** When the draft this page restored (from a closed tab) was typed, ms. */
  restoredAt?: number;
}

/** JP1/AO keeps at most this many characters of notes (docs/api/jp1ao.md, PUT Tasks/{id}). */
const notesLimit = 1024;

let state: NotesState = {};
let focused = false;
const pending = new Map<number, { kind: 'save'; sent: Draft } | { kind: 'reload' }>();
const page = startPage<NotesState, NotesHostMessage, NotesPageMessage>(checkerFor(notesHostMessage), receive);

const sameDraft = (a: Draft | undefined, b: Draft | undefined) => a?.notes === b?.notes && a?.toDo === b?.toDo;
const dirty = () => state.base !== undefined && !sameDraft(state.draft, state.base);
const busy = () => pending.size > 0;

function update(change: Partial<NotesState>): void {
  state = { ...state, ...change };
  page.saveState(state);
  render();
  keepDraft();
}

/** The host keeps the input while it differs from the server's, so closing the tab loses nothing. */
let lastKept = '';
function keepDraft(): void {
  if (!state.base || !state.draft) return;
  const message = { type: 'draft' as const, dirty: dirty(), notes: state.draft.notes, toDo: state.draft.toDo, baseModifyTime: state.base.modifyTime };
  const text = JSON.stringify(message);
  if (text === lastKept) return;
  lastKept = text;
  page.post(message);
}

function receive(message: NotesHostMessage): void {
  const request = message.type === 'loaded' && message.requestId === undefined ? undefined : pending.get(message.requestId ?? -1);
  if (message.requestId !== undefined) {
    if (!request) return; // an answer to a request of an earlier page
    pending.delete(message.requestId);
  }
  switch (message.type) {
    case 'loaded':
      if (request?.kind === 'reload') {
        const lost = state.draft && state.draft.notes !== message.saved.notes ? state.draft.notes : undefined;
        update({ ...view(message), base: message.saved, draft: message.saved, conflict: undefined, error: undefined, discarded: lost ?? state.discarded });
      } else if (!dirty() && !state.conflict && message.draft) {
        // A tab closed with unsaved changes: its input comes back, over the version it was started from.
        const { notes, toDo, baseModifyTime, savedAt } = message.draft;
        update({ ...view(message), base: { ...message.saved, modifyTime: baseModifyTime }, draft: { notes, toDo }, restoredAt: savedAt });
      } else if (!dirty() && !state.conflict) {
        update({ ...view(message), base: message.saved, draft: message.saved });
      } else {
        update(view(message)); // keep the user's draft and the version it was started from
      }
      return;
    case 'saved': {
      const sent = request?.kind === 'save' ? request.sent : undefined;
      const typedMeanwhile = !sameDraft(state.draft, sent);
      update({ ...view(message), base: message.saved, draft: typedMeanwhile ? state.draft : message.saved, conflict: undefined, error: undefined, restoredAt: undefined });
      announce(sent && sent.notes === '' ? l10n('Saved. The note is now empty.') : l10n('Saved.'));
      return;
    }
    case 'conflict':
      update({ conflict: message.server, error: undefined });
      announce(l10n('Not saved: the task changed on the server.'));
      return;
    case 'failed':
      update({ error: message.message });
      announce(request?.kind === 'save' ? l10n('Not saved.') : '');
      return;
  }
}

function view(message: { title: string; summary: Row[] }): Partial<NotesState> {
  return { title: message.title, summary: message.summary };
}

/** Save; `overwrite` accepts the newer server version the conflict showed as the one replaced. */
function save(overwrite = false): void {
  if (busy() || !state.draft || (!dirty() && !overwrite) || state.draft.notes.length > notesLimit) return;
  const requestId = page.nextRequestId();
  const sent = { ...state.draft };
  const baseModifyTime = overwrite ? state.conflict?.modifyTime : state.base?.modifyTime;
  pending.set(requestId, { kind: 'save', sent });
  page.post({ type: 'save', requestId, notes: sent.notes, toDo: sent.toDo, baseModifyTime });
  update(overwrite ? { conflict: undefined, base: state.conflict } : {});
  announce(l10n('Saving…'));
}

function reload(): void {
  if (busy()) return;
  const requestId = page.nextRequestId();
  pending.set(requestId, { kind: 'reload' });
  page.post({ type: 'reload', requestId });
  render();
}

function revert(): void {
  if (state.base) update({ draft: { notes: state.base.notes, toDo: state.base.toDo }, error: undefined, restoredAt: undefined });
}

/** A change by the user: what the status line said about the last save no longer holds. */
function edited(draft: Draft): void {
  announce('');
  update({ draft });
}

// ---- DOM ----

function announce(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function build(): void {
  const notes = h('vscode-textarea', { id: 'notes', rows: '8', resize: 'vertical', 'aria-describedby': 'count' });
  const toDo = h('vscode-checkbox', { id: 'todo' }, l10n('TODO: this task needs follow-up'));
  showApp(
    h('h1', { id: 'title' }, l10n('Edit Notes and TODO')),
    h('p', { id: 'loading' }, l10n('Loading…')),
    h('p', { id: 'error', class: 'error', role: 'alert', hidden: true }),
    h('div', { id: 'summary' }),
    h('p', { id: 'restored', class: 'warning', role: 'status', hidden: true }),
    h(
      'form',
      { id: 'form', 'aria-labelledby': 'title', hidden: true },
      h('vscode-label', { for: 'notes' }, l10n('Notes')),
      notes,
      h('p', { id: 'count', class: 'hint' }),
      toDo,
      h(
        'div',
        { class: 'buttons' },
        h('vscode-button', { id: 'save', title: l10n('Save (Ctrl+S or Ctrl+Enter)') }, l10n('Save')),
        h('vscode-button', { id: 'revert', secondary: true }, l10n('Revert')),
      ),
      h('p', { id: 'status', role: 'status', 'aria-live': 'polite' }),
      h(
        'div',
        { id: 'conflict', class: 'warning', role: 'alert', hidden: true },
        h('p', {}, l10n('This task was changed on the server after you started editing. Nothing was saved.')),
        h('p', { id: 'conflict-server' }),
        h('pre', { id: 'conflict-notes', class: 'notes', 'aria-label': l10n('Notes on the server now') }),
        h(
          'div',
          { class: 'buttons' },
          h('vscode-button', { id: 'overwrite' }, l10n('Overwrite with my changes')),
          h('vscode-button', { id: 'reload', secondary: true }, l10n('Reload (discard my changes)')),
        ),
      ),
      h('details', { id: 'discarded', hidden: true }, h('summary', {}, l10n('Your discarded text')), h('pre', { id: 'discarded-text', class: 'notes' })),
    ),
  );
  notes.addEventListener('input', () => edited({ notes: notes.value, toDo: state.draft?.toDo ?? false }));
  toDo.addEventListener('change', () => edited({ notes: state.draft?.notes ?? '', toDo: toDo.checked }));
  byId('form').addEventListener('submit', (event) => event.preventDefault());
  byId('save').addEventListener('click', () => save());
  byId('revert').addEventListener('click', revert);
  byId('overwrite').addEventListener('click', () => save(true));
  byId('reload').addEventListener('click', reload);
  window.addEventListener('keydown', (event) => {
    const saveKey = event.key.toLowerCase() === 's' || event.key === 'Enter';
    if ((event.ctrlKey || event.metaKey) && !event.altKey && saveKey) {
      event.preventDefault();
      save();
    }
  });
}

function render(): void {
  setMessage(byId('error'), state.error);
  byId('loading').hidden = state.draft !== undefined || state.error !== undefined;
  byId('form').hidden = state.draft === undefined;
  if (!state.draft) return;
  const notes = byId<VscodeTextarea>('notes');
  const toDo = byId<VscodeCheckbox>('todo');
  byId('title').textContent = state.title ?? l10n('Edit Notes and TODO');
  byId('summary').replaceChildren(rowsTable(l10n('Task'), state.summary ?? []));
  if (notes.value !== state.draft.notes) notes.value = state.draft.notes;
  if (toDo.checked !== state.draft.toDo) toDo.checked = state.draft.toDo;
  const restored = byId('restored');
  restored.hidden = !(state.restoredAt && dirty());
  restored.textContent = state.restoredAt ? l10n('Restored your unsaved changes from {0}. Save them, or Revert to drop them.', new Date(state.restoredAt).toLocaleString()) : '';
  const length = state.draft.notes.length;
  const tooLong = length > notesLimit;
  const clears = dirty() && length === 0 && (state.base?.notes ?? '') !== '';
  const count = byId('count');
  count.textContent = [
    l10n('{0} / {1} characters', length.toLocaleString(), notesLimit.toLocaleString()),
    tooLong ? l10n('remove {0} to save', (length - notesLimit).toLocaleString()) : undefined,
    clears ? l10n('saving will clear the note') : undefined,
    dirty() ? l10n('unsaved changes') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  count.classList.toggle('error', tooLong);
  byId<VscodeButton>('save').disabled = busy() || !dirty() || tooLong;
  if (!focused) {
    focused = true;
    // Typing starts in the notes field once the form shows.
    requestAnimationFrame(() => notes.focus());
  }
  byId<VscodeButton>('revert').disabled = busy() || !dirty();
  const conflict = byId('conflict');
  conflict.hidden = !state.conflict;
  if (state.conflict) {
    const toDo = state.conflict.toDo ? l10n('on') : l10n('off');
    byId('conflict-server').textContent = state.conflict.modifyTime
      ? l10n('On the server now (modified at {0}): TODO {1}, notes:', state.conflict.modifyTime, toDo)
      : l10n('On the server now (modified): TODO {0}, notes:', toDo);
    byId('conflict-notes').textContent = state.conflict.notes || l10n('(empty)');
  }
  byId<VscodeButton>('overwrite').disabled = busy();
  byId<VscodeButton>('reload').disabled = busy();
  byId('discarded').hidden = !state.discarded;
  byId('discarded-text').textContent = state.discarded ?? '';
}

build();
if (page.savedState) {
  state = page.savedState;
  render();
}
