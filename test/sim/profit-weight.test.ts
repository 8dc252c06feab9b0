import { describe, expect, it } from 'vitest';
import { G, R, SEGMENT_METRICS } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

// freight: key accounts buy more at a lower margin (12-18 %) than standard clients (15-22 %)
const freight = scenarioText(bundled('scenarios/freight.yaml'));
const head = 'name: margin\ncurrency: EUR\ncredit:\n  - split: {closer: 100%}\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n';
const scheme = (lines: string) => schemeText(`${head}${lines}`);
const profit = '  - {id: profit_share, type: commission, measure: gross_profit, rate: 10%}\n';
/** each run's share of its signings that are key accounts (segment 0) */
const keyShare = (runs: ReturnType<typeof play>) =>
  runs.map((r) => r.segments[G.clients_signed] / (r.segments[G.clients_signed] + r.segments[SEGMENT_METRICS.length + G.clients_signed]));

describe('a client is worth its margin as far as its profit pays him', () => {
  it('a 0 % commission on revenue beside a share of profit, or one that ended before the run, moves no one', () => {
    // (reading revenue at all had every client valued at the average margin: signings -2.7 %, key accounts +9 %)
    const base = play(freight, scheme(profit), 4, { months: 12 });
    for (const more of ['  - {id: rev, type: commission, measure: revenue, rate: 0%}\n', '  - {id: rev, type: commission, measure: revenue, rate: 1%, to: 2025-12}\n']) {
      const runs = play(freight, scheme(`${profit}${more}`), 4, { months: 12 });
      for (let i = 0; i < runs.length; i++) {
        expect(runs[i].metrics[R.clients_signed]).toBe(base[i].metrics[R.clients_signed]);
        expect(runs[i].metrics[R.revenue]).toBe(base[i].metrics[R.revenue]);
        expect(runs[i].metrics[R.hours_per_rep]).toBe(base[i].metrics[R.hours_per_rep]);
      }
    }
  });

  it('paid on revenue and profit both, he leans to the bigger, leaner key accounts less than on revenue alone and more than on profit alone', () => {
    const onProfit = keyShare(play(freight, scheme(profit), 6, { months: 24 }));
    const onBoth = keyShare(play(freight, scheme('  - {id: profit_share, type: commission, measure: gross_profit, rate: 5%}\n  - {id: rev, type: commission, measure: revenue, rate: 0.85%}\n'), 6, { months: 24 }));
    const onRevenue = keyShare(play(freight, scheme('  - {id: rev, type: commission, measure: revenue, rate: 1.7%}\n'), 6, { months: 24 }));
    const below = paired(onBoth.map((x, i) => x - onProfit[i]));
    const above = paired(onRevenue.map((x, i) => x - onBoth[i]));
    console.log(`key accounts' share of signings: both - profit alone ${fmt(below, 3)}, revenue alone - both ${fmt(above, 3)}`);
    expect(below.lo).toBeGreaterThan(0);
    expect(above.lo).toBeGreaterThan(0);
  });
});
