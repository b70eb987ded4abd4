/**
 * The one neutraliser for server text that reaches a dialog, a notification, a quick pick, the log
 * or a tree label. A task name is the server's to choose: with a line break and a right-to-left
 * override it could rewrite a confirmation ("… Nothing will be stopped: this only refreshes the
 * view."). Here it becomes one visible line: control, bidirectional and invisible formatting
 * characters removed, lone surrogates replaced, whitespace folded, double quotes made harmless so
 * the text cannot close the quotes around it, and capped. No dependencies: every layer shares it.
 */

/** Longest server text placed inside a sentence (a task name in a dialog, a notification). */
export const displayTextLength = 120;

/**
 * C0/C1 controls and DEL; bidirectional embeddings, overrides, isolates and marks; zero-width and
 * other invisible formatting characters; line and paragraph separators; the byte-order mark.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** True when the text holds a lone surrogate: it cannot be URL-encoded or sent as UTF-8 as it is. */
export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.test(text);
  LONE_SURROGATE.lastIndex = 0;
  return found;
}

/** The text with each lone surrogate replaced by U+FFFD, so it can be URL-encoded and sent. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Only the start of a huge text is looked at: the result is short anyway. */
const window = 4_096;

/**
 * Server text as one safe line, without quotes: for a tree label, a quick-pick item, or inside a
 * translated sentence that already quotes it (`'job "{0}"'`). Never throws, whatever the value.
 */
export function displayText(value: unknown, max = displayTextLength): string {
  return safeLine(value, max, true);
}

/**
 * Server text as one safe line that keeps its quotes: for text that stands on its own (an error's
 * message, the log), not inside quotes of ours.
 */
export function safeLine(value: unknown, max = displayTextLength, replaceQuotes = false): string {
  const text = typeof value === 'string' ? value : textOf(value);
  const visible = withoutInvisible(text.slice(0, window));
  const line = (replaceQuotes ? visible.replace(/"/g, '\u201d') : visible).replace(/\s+/g, ' ').trim();
  return cap(line, max);
}

/** Server text as one safe, quoted line: `"Nightly backup"`. */
export function quotedText(value: unknown, max = displayTextLength): string {
  return `"${displayText(value, max)}"`;
}

/** The text with invisible, control and bidirectional characters made spaces and lone surrogates replaced. */
export function withoutInvisible(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, ' ');
}

function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // Never cut a surrogate pair in two.
  if (end > 0 && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
