import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { periodParts } from '../../src/core/sim/period-parts.js';
import { PartRates } from '../../src/core/sim/part-rates.js';
import { emptyRateSet } from '../../src/core/sim/rates.js';
import { month } from '../../src/core/time/month.js';
import { viewScheme } from '../../src/core/sim/scheme-view.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

const SALES = `name: parts
currency: EUR
components:
  - id: salary
    type: salary
    amount: 2000
  - id: commission
    type: commission
    measure: revenue
    rate: 3%
  - id: kicker
    type: bonus
    period: quarter
    measure: revenue
    threshold: 100000
    amount: 1500
`;
const partsOf = (yaml: string) => periodParts(viewScheme(schemeText(yaml))).map((p) => `${p.kind}: ${p.scheme.components.map((c) => c.id).join(' ')}`);

describe('the parts of a scheme that pay apart, each over its own period', () => {
  it('a monthly commission and a quarterly bonus are two parts; one period is one part', () => {
    expect(partsOf(SALES)).toEqual(['month: salary commission', 'quarter: kicker']);
    expect(partsOf(SALES.replace('    period: quarter\n', ''))).toEqual(['month: salary commission kicker']);
  });

  it('components that read one another are one part, at the longer period', () => {
    const multiplied = `${SALES}  - id: booster
    type: formula
    period: year
    formula: "0.1 * commission"
`;
    expect(partsOf(multiplied)).toEqual(['month: salary', 'quarter: kicker', 'year: commission booster']);
  });

  it('where pay is not a sum of parts, the scheme is one part over its longest period: a cap on variable pay, an advance', () => {
    expect(partsOf(`${SALES}variable_cap: {amount: 5000, period: month}\n`)).toEqual(['quarter: salary commission kicker']);
    expect(partsOf(`${SALES}  - {id: advance, type: draw, amount: 500, recoverable: true}\n`)).toEqual(['quarter: salary commission kicker advance']);
  });

  it('a guarantee goes with the components it tops up, those of its period or shorter', () => {
    expect(partsOf(`${SALES}  - {id: floor, type: draw, amount: 500, recoverable: false}\n`)).toEqual(['month: salary commission floor', 'quarter: kicker']);
    expect(partsOf(`${SALES}  - {id: floor, type: draw, period: quarter, amount: 1500, recoverable: false}\n`)).toEqual(['quarter: salary commission kicker floor']);
  });
});

describe('a component that pays nothing moves no one', () => {
  const saas = scenarioText(bundled('scenarios/saas.yaml').replace('scheme: ../schemes/saas-ote.yaml\n', ''));
  // the OTE scheme (a monthly commission with an accelerator, a quarterly kicker) without its ramp's draw, which ties all its parts
  const ote = bundled('schemes/saas-ote.yaml')
    .replace('scenario: ../scenarios/saas.yaml\n', '')
    .replace(/ {2}- id: ramp_draw\n(?: {4}.*\n)+/, '');

  it('a yearly component of 0 beside the quarterly kicker: hours and revenue as without it', () => {
    expect(ote).not.toContain('ramp_draw');
    const a = play(saas, schemeText(ote), 6, { months: 24 });
    const b = play(saas, schemeText(`${ote}\n  - {id: nothing, type: formula, period: year, formula: "0"}\n`), 6, { months: 24 });
    const hours = paired(b.map((x, i) => x.metrics[R.hours_per_rep] - a[i].metrics[R.hours_per_rep]));
    const revenue = paired(b.map((x, i) => x.metrics[R.revenue] / a[i].metrics[R.revenue] - 1));
    console.log(`a yearly 0 beside a quarterly kicker: hours a rep-month ${fmt(hours, 2)}, revenue ${fmt(revenue, 4)}`);
    // (valued over the year, with a year's luck, the kicker and the accelerator cost 1.4 hours a rep-month and 0.4 % of revenue)
    expect(Math.abs(hours.mean)).toBeLessThan(0.5);
    expect(Math.abs(revenue.mean)).toBeLessThan(0.002);
  });
});

describe('the rates kept by part', () => {
  it('hold each part\'s open rates for the months left of its own period, then its next; none once a new scheme comes in', () => {
    const parts = new PartRates();
    const set = (v: number) => {
      const s = emptyRateSet(1, 1);
      s[0].sign = v;
      return s;
    };
    parts.keep(0, 'month', 'open', set(1));
    parts.keep(1, 'quarter', 'open', set(10));
    parts.keep(0, 'month', 'next', set(2));
    parts.keep(1, 'quarter', 'next', set(20));
    // January of a calendar year: the month's open rates this month only, the quarter's for three months
    const ahead = parts.ahead(month(2026, 1), 1)!;
    expect([0, 1, 2, 3].map((k) => ahead(k, 0).sign)).toEqual([11, 12, 12, 22]);
    // a term that changes in March whose rates were kept: each part's later rates from March on (none kept: as before)
    expect([0, 1, 2, 3].map((k) => parts.ahead(month(2026, 1), 1, month(2026, 3))!(k, 0).sign)).toEqual([11, 12, 12, 22]);
    parts.keep(0, 'month', 'later', set(3));
    parts.keep(1, 'quarter', 'later', set(30));
    const later = parts.ahead(month(2026, 1), 1, month(2026, 3))!;
    expect([0, 1, 2, 3, 4].map((k) => later(k, 0).sign)).toEqual([11, 12, 13, 33, 33]);
    expect([0, 1, 2, 3].map((k) => parts.ahead(month(2026, 1), 1, 0)!(k, 0).sign)).toEqual([11, 12, 12, 22]);
    parts.clear();
    expect(parts.ahead(month(2026, 1), 1)).toBeUndefined();
  });
});
