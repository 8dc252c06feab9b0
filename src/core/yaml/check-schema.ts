import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { problem, type Path, type Problem } from '../problems/problem.js';
import { clip, formatPath } from '../problems/format.js';
import { didYouMean, listOr, suggest } from '../problems/suggest.js';
import * as R from '../money/rational.js';

/** A JSON Schema node as motiv writes them; `hint` says in words what is allowed. */
export type JsonSchema = Record<string, unknown> & { hint?: string; description?: string };

/**
 * The one Ajv set-up motiv validates with, at run time and ahead of time
 * (scripts/validators.mjs passes `code` to emit standalone source).
 */
export function motivAjv(code?: { source: boolean }): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: false, allowUnionTypes: true, ...(code ? { code } : {}) });
  ajv.addKeyword({ keyword: 'hint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  return ajv;
}

export function compileSchema(schema: JsonSchema): ValidateFunction {
  return motivAjv().compile(schema);
}

/**
 * Check a value against a compiled schema and turn ajv's errors into motiv
 * problems: one per real mistake, worded for a person, with did-you-mean.
 */
export function checkSchema(validate: ValidateFunction, value: unknown): Problem[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter((e) => !isNoise(e));
  const kept = dropShadowed(errors);
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const p = describe(e);
    if (!p) continue;
    const key = `${formatPath(p.path)}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function isNoise(e: ErrorObject): boolean {
  return e.keyword === 'if' || e.keyword === 'then' || e.keyword === 'else' || e.keyword === 'not';
}

/**
 * oneOf/anyOf summaries are dropped when a more precise error exists at or
 * under the same place, a missing discriminator tag when 'required'
 * already says the key is missing, and a pattern (not blank) that
 * empty text breaks when minLength already says it is empty
 */
function dropShadowed(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => {
    if (e.keyword === 'pattern') return !errors.some((o) => o.keyword === 'minLength' && o.instancePath === e.instancePath);
    if (e.keyword === 'discriminator') {
      const { error, tag } = e.params as { error: string; tag: string };
      return !(
        error === 'tag' &&
        errors.some((o) => o.keyword === 'required' && o.instancePath === e.instancePath && (o.params as { missingProperty: string }).missingProperty === tag)
      );
    }
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return true;
    return !errors.some((o) => o !== e && o.keyword !== 'oneOf' && o.keyword !== 'anyOf' && o.instancePath.startsWith(e.instancePath));
  });
}

export function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(path: Path): string {
  const p = formatPath(path);
  return p ? ` at ${p}` : '';
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'nothing',
};

function typeWords(t: string | string[]): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return listOr(list.map((x) => TYPE_WORDS[x] ?? x), false);
}

function describe(e: ErrorObject): Problem | undefined {
  const path = pointerToPath(e.instancePath);
  const schema = (e.parentSchema ?? {}) as JsonSchema;
  const hint = typeof schema.hint === 'string' ? schema.hint : undefined;
  // a key that breaks the rule for names (propertyNames): point at the key itself
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && e.keyword !== 'propertyNames') {
    return problem('bad-value', `'${clip(propertyName)}' is not a valid name${where(path)}`, {
      path: [...path, propertyName],
      onKey: true,
      hint: hint ?? `expected a name that ${e.message ?? 'is valid'}`,
    });
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((schema.properties as object | undefined) ?? {});
      const dym = didYouMean(key, allowed);
      return problem('unknown-key', `unknown key '${key}'${where(path)}${dym ? `; ${dym}` : ''}`, {
        path: [...path, key],
        hint: allowed.length ? `allowed here: ${allowed.join(', ')}` : undefined,
      });
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      // a key that is there under a misspelt name: say so, beside the unknown-key problem
      const known = Object.keys((schema.properties as object | undefined) ?? {});
      const present = e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? Object.keys(e.data).filter((k) => !known.includes(k)) : [];
      const typo = suggest(key, present);
      return problem('missing-key', `missing key '${key}'${where(path)}${typo ? `; is '${typo}' a typo for it?` : ''}`, {
        path,
        hint: hint ?? describeProperty(schema, key),
      });
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const fix = typeof e.data === 'string' && /number|integer/.test(String(t)) ? (shareFix(e.data, schema) ?? numberFix(e.data)) : undefined;
      // (a list where a mapping was written: how a list is written, before what the key is; QA: 'components: {}' was told 'The pay components.')
      const listWanted = t === 'array' && e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data);
      const what = typeof schema.description === 'string' && /^[A-Z][a-z]/.test(schema.description) ? schema.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) : 'its items';
      const asList = listWanted ? `write ${what} as a list, each on its own line starting with '- '` : undefined;
      return problem('wrong-type', `${show(e.data)} is not ${typeWords(t)}${where(path)}${fix ? `; ${fix}` : ''}`, { path, hint: hint ?? asList ?? schema.description });
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const dym = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return problem('bad-value', `${show(e.data)} is not allowed${where(path)}${dym ? `; ${dym}` : ''}`, {
        path,
        hint: `use ${listOr(allowed)}`,
      });
    }
    case 'const':
      return problem('bad-value', `${show(e.data)} is not allowed${where(path)}`, {
        path,
        hint: `use '${String((e.params as { allowedValue: unknown }).allowedValue)}'`,
      });
    case 'discriminator': {
      const params = e.params as { error: string; tag: string; tagValue: unknown };
      const options = discriminatorValues(e);
      if (params.error === 'tag') {
        return problem('missing-key', `missing key '${params.tag}'${where(path)}`, {
          path,
          hint: options.length ? `${params.tag} is one of: ${options.join(', ')}` : undefined,
        });
      }
      const value = String(params.tagValue);
      const s = suggest(value, options);
      return problem('unknown-component-type', `unknown ${params.tag} '${value}'${where(path)}${s ? `; did you mean '${s}'?` : ''}`, {
        path: [...path, params.tag],
        hint: `known: ${options.join(', ')}`,
      });
    }
    case 'pattern':
    case 'format': {
      const fix = typeof e.data === 'string' ? numberFix(e.data) : undefined;
      return problem('bad-value', `${show(e.data)} is not valid${where(path)}${fix ? `; ${fix}` : ''}`, { path, hint: hint ?? `expected a value that ${e.message}` });
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      return problem('bad-value', `${show(e.data)} must be ${comparison} ${limit}${where(path)}`, { path, hint });
    }
    case 'minItems':
    case 'maxItems': {
      const { limit } = e.params as { limit: number };
      const n = Array.isArray(e.data) ? e.data.length : 0;
      const word = e.keyword === 'minItems' ? 'at least' : 'at most';
      return problem('bad-value', `the list${where(path)} has ${n} item${n === 1 ? '' : 's'}; it needs ${word} ${limit}`, { path, hint });
    }
    case 'minLength':
      return problem('bad-value', `empty text${where(path)}`, { path, hint });
    case 'minProperties':
      return problem('bad-value', `empty mapping${where(path)}`, { path, hint });
    case 'maxProperties': {
      const { limit } = e.params as { limit: number };
      const n = e.data && typeof e.data === 'object' ? Object.keys(e.data).length : 0;
      return problem('bad-value', `the mapping${where(path)} has ${n} keys; it may have at most ${limit}`, { path, hint });
    }
    case 'uniqueItems':
      return problem('bad-value', `the list${where(path)} repeats an item`, { path, hint });
    case 'propertyNames':
      return undefined; // reported by the nested pattern error
    case 'oneOf':
    case 'anyOf':
      return problem('bad-value', `${show(e.data)} is not valid${where(path)}`, { path, hint: hint ?? 'see `motiv schema`' });
    default:
      return problem('bad-value', `${e.message ?? 'invalid'}${where(path)}`, { path, hint });
  }
}

/**
 * A number written as a person writes it, to the plain one motiv reads:
 * 12,50 with the decimal comma of many locales is 12.50; 9,100 or
 * 1,234,567.89 with thousands commas is 9100 or 1234567.89 (a comma before
 * exactly three digits is read as grouping first, the way most amounts are
 * written, with the decimal reading offered beside it); 70 000 or 1 234,56
 * with thousands spaces is 70000 or 1234.56; a currency sign around it goes.
 */
export function numberFix(text: string): string | undefined {
  // 0x10, 0o17: YAML's hexadecimal and octal, handed over as written (yaml/source.ts)
  const based = /^\s*([-+]?)0([xo])([0-9a-f]+)\s*$/i.exec(text);
  if (based) {
    const value = parseInt(based[3], based[2].toLowerCase() === 'x' ? 16 : 8);
    if (Number.isSafeInteger(value)) return `${text.trim()} is ${based[2].toLowerCase() === 'x' ? 'hexadecimal' : 'octal'}: write numbers in decimal (${based[1] === '-' ? '-' : ''}${value})`;
  }
  // 70 000 or 1 234,56: thousands grouped by spaces, as in French, German or Swedish writing
  const spaced = /^\s*([-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?\s*(%?)\s*$/.exec(text);
  if (spaced) return `did you mean '${spaced[1].replace(/[ \u00a0\u202f]/g, '')}${spaced[2] ? `.${spaced[2]}` : ''}${spaced[3]}'? write numbers without grouping`;
  const m = /^\s*(?:[€$£¥₽]|[A-Z]{3}\s)?\s*([-+]?[\d,.]*\d)\s*(%?)\s*(?:[€$£¥₽]|\s[A-Z]{3})?\s*$/.exec(text);
  if (!m) return undefined;
  const [, body, percent] = m;
  const plain = (n: string) => `'${n}${percent}'`;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) {
    const grouped = body.replace(/,/g, '');
    // 9,100 may also be 9.1 with a decimal comma
    return /^[-+]?\d{1,3},\d{3}$/.test(body) ? `did you mean ${plain(grouped)} (or ${plain(body.replace(',', '.'))} if the comma is a decimal mark)? write numbers without grouping` : `did you mean ${plain(grouped)}? write numbers without grouping`;
  }
  // 11.670,00: thousands grouped by points and a decimal comma, as in German or Italian writing
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(body)) return `did you mean ${plain(body.replace(/\./g, '').replace(',', '.'))}? write numbers without grouping, with a decimal point`;
  if (/^[-+]?\d+,\d+$/.test(body)) return `did you mean ${plain(body.replace(',', '.'))}?`;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(body) && body + percent !== text.trim()) return `did you mean ${plain(body)}? write the number alone`;
  return undefined;
}

/** a percentage where a number of at most 1 goes (a scenario's share, probability): the fraction it means */
function shareFix(text: string, schema: JsonSchema): string | undefined {
  const percent = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$/.exec(text);
  const fraction = percent && schema.maximum === 1 ? R.parseDecimal(percent[1]) : undefined;
  return fraction ? `write ${R.toDecimalString(R.div(fraction, R.q(100)))}, a fraction` : undefined;
}

function describeProperty(schema: JsonSchema, key: string): string | undefined {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const prop = props?.[key];
  return prop?.hint ?? prop?.description;
}

function discriminatorValues(e: ErrorObject): string[] {
  const schema = e.parentSchema as { oneOf?: JsonSchema[]; discriminator?: { propertyName: string } } | undefined;
  const tag = schema?.discriminator?.propertyName ?? 'type';
  return (schema?.oneOf ?? [])
    .map((s) => ((s.properties as Record<string, { const?: string }> | undefined)?.[tag]?.const))
    .filter((v): v is string => typeof v === 'string');
}
