// List queries over task views: the resource filters, `q`, and the HQL:: parameters
// (filter, fields, sortBy, offset, limit) of docs/api/jp1ao.md, "The task list".
import type { SimulatorVariants } from '../types';

type Row = Record<string, unknown>;
type Predicate = (row: Row) => boolean;

export class QueryError extends Error {
  constructor(readonly parameter: string, reason: string) {
    super(reason);
  }
}

const ID_FILTERS = ['serviceID', 'scheduleID', 'serviceGroupID', 'serviceTemplateID'];
const HQL = ['HQL::filter', 'HQL::fields', 'HQL::sortBy', 'HQL::offset', 'HQL::limit'];
const Q_FIELDS = ['name', 'submitter', 'description', 'serviceName', 'tags', 'notes'];

export interface ListOptions {
  fields: readonly string[];
  dateFields: ReadonlySet<string>;
  /** What this server does with `HQL::limit` (see SimulatorVariants). */
  pageSize?: SimulatorVariants['jp1aoPaging'];
  /** The status words this server uses, and what a filter naming another one answers (see SimulatorVariants). */
  statusWords?: { words: ReadonlySet<string>; unknown: SimulatorVariants['jp1aoFilter'] };
}

/** A filter naming a status word this server does not use, on a server that answers it with an empty list. */
class UnknownStatusWord extends Error {}

/** Applies the query to rows already in default order; `count` is the number matching before paging. */
export function runListQuery(rows: Row[], query: Record<string, string>, options: ListOptions): { data: Row[]; count: number } {
  const known = options.pageSize === 'reject' ? HQL.filter((key) => key !== 'HQL::limit') : HQL;
  for (const key of Object.keys(query)) if (key.startsWith('HQL::') && !known.includes(key)) throw new QueryError(key, 'unknown HQL parameter');
  const predicates: Predicate[] = [];
  for (const key of ID_FILTERS) {
    if (query[key] === undefined) continue;
    const id = integer(key, query[key], 0);
    predicates.push((row) => row[key] === id);
  }
  if (query.tags !== undefined) {
    const wanted = splitList(query.tags).map((t) => t.toLowerCase());
    predicates.push((row) => {
      const have = splitList(String(row.tags ?? '')).map((t) => t.toLowerCase());
      return wanted.every((t) => have.includes(t));
    });
  }
  if (query.q !== undefined) {
    const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
    predicates.push((row) => {
      const text = Q_FIELDS.map((f) => String(row[f] ?? '')).join('\n').toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }
  if (query['HQL::filter'] !== undefined) {
    try {
      predicates.push(parseFilter(query['HQL::filter'], options));
    } catch (error) {
      if (error instanceof UnknownStatusWord) return { data: [], count: 0 };
      throw error;
    }
  }

  let matching = rows.filter((row) => predicates.every((p) => p(row)));
  if (query['HQL::sortBy'] !== undefined) matching = sortRows(matching, query['HQL::sortBy'], options);
  const offset = query['HQL::offset'] === undefined ? 0 : integer('HQL::offset', query['HQL::offset'], 0);
  const limit = query['HQL::limit'] === undefined || options.pageSize === 'ignore' ? undefined : integer('HQL::limit', query['HQL::limit'], 1);
  let data = matching.slice(offset, limit === undefined ? undefined : offset + limit);
  if (query['HQL::fields'] !== undefined) data = project(data, query['HQL::fields'], options);
  return { data, count: matching.length };
}

function integer(parameter: string, value: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new QueryError(parameter, `"${value}" is not an integer of at least ${min}`);
  return Number(value);
}

const splitList = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

function checkField(parameter: string, field: string, options: ListOptions): string {
  if (!options.fields.includes(field)) throw new QueryError(parameter, `unknown field "${field}"`);
  return field;
}

function sortRows(rows: Row[], sortBy: string, options: ListOptions): Row[] {
  const keys = splitList(sortBy).map((part) => {
    const [field, direction = 'ASC', ...extra] = part.split(/\s+/);
    if (extra.length > 0 || !/^(asc|desc)$/i.test(direction)) throw new QueryError('HQL::sortBy', `"${part}" is not "field [ASC|DESC]"`);
    return { field: checkField('HQL::sortBy', field, options), sign: /^desc$/i.test(direction) ? -1 : 1 };
  });
  if (keys.length === 0) throw new QueryError('HQL::sortBy', 'no field given');
  return [...rows].sort((a, b) => {
    for (const { field, sign } of keys) {
      const order = compare(a[field], b[field], options.dateFields.has(field));
      if (order !== 0) return order * sign;
    }
    return 0;
  });
}

function project(rows: Row[], fields: string, options: ListOptions): Row[] {
  const wanted = splitList(fields).map((f) => checkField('HQL::fields', f, options));
  if (!wanted.includes('instanceID')) wanted.unshift('instanceID');
  return rows.map((row) => Object.fromEntries(wanted.filter((f) => Object.hasOwn(row, f)).map((f) => [f, row[f]])));
}

/** Missing values sort first; dates compare as instants, numbers as numbers, the rest as text. */
function compare(a: unknown, b: unknown, isDate: boolean): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (isDate) return toTime(a) - toTime(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Accepts `+0900` and `+09:00` offsets. */
const toTime = (value: unknown) => Date.parse(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

// ---- HQL::filter -------------------------------------------------------------------------
// expr := and ('or' and)* ; and := unit ('and' unit)* ; unit := '(' expr ')' | field op value
// | field ['not'] 'in' '[' value (',' value)* ']' ; value := 'text' | number | true | false

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.]*)|([()[\],]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    if (!m) throw new QueryError('HQL::filter', `unexpected text at "${source.slice(at).trim()}"`);
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'word', text: m[3] });
    else tokens.push({ kind: 'punct', text: m[4] });
    at = pattern.lastIndex;
  }
  return tokens;
}

