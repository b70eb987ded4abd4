/**
 * The status words one JP1/AO connection has sent, remembered for the connection's life (in
 * memory only). Server-side status filters are built from these spellings alone, never from the
 * project's guess of the vocabulary (docs/api/jp1ao.md, "Status words").
 */
import { jp1aoStatusCategory, jp1aoStatusOf } from './jp1aoStatus';
import type { StatusCategory } from './model';

export class Jp1aoStatusWords {
  /** Every spelling received, with the category it stands for. */
  private readonly spellings = new Map<string, StatusCategory>();

  /** `notice` hears once per connection about each word we do not know. */
  constructor(private readonly notice: (message: string) => void = () => undefined) {}

  /** Remembers the spelling of a status the server sent; an unknown word is logged the first time. */
  learn(raw: unknown): void {
    if (typeof raw !== 'string' || raw === '' || this.spellings.has(raw)) return;
    this.spellings.set(raw, jp1aoStatusCategory(raw));
    if (jp1aoStatusOf(raw) === undefined) {
      this.notice(`JP1/AO sent the task status "${raw}", which Ops Tasks does not know: it is shown as sent and counted as Other`);
    }
  }

  /** Whether any status word has been received yet. */
  get empty(): boolean {
    return this.spellings.size === 0;
  }

  /** The spellings received of the statuses in any of these categories, in the order they came. */
  spellingsIn(categories: readonly StatusCategory[]): string[] {
    return [...this.spellings].filter(([, category]) => categories.includes(category)).map(([spelling]) => spelling);
  }
}
