import * as fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/core/sim/run.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import type { Scheme } from '../../src/core/types.js';
import { ROOT } from '../helpers/cli.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * The simulation's fast path (answers the general engine would give, found
 * without asking it) against the general engine itself: the same runs,
 * byte for byte, on every bundled scheme in every bundled scenario and on
 * random schemes whose filters, credit rules and tiers tell sales apart.
 */
function bothWays(scenario: Scenario, scheme: Scheme, runs: number, months: number) {
  const play = (general: boolean) => {
    const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months, seed: 5, detail: true, repMonthly: true, general });
    return Array.from({ length: runs }, (_, i) => sim.run(i));
  };
  return { fast: play(false), general: play(true) };
}

const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('the fast path gives the general engine’s runs', () => {
  for (const sc of scenarios) {
    const scenario = scenarioText(bundled(`scenarios/${sc}`));
    for (const s of schemes) {
      it(`${s} in ${sc}`, () => {
        const { fast, general } = bothWays(scenario, schemeText(bundled(`schemes/${s}`)), 1, 8);
        expect(fast).toEqual(general);
      });
    }
  }
});

/** a filter over what tells sales apart: category, segment, age since activation or signing */
const filterArb = fc.record(
  {
    category: fc.subarray(['new', 'signed', 'active'], { minLength: 1 }),
    segment: fc.subarray(['key', 'standard'], { minLength: 1 }),
    age: fc.record({ from: fc.integer({ min: 0, max: 4 }), span: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), since: fc.constantFrom('activation', 'signing') }),
  },
  { requiredKeys: [] },
);

type FilterSpec = { category?: string[]; segment?: string[]; age?: { from: number; span?: number; since: string } };

function filterYaml(f: FilterSpec, indent: string): string {
  const lines: string[] = [];
  if (f.category) lines.push(`category: [${f.category.join(', ')}]`);
  if (f.segment) lines.push(`segment: [${f.segment.join(', ')}]`);
  if (f.age) {
    const to = f.age.span === undefined ? '' : `, to: ${f.age.from + f.age.span}`;
    lines.push(`age_months: {from: ${f.age.from}${to}}`, `since: ${f.age.since}`);
  }
  return lines.map((l) => `${indent}${l}\n`).join('');
}

const componentArb = fc.record({
  measure: fc.constantFrom('revenue', 'gross_profit'),
  rate: fc.integer({ min: 1, max: 30 }),
  filter: fc.option(filterArb, { nil: undefined }),
  tiered: fc.boolean(),
  threshold: fc.integer({ min: 1, max: 60 }),
});

const schemeArb = fc.record({
  components: fc.array(componentArb, { minLength: 1, maxLength: 3 }),
  when: fc.option(filterArb, { nil: undefined }),
  signingBonus: fc.option(fc.integer({ min: 50, max: 400 }), { nil: undefined }),
});

function randomScheme(s: { components: { measure: string; rate: number; filter?: FilterSpec; tiered: boolean; threshold: number }[]; when?: FilterSpec; signingBonus?: number }): string {
  let y = 'name: random\ncurrency: EUR\ncredit:\n';
  if (s.when) y += `  - when:\n${filterYaml(s.when, '      ')}    split: {closer: 100%}\n`;
  y += '  - split: {owner: 100%}\ncomponents:\n  - id: salary\n    type: salary\n    amount: 1500\n';
  s.components.forEach((c, k) => {
    y += `  - id: c${k}\n    type: commission\n    measure: ${c.measure}\n`;
    if (c.filter && Object.keys(c.filter).length > 0) y += `    filter:\n${filterYaml(c.filter, '      ')}`;
    if (c.tiered) {
      y += `    tiers:\n      measure: ${c.measure}\n`;
      if (c.filter && Object.keys(c.filter).length > 0) y += `      filter:\n${filterYaml(c.filter, '        ')}`;
      y += `      bands:\n        - {from: 0, to: ${c.threshold * 1000}, rate: ${c.rate / 10}%}\n        - {from: ${c.threshold * 1000}, rate: ${c.rate}%}\n`;
    }
    else y += `    rate: ${c.rate}%\n`;
  });
  if (s.signingBonus) y += `  - id: signing\n    type: per_unit\n    measure: new_clients\n    amount: ${s.signingBonus}\n`;
  return y;
}

