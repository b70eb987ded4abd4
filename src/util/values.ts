/** Reading `unknown` values from servers and pages. No dependencies: shared by every layer. */
import { safeText } from './safeText';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a string, else undefined. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A boolean, or its text `"true"`/`"false"`; anything else is undefined. */
export function optionalBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Text for display: strings as they are, numbers and the like as their string; empty is undefined. */
export function displayText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : safeText(value);
}

/** A non-blank string or a number: an id or key the server really sent. */
export function isPresent(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}
