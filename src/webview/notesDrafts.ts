/**
 * Unsaved notes that outlive their tab: what the user typed in Edit Notes and TODO is kept here
 * until it is saved or reverted, and offered again when the form is opened anew. A draft is filed
 * under the server's address, the connection and the task's identity (its id and submit time), so
 * it never attaches to another task that later gets the same id, nor to another server.
 */
import type * as vscode from 'vscode';

export interface NotesDraft {
  notes: string;
  toDo: boolean;
  /** The server's modifyTime the draft was started from: a save over a newer version still warns. */
  baseModifyTime?: string;
  /** When it was last typed into (ms since the epoch). */
  savedAt: number;
}

const storageKey = 'opsTasks.notesDrafts';
/** Older drafts are dropped first beyond this many. */
const maxDrafts = 50;
const maxAgeMs = 30 * 24 * 3600_000;

export function notesDraftKey(baseUrl: string, connection: string, identity: string): string {
  return JSON.stringify([baseUrl, connection, identity]);
}

export class NotesDrafts {
  constructor(
    private readonly storage: Pick<vscode.Memento, 'get' | 'update'>,
    private readonly now: () => number = Date.now,
  ) {}

  private all(): Record<string, NotesDraft> {
    const stored = this.storage.get<Record<string, NotesDraft>>(storageKey);
    return typeof stored === 'object' && stored !== null ? stored : {};
  }

  get(key: string): NotesDraft | undefined {
    const draft = this.all()[key];
    return draft && this.now() - draft.savedAt <= maxAgeMs ? draft : undefined;
  }

  /** Keeps the draft, or forgets it (undefined: saved, reverted or replaced). */
  async set(key: string, draft: NotesDraft | undefined): Promise<void> {
    const entries = Object.entries(this.all()).filter(([other, kept]) => other !== key && this.now() - kept.savedAt <= maxAgeMs);
    if (draft) entries.push([key, draft]);
    const newest = entries.sort(([, a], [, b]) => b.savedAt - a.savedAt).slice(0, maxDrafts);
    await this.storage.update(storageKey, newest.length ? Object.fromEntries(newest) : undefined);
  }
}