describe('the fast path on random schemes', () => {
  const freight = scenarioText(bundled('scenarios/freight.yaml'));
  it('pays as the general engine for schemes whose filters and credit tell sales apart', () => {
    fc.assert(
      fc.property(schemeArb, (s) => {
        const { fast, general } = bothWays(freight, schemeText(randomScheme(s)), 1, 5);
        expect(fast).toEqual(general);
      }),
      { numRuns: 25, seed: 14 },
    );
  });
});

/**
 * Schemes that read collection (a fine on what is overdue, a bonus while it
 * stays below a plan, a commission on money collected) in a world of late
 * payers: a debt's pay is followed a year past the open period, and the fast
 * path pays the months there that are alike as the first of them
 * (months-alike.ts). Dated rates, ramps, an end month, seasonal plans and
 * clawbacks make months differ, put where the debt's pay reads them: each
 * may or may not be there, and the runs must be the general engine's.
 */
const collectionArb = fc.record({
  commission: fc.constantFrom('revenue', 'collected'),
  rate: fc.integer({ min: 1, max: 5 }),
  fine: fc.integer({ min: 1, max: 5 }),
  fineSegment: fc.boolean(),
  bonus: fc.boolean(),
  seasonal: fc.boolean(),
  /** what may stay owed, per unit of the payment plan: near a rep's overdue, so that the debt and the season move the bonus */
  owed: fc.constantFrom(0.05, 0.1, 0.2, 0.3),
  datedFrom: fc.option(fc.integer({ min: 2, max: 12 }), { nil: undefined }),
  ramp: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
  fineTo: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined }),
  clawback: fc.boolean(),
});

type CollectionSpec = typeof collectionArb extends fc.Arbitrary<infer R> ? R : never;

function collectionScheme(s: CollectionSpec): string {
  const month = (k: number) => `2026-${String(k).padStart(2, '0')}`;
  const fine = s.datedFrom === undefined ? `${s.fine}%` : `\n      - value: ${s.fine}%\n      - from: ${month(s.datedFrom)}\n        value: ${s.fine + 2}%`;
  let y = 'name: random collection\ncurrency: EUR\ncredit:\n  - split: {closer: 100%}\n';
  // a plan of what may stay owed: a part of the payment plan's column, by season or not
  y += `plans:\n  owed:\n    measure: overdue\n    formula: ${s.owed} * rep.payment_plan\n${s.seasonal ? '    seasonality: [0.6, 0.8, 1, 1.2, 1.4, 1, 1, 0.8, 1, 1.2, 1, 0.8]\n' : ''}`;
  y += 'components:\n  - id: salary\n    type: salary\n    amount: 1000\n';
  y += `  - id: commission\n    type: commission\n    measure: ${s.commission}\n    rate: ${s.rate}%\n`;
  if (s.clawback) y += '    clawback: {within_months: 6, since: signing}\n';
  if (s.bonus) y += '  - id: owed_bonus\n    type: bonus\n    plan: owed\n    threshold: 0%\n    amount: 300\n    gate:\n      plan: owed\n      below: 100%\n';
  y += `  - id: late\n    type: fine\n    measure: overdue\n    rate: ${fine}\n`;
  if (s.fineSegment) y += '    filter: {segment: [small]}\n';
  if (s.ramp !== undefined) y += `    tenure_months: {from: ${s.ramp}}\n`;
  if (s.fineTo !== undefined) y += `    to: ${month(s.fineTo)}\n`;
  return y;
}

describe('the fast path on schemes that read collection', () => {
  // reps leave and are replaced often: newcomers' months of tenure turn within the year followed
  const radio = scenarioText(bundled('scenarios/radio.yaml').replace('base: 0.01', 'base: 0.3').replace('replacement_months: 2', 'replacement_months: 1'));
  it('pays a debt’s months past the open period as the general engine, whatever makes months differ', () => {
    fc.assert(
      fc.property(collectionArb, (s) => {
        const { fast, general } = bothWays(radio, schemeText(collectionScheme(s)), 1, 8);
        expect(fast).toEqual(general);
      }),
      { numRuns: 20, seed: 15 },
    );
  });
});
