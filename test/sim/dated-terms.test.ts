import { describe, expect, it } from 'vitest';
import { MONTHLY_METRICS, R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * A scheme whose terms change over the horizon (a component's from and to, a
 * dated rate) is asked again when they change: the reps react when a SPIFF
 * starts and stop when it ends, not months later when their answers would
 * next have been checked. And a pay on growth over the period before is a
 * pay on a level raised once: this month's sale is next month's base.
 */
const freight = scenarioText(bundled('scenarios/freight.yaml').replace('scheme: ../schemes/freight-lifetime.yaml\n', ''));
const lifetime = bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
const RUNS = 8;
const PROSPECT = MONTHLY_METRICS.findIndex((m) => m.name === 'effort.prospect');
const W = MONTHLY_METRICS.length;

describe('a SPIFF of a few months', () => {
  // 500 per client signed from April to June 2026 (months 3-5 of the run), on top of the lifetime scheme
  const spiff = `${lifetime}  - {id: spiff, type: per_unit, measure: new_clients, amount: 500, from: 2026-04, to: 2026-06}\n`;

  it('moves hours to prospects while it runs, and back within two months of its end', () => {
    const a = play(freight, schemeText(lifetime), RUNS, { months: 12, detail: true });
    const b = play(freight, schemeText(spiff), RUNS, { months: 12, detail: true });
    const gap = (t: number) => paired(b.map((r, i) => r.monthly![t * W + PROSPECT] - a[i].monthly![t * W + PROSPECT]));
    const during = gap(4);
    const after = gap(7);
    console.log(`SPIFF: prospect share, SPIFF - none, in its second month ${fmt(during, 4)}; two months after its end ${fmt(after, 4)}`);
    expect(during.lo).toBeGreaterThan(0.05);
    expect(after.hi).toBeLessThan(during.lo / 3);
  });
});

describe('a pay on growth over the period before', () => {
  const withLine = (line: string) => schemeText(`${lifetime}  - ${line}\n`);

  it('is worth a one-off sale at the margin as a raised level once, not a commission of its rate: reps work little harder for it', () => {
    const hours = (scheme: ReturnType<typeof schemeText>) => play(freight, scheme, RUNS, { months: 12 }).map((r) => r.metrics[R.hours_per_rep]);
    const none = hours(schemeText(lifetime));
    const growth = hours(withLine('{id: growth, type: growth, measure: gross_profit, rate: 10%}'));
    const flat = hours(withLine('{id: more, type: commission, measure: gross_profit, rate: 10%}'));
    const byGrowth = paired(growth.map((x, i) => x - none[i]));
    const byFlat = paired(flat.map((x, i) => x - none[i]));
    console.log(`growth: hours a rep-month, 10 % of growth - none ${fmt(byGrowth, 2)}; 10 % more of profit - none ${fmt(byFlat, 2)}`);
    expect(byFlat.lo).toBeGreaterThan(3);
    expect(byGrowth.mean).toBeLessThan(byFlat.mean / 3);
  });
});

describe('a term dated again as it was', () => {
  it('changes nothing: the same scheme with a value repeated from a month plays the same runs (QA: it re-probed there, and effort moved)', () => {
    const leads = scenarioText(bundled('scenarios/leads.yaml').replace(/^scheme: .*\n/m, ''));
    const plain = 'name: p\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1200}\n  - {id: comm, type: commission, measure: revenue, rate: 3%}\n';
    const dated = plain.replace('rate: 3%}', 'rate: [{value: 3%}, {from: 2026-06, value: 3%}]}');
    expect(schemeText(dated).components[1]).not.toEqual(schemeText(plain).components[1]);
    const a = play(leads, schemeText(plain), 3, { months: 9, detail: true });
    const b = play(leads, schemeText(dated), 3, { months: 9, detail: true });
    expect(b.map((r) => [...r.metrics])).toEqual(a.map((r) => [...r.metrics]));
    expect(b.map((r) => [...r.monthly!])).toEqual(a.map((r) => [...r.monthly!]));
  });
});
