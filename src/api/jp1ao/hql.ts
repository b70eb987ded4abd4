import { hqlQuoteEscape } from './assumptions';

/** An HQL string literal: single quotes, an inner quote doubled. */
export function hqlString(value: string): string {
  return `'${value.replace(/'/g, hqlQuoteEscape)}'`;
}

/** `status in ['a','b']`, or undefined for no statuses. */
export function hqlStatusFilter(statuses: readonly string[] | undefined): string | undefined {
  if (!statuses || statuses.length === 0) return undefined;
  return `status in [${statuses.map(hqlString).join(',')}]`;
}

/** The clauses that are present, joined by `and`. */
export function hqlAnd(...clauses: (string | undefined)[]): string | undefined {
  const present = clauses.map((clause) => clause?.trim()).filter((clause): clause is string => !!clause);
  return present.length === 0 ? undefined : present.join(' and ');
}
