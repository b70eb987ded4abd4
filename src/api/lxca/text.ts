import { isRecord } from '../../util/values';
import type { FormattedText, FormattedTextPart } from './types';

export { isRecord };

/** Formats that start a new line (the rest — bold, italic, link… — only style the text). */
const blockFormats = new Set(['newline', 'paragraph', 'listElement', 'orderedList', 'bulletList', 'quotation']);

/** A plain string or a formatted-text array as received; anything else is not text. */
export function parseFormattedText(value: unknown): FormattedText | undefined {
  if (typeof value === 'string') return value;
  const parts = Array.isArray(value) ? value : isRecord(value) ? [value] : [];
  const textParts = parts.filter(isRecord).filter((part) => typeof part.text === 'string');
  if (textParts.length === 0) return undefined;
  return textParts.map((part) => ({
    text: part.text as string,
    format: Array.isArray(part.format) ? part.format.filter((f): f is string => typeof f === 'string') : undefined,
    link: part.link,
  }));
}

/** Plain text: block formats become line breaks; `singleLine` folds all whitespace to one space. */
export function plainText(text: FormattedText, options: { singleLine?: boolean } = {}): string {
  const joined = typeof text === 'string' ? text : text.map(partText).join('');
  const result = options.singleLine ? joined.replace(/\s+/g, ' ') : joined.replace(/\n{3,}/g, '\n\n');
  return result.trim();
}

function partText(part: FormattedTextPart): string {
  const startsBlock = part.format?.some((format) => blockFormats.has(format)) ?? false;
  return startsBlock ? `\n${part.text}` : part.text;
}
