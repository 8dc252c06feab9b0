import type { JsonSchema } from './check-schema.js';

/**
 * One definition of a key of a YAML file, from which come its JSON Schema
 * (what ajv checks and `motiv schema` prints), the TypeScript type of its
 * value as the file gives it (`Raw`), its default, and the same value with
 * every default filled in (`Filled`, what `fill` returns). The scenario's
 * keys are written with these builders (core/scenario/definition/).
 *
 * A builder writes the schema's keywords in the order its options are
 * written, so a printed schema reads like one written by hand. Defaults stay
 * out of the schema: they are filled after it passed, by `fill`.
 */
export interface Def<R, F = R, D extends boolean = boolean> {
  readonly schema: JsonSchema;
  /** the value taken when the key is left out, written as the file would write it (filled like a given value) */
  readonly fallback: R | undefined;
  /** a given value with the defaults of the keys under it filled in */
  readonly fill: (value: R) => F;
  /** type-level only: true when the key has a default, so it is always there once filled */
  readonly defaulted?: D;
}

type AnyDef = Def<any, any, boolean>;
export type Raw<D> = D extends Def<infer R, any, any> ? R : never;
export type Filled<D> = D extends Def<any, infer F, any> ? F : never;
type Defaulted<D> = D extends Def<any, any, true> ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Props = { readonly [key: string]: AnyDef };
type Present<P extends Props, K extends keyof P, Req> = K extends Req ? true : Defaulted<P[K]>;
type RawObject<P extends Props, Req> = Simplify<{ [K in keyof P as K extends Req ? K : never]: Raw<P[K]> } & { [K in keyof P as K extends Req ? never : K]?: Raw<P[K]> }>;
type FilledObject<P extends Props, Req> = Simplify<
  { [K in keyof P as Present<P, K, Req> extends true ? K : never]: Filled<P[K]> } & { [K in keyof P as Present<P, K, Req> extends true ? never : K]?: Filled<P[K]> }
>;
type HasDefault<O> = O extends { default: unknown } ? true : false;
/** one of the single-key objects `{k: value}` of a set of properties */
type OneKey<P extends Props> = { [K in keyof P]: { [Q in K]: Raw<P[K]> } }[keyof P];

type Annotations = { description?: string; hint?: string };
type NumberOptions = Annotations & { exclusiveMinimum?: number; minimum?: number; maximum?: number; default?: number };
type StringOptions = Annotations & { minLength?: number; pattern?: string; default?: string };

/** a definition whose value has nothing under it to fill */
function leaf<T, O extends { default?: unknown }>(schema: JsonSchema, opts: O): Def<T, T, HasDefault<O>> {
  const { default: fallback, ...keywords } = opts;
  return { schema: { ...schema, ...keywords }, fallback: fallback as T | undefined, fill: (v) => v };
}

export const num = <const O extends NumberOptions = {}>(opts: O = {} as O) => leaf<number, O>({ type: 'number' }, opts);
export const int = <const O extends NumberOptions = {}>(opts: O = {} as O) => leaf<number, O>({ type: 'integer' }, opts);
export const str = <const O extends StringOptions = {}>(opts: O = {} as O) => leaf<string, O>({ type: 'string' }, opts);
export const constant = <const T extends string | number | boolean>(value: T): Def<T, T, false> => leaf<T, {}>({ const: value }, {});
export const oneOf = <const T extends string, const O extends Annotations & { default?: T } = {}>(values: readonly T[], opts: O = {} as O) =>
  leaf<T, O>({ enum: [...values] }, opts);

/** the same definition with a default (the schema unchanged) */
export function withDefault<R, F>(def: Def<R, F, boolean>, fallback: R): Def<R, F, true> {
  return { schema: def.schema, fallback, fill: def.fill };
}

/** the same definition with another description or a default */
export function annotate<R, F, const O extends { description?: string; default?: R }>(def: Def<R, F, boolean>, opts: O): Def<R, F, HasDefault<O>> {
  const { default: fallback, description } = opts;
  return { schema: description === undefined ? def.schema : { ...def.schema, description }, fallback: fallback ?? def.fallback, fill: def.fill };
}

