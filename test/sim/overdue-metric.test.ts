import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';
import { R } from '../../src/core/sim/metrics.js';

/**
 * What clients owe past due is reported (overdue_end, and the monthly
 * overdue): a fine on overdue receivables could not be checked against its
 * own target before (QA16 #5).
 */
describe('revenue owed past due', () => {
  const radio = scenarioText(bundled('scenarios/radio.yaml'));
  const scheme = (fine: string) =>
    schemeText(`name: t\ncurrency: EUR\ncredit:\n  - split: {closer: 100%}\norganisation:\n  base: {cap: 200}\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: ship, type: commission, measure: revenue, rate: 2%}\n${fine}`);
  const runs = 12;
  const base = play(radio, scheme(''), runs, { months: 12, detail: true });
  const fined = play(radio, scheme('  - {id: late, type: fine, measure: overdue, rate: 5%}\n'), runs, { months: 12, detail: true });

  it('is what the last month ends with, above 0 where clients pay late, and 0 where they pay on the day', () => {
    base.forEach((r, i) => {
      expect(r.metrics[R.overdue_end]).toBeGreaterThan(0);
      expect(r.metrics[R.overdue_end]).toBe(monthly(base, 'overdue', 11)[i]);
    });
    const freight = play(scenarioText(bundled('scenarios/freight.yaml')), schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n'), 2, { months: 3 });
    for (const r of freight) expect(r.metrics[R.overdue_end]).toBe(0);
  });

  it('falls under a fine on it, which has reps chase late payers', () => {
    const owed = paired(base.map((r, i) => fined[i].metrics[R.overdue_end] - r.metrics[R.overdue_end]));
    const chase = paired(base.map((r, i) => fined[i].metrics[R['effort.collect']] - r.metrics[R['effort.collect']]));
    console.log(`radio, 12 months: a 5 % monthly fine on overdue moves what is owed past due at the end by ${fmt(owed)}, the share of hours chasing by ${fmt(chase)}`);
    expect(chase.lo).toBeGreaterThan(0);
    expect(owed.hi).toBeLessThan(0);
  });
});
