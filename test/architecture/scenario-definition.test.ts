import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioDefinition } from '../../src/core/scenario/definition/scenario.js';
import { scenarioJsonSchema } from '../../src/core/scenario/json-schema.js';
import { ROOT } from '../helpers/cli.js';

/**
 * A scenario key's default is written once, in its definition
 * (src/core/scenario/definition/); docs/scenarios.md and the schema's
 * descriptions say it in words. These hold the words to the definition.
 */

/** every optional part present, so that filling it in shows every default */
const filled = scenarioDefinition.fill({
  name: 'x',
  reps: { count: 1, hours: 1 },
  segments: { s: { share: 1, revenue: 1 } },
  book: { prospects: 1, signed: 0, active: 0 },
  response: { prospect: { sign: 0.1 }, signed: { activate: 0.1 }, active: {} },
  drift: {},
  departures: { outside_option: 1, burnout: { rate: 0.1 } },
  payment: {},
  leads: { per_month: 1, value: 1, hours: 1 },
}) as Record<string, unknown>;

/** where each section of docs/scenarios.md with a `default` column sits in a scenario */
const SECTIONS: Record<string, string[]> = {
  'Top-level keys': [],
  reps: ['reps'],
  segments: ['segments', 's'],
  book: ['book'],
  market: ['market'],
  Effects: ['response'],
  drift: ['drift'],
  payment: ['payment'],
  relationship: ['relationship'],
  leads: ['leads'],
  departures: ['departures'],
  decision: ['decision'],
};
/** defaults the docs give in words because they depend on other keys (normalise.ts computes them) */
const IN_WORDS = new Set(['market.prospects_max', 'reps.overtime.cost']);

const at = (path: readonly string[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], filled);

/** the docs' tables of keys with a default: [section, key, the default cell] */
function documentedDefaults(): [string[], string, string][] {
  const rows: [string[], string, string][] = [];
  let section: string[] | undefined;
  let column = -1;
  for (const line of readFileSync(join(ROOT, 'docs/scenarios.md'), 'utf8').split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading) [section, column] = [SECTIONS[heading[1]], -1];
    if (!line.startsWith('|') || !section) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'key') column = cells.indexOf('default');
    else if (column > 0 && !cells[0].startsWith('---')) rows.push([section, cells[0].replace(/`/g, ''), cells[column] ?? '']);
  }
  return rows;
}

/** a default cell as values: `0.5`, `{uniform: {min: 1, max: 36}}`, or `max: 0.25`, `signed: 12` pieces of a mapping; undefined when in words */
function valuesOf(cell: string): { whole?: unknown; pieces?: Record<string, unknown> } | undefined {
  const pieces = [...cell.matchAll(/`([a-z_]+): ([^`]+)`/g)];
  if (pieces.length) return { pieces: Object.fromEntries(pieces.map((m) => [m[1], parse(m[2])])) };
  const plain = /^`?([^`]+)`?$/.exec(cell)?.[1];
  if (plain === undefined) return undefined;
  const value = parse(plain);
  return typeof value === 'number' || (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) || (typeof value === 'object' && value !== null) || ['full'].includes(value) ? { whole: value } : undefined;
}

describe('the scenario definition is what the docs and the schema say', () => {
  it('every default docs/scenarios.md gives as a value is the definition\'s', () => {
    let checked = 0;
    for (const [section, key, cell] of documentedDefaults()) {
      const path = [...section, ...key.split('.')];
      const values = valuesOf(cell);
      if (!values || IN_WORDS.has(path.join('.'))) continue;
      const actual = at(path);
      if (values.pieces) for (const [k, v] of Object.entries(values.pieces)) IN_WORDS.has(`${path.join('.')}.${k}`) || expect(at([...path, k]), `${path.join('.')}.${k}`).toEqual(v);
      // a default for every activity is written once
      else if (typeof values.whole === 'number' && typeof actual === 'object') for (const [a, v] of Object.entries(actual!)) expect(v, `${path.join('.')}.${a}`).toEqual(values.whole);
      else expect(actual, path.join('.')).toEqual(values.whole);
      checked++;
    }
    // the tables hold about fifty defaults as values: a change in their layout that hid them would fail here
    expect(checked).toBeGreaterThan(45);
  });

  it('a "(default N)" in a key\'s description is its default', () => {
    const mismatches: string[] = [];
    const walk = (schema: unknown, path: string[]): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const s = schema as Record<string, unknown>;
      const said = typeof s.description === 'string' ? /\(default (-?[\d.]+)[):]/.exec(s.description) : null;
      if (said && path.length && at(path) !== Number(said[1]) && JSON.stringify(at(path)) !== JSON.stringify(Object.fromEntries(Object.keys(at(path) ?? {}).map((k) => [k, Number(said[1])])))) {
        mismatches.push(`${path.join('.')}: says ${said[1]}, is ${JSON.stringify(at(path))}`);
      }
      // a segment's own payment, response and drift fall back to the scenario's: their words are the scenario's keys'
      if (path.join('.').startsWith('segments.s.') && path.length > 2) return;
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) walk(v, [...path, k]);
      if (s.else) walk(s.else, path);
      if (typeof s.additionalProperties === 'object' && path.join('.') === 'segments') walk(s.additionalProperties, [...path, 's']);
    };
    walk(scenarioJsonSchema(), []);
    expect(mismatches).toEqual([]);
  });
});