/** the same schema and type, nothing under it filled: where a value left out falls back to another value, not to the defaults */
export function bare<D extends AnyDef>(def: D): Def<Raw<D>, Raw<D>, false> {
  return { schema: def.schema, fallback: undefined, fill: (v) => v };
}

function schemas(props: Props): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(props).map(([k, d]) => [k, d.schema]));
}

/** each property's default, then the defaults under it, filled in (in the definition's order) */
function fillProps(props: Props, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(props)) {
    const v = value[k] ?? d.fallback;
    if (v !== undefined) out[k] = d.fill(v);
  }
  return out;
}

/** a mapping of known keys (no others), `required` listing those that must be given */
export function obj<const P extends Props, const Req extends keyof P & string = never>(
  opts: { required?: readonly Req[]; description?: string; properties: P },
): Def<RawObject<P, Req>, FilledObject<P, Req>, false> {
  const schema: JsonSchema = { type: 'object', additionalProperties: false };
  for (const [k, v] of Object.entries(opts)) schema[k] = k === 'properties' ? schemas(opts.properties) : v;
  return { schema, fallback: undefined, fill: (v) => fillProps(opts.properties, v) as FilledObject<P, Req> };
}

/** a mapping of any keys, each value a `values` */
export function record<const O extends Annotations & { minProperties?: number; maxProperties?: number; values: AnyDef; default?: Record<string, never> }>(
  opts: O,
): Def<Record<string, Raw<O['values']>>, Record<string, Filled<O['values']>>, HasDefault<O>> {
  const { default: fallback, ...keywords } = opts;
  const schema: JsonSchema = { type: 'object' };
  for (const [k, v] of Object.entries(keywords)) schema[k === 'values' ? 'additionalProperties' : k] = k === 'values' ? opts.values.schema : v;
  const fill = (v: Record<string, Raw<O['values']>>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, opts.values.fill(x)]));
  return { schema, fallback, fill };
}

/** a list of `items` */
export function arr<R, F, const O extends Annotations & { minItems?: number; maxItems?: number; default?: R[] }>(items: Def<R, F, boolean>, opts: O): Def<R[], F[], HasDefault<O>> {
  const { default: fallback, ...keywords } = opts;
  return { schema: { type: 'array', items: items.schema, ...keywords }, fallback, fill: (v) => v.map((x) => items.fill(x)) };
}

/** exactly one of the properties, as a mapping of one key: `{normal: {...}}` */
export function oneKey<const P extends Props>(opts: { hint?: string; properties: P }): Def<OneKey<P>, OneKey<P>, false> {
  const schema: JsonSchema = { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false };
  for (const [k, v] of Object.entries(opts)) schema[k] = k === 'properties' ? schemas(opts.properties) : v;
  return { schema, fallback: undefined, fill: (v) => v };
}

/** a mapping as `object`, else the `other` (a number, mostly): `{description, hint, if, then, else}` */
export function objectOr<RO, FO, RE, FE, const O extends Annotations & { default?: RO | RE }>(
  object: Def<RO, FO, boolean>,
  other: Def<RE, FE, boolean>,
  opts: O,
): Def<RO | RE, FO | FE, HasDefault<O>> {
  const { default: fallback, ...annotations } = opts;
  const schema: JsonSchema = { ...annotations, if: { type: 'object' }, then: object.schema, else: other.schema };
  const fill = (v: RO | RE) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? object.fill(v as RO) : other.fill(v as RE));
  return { schema, fallback, fill };
}

/** a mapping that switches a feature on, or `false` for off (as when left out) */
export function switchable<R, F>(object: Def<R, F, boolean>, opts: { description: string; hint: string }): Def<false | R, false | F, false> {
  const schema: JsonSchema = { description: opts.description, if: { type: 'boolean' }, then: { const: false, hint: opts.hint }, else: object.schema };
  return { schema, fallback: undefined, fill: (v) => (v === false ? false : object.fill(v)) };
}
