import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import { PayoutEngine } from '../../src/core/payout/engine.js';
import { ledgerTx, type Ledger, type LedgerTx, type RepLedger } from '../../src/core/payout/ledger.js';
import { month } from '../../src/core/time/month.js';
import type { Period } from '../../src/core/time/period.js';
import type { Filter, Rep } from '../../src/core/types.js';
import { schemeOf } from '../helpers/dataset.js';

const SCHEME = `
name: list sums
currency: EUR
components:
  - {id: rate, type: commission, measure: revenue, rate: 10%}
`;
const M = month(2026, 3);
const rep = { id: 'ann' } as Rep;
const CATEGORIES = ['active', 'signed', undefined] as const;

function txOf(revenue: number, category: number): LedgerTx<number> {
  return ledgerTx('t', 'c', 0, M, 1, revenue, 0, revenue, undefined, 0, { category: CATEGORIES[category], isNew: false, ageActivation: 3, ageSigning: 4, segment: undefined });
}

function ledgerWith(list: LedgerTx<number>[]): { ledger: Ledger<number>; repLedger: RepLedger<number> } {
  const repLedger: RepLedger<number> = { rep, txByMonth: new Map([[M, list]]), paidByMonth: new Map([[M, list]]), all: [], events: new Map(), owned: [], activity: new Map() };
  const ledger: Ledger<number> = { reps: new Map([[rep.id, repLedger]]), clients: new Map(), clientTotal: () => undefined, hasPayments: true, problems: [] };
  return { ledger, repLedger };
}

const FILTERS: Filter[] = [{ ageSince: 'activation' }, { categories: ['active'], ageSince: 'activation' }];
const period: Period = { kind: 'month', start: M, end: M };
const amount = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const op = fc.oneof(
  fc.record({ push: fc.array(fc.tuple(amount, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }) }),
  fc.record({ pop: fc.integer({ min: 1, max: 4 }) }),
);

describe("property: a month list's sum kept while the list grows at its end", () => {
  it('is, after every append or take-back, bit for bit the sum a fresh engine makes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.integer({ min: 0, max: 2 })), { maxLength: 30 }), fc.array(op, { maxLength: 25 }), (start, ops) => {
        const list = start.map(([v, c]) => txOf(v, c));
        const { ledger, repLedger } = ledgerWith(list);
        const engine = new PayoutEngine(schemeOf(SCHEME), ledger, [rep], { A: floatArith, explain: false, dataFrom: M });
        const check = () => {
          const fresh = new PayoutEngine(schemeOf(SCHEME), ledger, [rep], { A: floatArith, explain: false, dataFrom: M });
          for (const filter of FILTERS) {
            const ref = { name: 'revenue', filter };
            expect(Object.is(engine.measure(repLedger, ref, period), fresh.measure(repLedger, ref, period))).toBe(true);
          }
        };
        check();
        for (const o of ops) {
          if ('push' in o) for (const [v, c] of o.push) list.push(txOf(v, c));
          else list.length = Math.max(0, list.length - o.pop);
          // appended or taken back at the end, below where the sum was first made too: the engine is told only that the lists changed at their ends
          engine.clearCache(true);
          check();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is forgotten by a full clear, when an item within the list changed', () => {
    const list = [txOf(100, 0), txOf(50, 0)];
    const { ledger, repLedger } = ledgerWith(list);
    const engine = new PayoutEngine(schemeOf(SCHEME), ledger, [rep], { A: floatArith, explain: false, dataFrom: M });
    const ref = { name: 'revenue', filter: FILTERS[0] };
    expect(engine.measure(repLedger, ref, period)).toBe(150);
    list[0] = txOf(10, 0);
    engine.clearCache();
    expect(engine.measure(repLedger, ref, period)).toBe(60);
  });
});
