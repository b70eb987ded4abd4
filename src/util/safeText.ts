/**
 * Any value a server sent, as text that never throws and never grows without bound: a hostile
 * `toString`, a cycle or an object nested 5,000 deep (where `JSON.stringify` overflows the stack)
 * all end as bounded text. No dependencies: shared by both products' API code and the tasks.
 */

/** Longest text returned unless the caller asks for another cap. */
export const defaultSafeTextLength = 10_000;
/** Objects and arrays deeper than this are shown as `…`. */
export const safeTextDepth = 8;

export function safeText(value: unknown, maxLength = defaultSafeTextLength): string {
  const text = typeof value === 'string' ? value : describe(value, maxLength);
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

function describe(value: unknown, maxLength: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return '';
  const out: string[] = [];
  const budget = { left: maxLength + 1 };
  try {
    writeJson(value, 0, out, budget, new Set());
  } catch {
    // A getter or proxy that throws: what was written so far stands.
  }
  return out.join('');
}

interface Budget {
  left: number;
}

function emit(out: string[], budget: Budget, text: string): boolean {
  if (budget.left <= 0) return false;
  const piece = text.length > budget.left ? text.slice(0, budget.left) : text;
  out.push(piece);
  budget.left -= piece.length;
  return budget.left > 0;
}

/** JSON-like text of a value, depth- and size-capped; stops as soon as the budget is spent. */
function writeJson(value: unknown, depth: number, out: string[], budget: Budget, seen: Set<object>): boolean {
  if (value === null || value === undefined) return emit(out, budget, 'null');
  if (typeof value === 'string') return emit(out, budget, JSON.stringify(value.length > budget.left ? value.slice(0, budget.left) : value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return emit(out, budget, String(value));
  if (typeof value !== 'object') return emit(out, budget, 'null');
  if (depth >= safeTextDepth || seen.has(value)) return emit(out, budget, '…');
  seen.add(value);
  const isArray = Array.isArray(value);
  if (!emit(out, budget, isArray ? '[' : '{')) return false;
  let first = true;
  for (const key of isArray ? value.keys() : Object.keys(value)) {
    if (!first && !emit(out, budget, ',')) return false;
    first = false;
    if (!isArray && !emit(out, budget, `${JSON.stringify(key)}:`)) return false;
    if (!writeJson((value as Record<string | number, unknown>)[key], depth + 1, out, budget, seen)) return false;
  }
  seen.delete(value);
  return emit(out, budget, isArray ? ']' : '}');
}

/** Server data deeper than this is cut where it is serialised or walked for the user. */
export const serverDataDepth = 32;

/** True when the value nests objects or arrays deeper than `maxDepth` (checked without recursion). */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    if (depth >= maxDepth) return true;
    seen.add(item);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Pretty JSON of server data that cannot overflow the stack: objects and arrays deeper than
 * `maxDepth` (and cycles) become `"…"`; a hostile `toJSON` or getter ends as the text so far.
 */
export function boundedJson(value: unknown, indent = 2, maxDepth = serverDataDepth): string {
  try {
    return JSON.stringify(pruned(value, maxDepth, new Set()), null, indent) ?? '';
  } catch {
    return safeText(value);
  }
}

function pruned(value: unknown, depthLeft: number, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? String(value) : value;
  if (depthLeft <= 0 || seen.has(value)) return '…';
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => pruned(item, depthLeft - 1, seen))
    : Object.fromEntries(Object.keys(value).map((key) => [key, pruned((value as Record<string, unknown>)[key], depthLeft - 1, seen)]));
  seen.delete(value);
  return copy;
}
