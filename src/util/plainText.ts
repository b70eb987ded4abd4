/**
 * Server text (an error message, an HTML page) as one short line of plain text for the user:
 * hidden elements, comments and tags dropped, entities decoded, control characters and runs of
 * whitespace folded to one space, and capped. No dependencies: the API layer and the UI share it.
 */
import { withoutInvisible } from './displayText';

/** Only the start of a huge text is looked at: a short line never needs more. */
const window = 100_000;

const HIDDEN_ELEMENTS = /<(script|style|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
const TAGS = /<\/?[a-z!][^>]*(?:>|$)/gi;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const NAMED_ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', ' ']]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES.get(entity.toLowerCase()) ?? whole;
    const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The visible text of a body or message, tag-free, on one line, not yet capped. */
export function visibleText(text: string): string {
  const visible = decodeEntities(
    text.slice(0, window).replace(HIDDEN_ELEMENTS, ' ').replace(COMMENTS, ' ').replace(TAGS, ' '),
  );
  // Entities may spell tags (`&lt;b&gt;`): those are dropped too, so no text shown carries markup.
  return withoutInvisible(visible.replace(TAGS, ' ').replace(CONTROL_CHARACTERS, ' ')).replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, the last one `…` when something was cut. */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Longest server message shown to the user. */
export const shortTextLength = 300;

/** Server text as a short plain line for notifications, the tree and the forms. */
export function shortPlainText(text: string, max = shortTextLength): string {
  return capText(visibleText(text), max);
}
