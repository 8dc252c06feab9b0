import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { overdue } from '../../src/core/measures/client-measures.js';
import { OverdueMonths } from '../../src/core/measures/overdue-months.js';
import { ledgerTx, type Ledger, type LedgerTx, type RepLedger } from '../../src/core/payout/ledger.js';
import { lastDay, month, monthOfDay } from '../../src/core/time/month.js';
import type { Filter, Q, Rep } from '../../src/core/types.js';

const rep = { id: 'ann' } as Rep;
const FIRST = month(2025, 11);
const START = lastDay(FIRST - 1) + 1;
const CATEGORIES = ['active', 'signed', undefined] as const;
const FILTERS: Filter[] = [{ ageSince: 'activation' }, { categories: ['active'], ageSince: 'activation' }];

/** the measure as it reads a ledger: every sale up to the period's end, walked again each month */
function walked(sales: readonly LedgerTx<Q>[], filter: Filter, m: number): Q {
  const general = { ...exactArith, exact: false };
  const repLedger = { rep, all: sales } as RepLedger<Q>;
  const ledger = { hasPayments: true } as Ledger<Q>;
  return overdue.compute({ A: general, rep: repLedger, ledger }, filter, { kind: 'month', start: m, end: m });
}

const sale = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  due: fc.option(fc.integer({ min: -20, max: 120 }), { nil: undefined }),
  paid: fc.option(fc.integer({ min: -40, max: 300 }), { nil: undefined }),
  cents: fc.integer({ min: -500_000, max: 500_000 }),
  thirds: fc.boolean(),
  category: fc.integer({ min: 0, max: 2 }),
});

describe('property: overdue receivables by month from one walk of the sales', () => {
  it('are, at the end of every month, what walking the sales up to its end gives', () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 40 }), (drawn) => {
        const rows = drawn.map((s) => ({ ...s, day: START + s.day })).sort((a, b) => a.day - b.day);
        const sales = rows.map((s) => {
          const revenue = s.thirds ? R.q(s.cents, 3) : R.q(s.cents, 100);
          const due = s.due === undefined ? undefined : s.day + s.due;
          const paid = s.paid === undefined ? undefined : s.day + s.paid;
          return ledgerTx('t', 'c', s.day, monthOfDay(s.day), R.ONE, revenue, R.ZERO, revenue, due, paid, {
            category: CATEGORIES[s.category],
            isNew: false,
            ageActivation: 2,
            ageSigning: 2,
            segment: undefined,
          });
        });
        for (const filter of FILTERS) {
          const months = OverdueMonths.of(exactArith, sales, filter)!;
          for (let m = FIRST - 2; m <= FIRST + 26; m++) expect(R.eq(months.at(m), walked(sales, filter, m))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leave sales out of day order, days that are not whole and doubles to the walk', () => {
    const at = (day: number) => ledgerTx('t', 'c', day, monthOfDay(day), R.ONE, R.ONE, R.ZERO, R.ONE, day, undefined, { category: 'active', isNew: false, ageActivation: 1, ageSigning: 1, segment: undefined });
    expect(OverdueMonths.of(exactArith, [at(START + 40), at(START + 3)], FILTERS[0])).toBeUndefined();
    expect(OverdueMonths.of(exactArith, [at(START + 0.5)], FILTERS[0])).toBeUndefined();
    expect(OverdueMonths.of({ ...exactArith, exact: false }, [at(START)], FILTERS[0])).toBeUndefined();
    expect(OverdueMonths.of(exactArith, [at(START)], FILTERS[0])).toBeDefined();
  });
});
