/**
 * Paging that copes with servers that do not know the page-size parameter (docs/api/jp1ao.md,
 * "Paging"): the manual documents `HQL::offset`, the name of its companion is the project's guess.
 */
import type { HttpResponse } from '../http';
import { safeText } from '../../util/safeText';
import { pageSizeParameter } from './assumptions';

/**
 * The requested page out of what the server answered. A server that ignored the page size sent
 * more rows than asked: from the offset on (it honoured `HQL::offset`), or every matching task
 * (it ignored both, seen when the answer holds `count` rows).
 */
export function pageOf<T>(rows: readonly T[], count: number, offset: number, limit: number | undefined): T[] {
  if (limit === undefined || rows.length <= limit) return [...rows];
  const from = offset > 0 && rows.length === count ? offset : 0;
  return rows.slice(from, from + limit);
}

/** A 400 whose error body names the page-size parameter: this server does not take it. */
export function refusesPageSize(response: HttpResponse): boolean {
  if (response.status !== 400) return false;
  const json = response.json;
  const said =
    typeof json === 'object' && json !== null ? ['message', 'messageData'].map((key) => safeText((json as Record<string, unknown>)[key])).join(' ') : response.text;
  return said.includes(pageSizeParameter);
}
