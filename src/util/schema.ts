/**
 * A tiny runtime schema for webview messages: one declaration gives both the TypeScript type
 * (`Infer`) and the check applied to every message that crosses the webview boundary.
 * Shared by the extension host and the browser pages (no `vscode`, no DOM, no Node imports).
 */
import { isRecord } from './values';

export type Schema =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'literal'; readonly values: readonly string[] }
  | { readonly kind: 'optional'; readonly item: Schema }
  | { readonly kind: 'array'; readonly item: Schema }
  | { readonly kind: 'object'; readonly props: { readonly [name: string]: Schema } }
  | { readonly kind: 'union'; readonly tag: string; readonly variants: { readonly [tag: string]: ObjectSchema } };

type ObjectSchema = { readonly kind: 'object'; readonly props: { readonly [name: string]: Schema } };

export const string = { kind: 'string' } as const;
export const number = { kind: 'number' } as const;
export const boolean = { kind: 'boolean' } as const;

export function literal<const V extends readonly string[]>(...values: V): { readonly kind: 'literal'; readonly values: V } {
  return { kind: 'literal', values };
}

export function optional<const S extends Schema>(item: S): { readonly kind: 'optional'; readonly item: S } {
  return { kind: 'optional', item };
}

export function array<const S extends Schema>(item: S): { readonly kind: 'array'; readonly item: S } {
  return { kind: 'array', item };
}

export function object<const P extends { readonly [name: string]: Schema }>(props: P): { readonly kind: 'object'; readonly props: P } {
  return { kind: 'object', props };
}

/** Objects told apart by the string in their `tag` member, e.g. `{type: 'ready'}`. */
export function union<const T extends string, const V extends { readonly [tag: string]: ObjectSchema }>(
  tag: T,
  variants: V,
): { readonly kind: 'union'; readonly tag: T; readonly variants: V } {
  return { kind: 'union', tag, variants };
}

type OptionalKeys<P> = { [K in keyof P]: P[K] extends { kind: 'optional' } ? K : never }[keyof P];
type InferObject<P> = { [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Infer<P[K]> };
type Flatten<T> = { [K in keyof T]: T[K] };

export type Infer<S> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'number' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : S extends { kind: 'literal'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'optional'; item: infer I }
          ? Infer<I> | undefined
          : S extends { kind: 'array'; item: infer I }
            ? Infer<I>[]
            : S extends { kind: 'object'; props: infer P }
              ? Flatten<InferObject<P>>
              : S extends { kind: 'union'; tag: infer T extends string; variants: infer V }
                ? { [K in keyof V]: Flatten<{ [tag in T]: K } & Infer<V[K]>> }[keyof V]
                : never;

/** Where the value first breaks the schema, e.g. `rows[2].value: expected a string`; undefined when it fits. */
export function problemWith(schema: Schema, value: unknown, path = 'message'): string | undefined {
  switch (schema.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      if (typeof value !== schema.kind || (schema.kind === 'number' && !Number.isFinite(value))) return `${path}: expected a ${schema.kind}`;
      return undefined;
    case 'literal':
      return typeof value === 'string' && schema.values.includes(value) ? undefined : `${path}: expected one of ${schema.values.join(', ')}`;
    case 'optional':
      return value === undefined || value === null ? undefined : problemWith(schema.item, value, path);
    case 'array':
      if (!Array.isArray(value)) return `${path}: expected an array`;
      for (let i = 0; i < value.length; i++) {
        const problem = problemWith(schema.item, value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    case 'object':
      if (!isRecord(value)) return `${path}: expected an object`;
      for (const [name, member] of Object.entries(schema.props)) {
        const problem = problemWith(member, value[name], `${path}.${name}`);
        if (problem) return problem;
      }
      return undefined;
    case 'union': {
      if (!isRecord(value)) return `${path}: expected an object`;
      const tag = value[schema.tag];
      const variant = typeof tag === 'string' && Object.hasOwn(schema.variants, tag) ? schema.variants[tag] : undefined;
      if (!variant) return `${path}.${schema.tag}: unknown ${JSON.stringify(tag)}`;
      return problemWith(variant, value, path);
    }
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The value typed by its schema, or why it does not fit. Extra members are dropped (null → absent). */
export function parse<S extends Schema>(schema: S, value: unknown): Parsed<Infer<S>> {
  const problem = problemWith(schema, value);
  return problem === undefined ? { ok: true, value: pick(schema, value) as Infer<S> } : { ok: false, problem };
}

/** Copies only what the schema declares, so nothing unexpected travels further. */
function pick(schema: Schema, value: unknown): unknown {
  switch (schema.kind) {
    case 'optional':
      return value === undefined || value === null ? undefined : pick(schema.item, value);
    case 'array':
      return (value as unknown[]).map((item) => pick(schema.item, item));
    case 'object': {
      const source = value as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(schema.props)) {
        const picked = pick(member, source[name]);
        if (picked !== undefined) copy[name] = picked;
      }
      return copy;
    }
    case 'union': {
      const source = value as Record<string, unknown>;
      const tag = source[schema.tag] as string;
      return { [schema.tag]: tag, ...(pick(schema.variants[tag]!, source) as object) };
    }
    default:
      return value;
  }
}
