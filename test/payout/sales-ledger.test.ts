import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/cli/commands/payout.js';
import { readDataset } from '../../src/cli/io/dataset.js';
import { readScheme } from '../../src/cli/sim/inputs.js';
import { exactArith } from '../../src/core/money/arith.js';
import { payLedger } from '../../src/core/payout/engine.js';
import { buildLedger } from '../../src/core/payout/ledger.js';
import { SalesLedger } from '../../src/core/payout/sales-ledger.js';
import type { Dataset, Q, Scheme } from '../../src/core/types.js';
import { schemeOf } from '../helpers/dataset.js';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(ROOT, 'fixtures');
const SCHEMES = join(ROOT, 'schemes');

/** a payout as text: rationals and bigints written out */
const text = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** the ledger's reps that keep their sales as rows, after paying */
function rowsOnly(ledger: ReturnType<typeof buildLedger<Q>>): number {
  return [...ledger.reps.values()].filter((r) => r instanceof SalesLedger && r.allRows() !== undefined).length;
}

/** a scheme whose measures of sales read them through every filter, over a month and over a quarter */
const FILTERED = `
name: Every filter on sales
currency: EUR
credit:
  - split: {closer: 100%}
components:
  - {id: new_revenue, type: commission, measure: revenue, filter: {category: new}, rate: 2%}
  - {id: quarter_profit, type: commission, measure: gross_profit, period: quarter, rate: 1%}
  - {id: key_collected, type: commission, measure: collected, filter: {segment: [large, key, medium]}, rate: 1%}
  - {id: young_cost, type: commission, measure: cost, filter: {age_months: {to: 3}, since: signing}, rate: 1%}
  - {id: late_active, type: fine, measure: overdue, filter: {category: active}, rate: 2%}
  - {id: late_old, type: fine, measure: overdue, filter: {age_months: {from: 4}}, rate: 1%}
  - {id: late_small, type: fine, measure: overdue, filter: {segment: small}, rate: 1%}
`;

describe('a ledger that keeps its sales as rows of the columns', () => {
  const folders = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'reps.csv')));
  const bundled = readdirSync(SCHEMES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
  const schemes: [string, Scheme][] = [...bundled.map((f): [string, Scheme] => [f, readScheme(join(SCHEMES, f), {}).value as Scheme]), ['filtered', schemeOf(FILTERED)]];
  let readAsRows = 0;

  it.each(folders)('pays every bundled scheme what its lists of sales pay (%s)', async (folder) => {
    const { dataset } = await readDataset(join(FIXTURES, folder));
    expect(dataset).toBeDefined();
    const data = dataset as Dataset<Q>;
    for (const [file, scheme] of schemes) {
      const months = monthRange({}, data, scheme.fiscalYearStart);
      if ('problem' in months) continue;
      const opts = { A: exactArith, from: months.range.start, to: months.range.end, explain: true };
      const asRows = buildLedger(scheme, data, exactArith);
      const asLists = buildLedger(scheme, data, exactArith);
      // reading `all` makes a ledger's lists: the measures then read them, as they did before rows
      for (const r of asLists.reps.values()) void r.all;
      expect(rowsOnly(asLists), file).toBe(0);
      const paidFromRows = payLedger(scheme, data, asRows, opts);
      const paidFromLists = payLedger(scheme, data, asLists, opts);
      expect(text(paidFromRows), file).toBe(text(paidFromLists));
      readAsRows += rowsOnly(asRows);
    }
  });

  it('was read as rows, not as lists, in most of those payouts', () => {
    // (the test above compares nothing when every ledger made its lists)
    expect(readAsRows).toBeGreaterThan(100);
  });
});