const OPERATORS = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'starts', 'ends'];

export function parseFilter(source: string, options: ListOptions): Predicate {
  const tokens = tokenize(source);
  let i = 0;
  const fail = (why: string): never => {
    throw new QueryError('HQL::filter', why);
  };
  const peekWord = (word: string) => tokens[i]?.kind === 'word' && tokens[i].text.toLowerCase() === word;
  const expectPunct = (text: string) => {
    if (tokens[i]?.kind !== 'punct' || tokens[i].text !== text) fail(`expected "${text}"${tokens[i] ? ` before "${tokens[i].text}"` : ' at the end'}`);
    i++;
  };

  /** A status word this server does not use: 400 (`strict`) or an empty answer (`empty`). */
  const checkWord = (field: string, word: unknown) => {
    const known = options.statusWords;
    if (field !== 'status' || !known || known.unknown === 'match' || typeof word !== 'string' || known.words.has(word)) return;
    if (known.unknown === 'strict') fail(`"${word}" is not a task status`);
    throw new UnknownStatusWord(word);
  };

  const value = (): unknown => {
    const token = tokens[i++];
    if (!token) return fail('a value is missing at the end');
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'word' && /^(true|false)$/i.test(token.text)) return token.text.toLowerCase() === 'true';
    return fail(`"${token.text}" is not a value (strings go in single quotes)`);
  };

  const comparison = (): Predicate => {
    const token = tokens[i++];
    if (token?.kind !== 'word') return fail(`expected a field name${token ? ` instead of "${token.text}"` : ''}`);
    const field = checkField('HQL::filter', token.text, options);
    const isDate = options.dateFields.has(field);
    let negate = false;
    if (peekWord('not')) {
      negate = true;
      i++;
      if (!peekWord('in')) fail('"not" must be followed by "in"');
    }
    if (peekWord('in')) {
      i++;
      expectPunct('[');
      const values = [value()];
      while (tokens[i]?.text === ',') {
        i++;
        values.push(value());
      }
      expectPunct(']');
      for (const word of values) checkWord(field, word);
      return (row) => values.some((v) => compare(row[field], v, isDate) === 0 && row[field] !== undefined) !== negate;
    }
    const op = tokens[i]?.kind === 'word' ? tokens[i].text.toLowerCase() : '';
    if (!OPERATORS.includes(op)) fail(`unknown operator "${tokens[i]?.text ?? ''}" after ${field}`);
    i++;
    const expected = value();
    checkWord(field, expected);
    return (row) => {
      const actual = row[field];
      if (actual === undefined || actual === null) return op === 'ne';
      const order = compare(actual, expected, isDate);
      switch (op) {
        case 'eq': return order === 0;
        case 'ne': return order !== 0;
        case 'gt': return order > 0;
        case 'lt': return order < 0;
        case 'ge': return order >= 0;
        case 'le': return order <= 0;
        case 'starts': return String(actual).startsWith(String(expected));
        default: return String(actual).endsWith(String(expected));
      }
    };
  };

  const unit = (): Predicate => {
    if (tokens[i]?.text === '(' && tokens[i].kind === 'punct') {
      i++;
      const inner = or();
      expectPunct(')');
      return inner;
    }
    return comparison();
  };
  /** `operand (word operand)*`: every operand must hold for `and`, one for `or`. */
  const joined = (word: 'and' | 'or', operand: () => Predicate): Predicate => {
    const parts = [operand()];
    while (peekWord(word)) {
      i++;
      parts.push(operand());
    }
    return word === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
  };
  const and = () => joined('and', unit);
  const or = () => joined('or', and);

  if (tokens.length === 0) fail('the filter is empty');
  const predicate = or();
  if (i < tokens.length) fail(`unexpected "${tokens[i].text}"`);
  return predicate;
}
