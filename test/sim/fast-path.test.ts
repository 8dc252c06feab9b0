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
