import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import { overdue } from '../../src/core/measures/client-measures.js';
import { PayoutEngine } from '../../src/core/payout/engine.js';
import { ledgerTx, type Ledger, type LedgerTx, type RepLedger } from '../../src/core/payout/ledger.js';
import { firstDay, month } from '../../src/core/time/month.js';
import type { Period } from '../../src/core/time/period.js';
import type { Filter, Rep } from '../../src/core/types.js';
import { schemeOf } from '../helpers/dataset.js';

const SCHEME = `
name: kept overdue
currency: EUR
components:
  - {id: fine, type: fine, measure: overdue, rate: 2%}
`;
const M = month(2026, 3);
const rep = { id: 'ann' } as Rep;
const CATEGORIES = ['active', 'signed', undefined] as const;
const FILTERS: Filter[] = [{ ageSince: 'activation' }, { categories: ['active'], ageSince: 'activation' }];
const PERIODS: Period[] = [0, 1, 2, 3].map((k) => ({ kind: 'month', start: M + k, end: M + k }));

/** an invoice sold `day` days into the months, due `terms` days later, paid `late` days after that (undefined: never) */
function invoice(day: number, terms: number, late: number | undefined, revenue: number, category: number): LedgerTx<number> {
  const sold = firstDay(M - 2) + day;
  return ledgerTx('t', 'c', sold, M, 1, revenue, 0, revenue, sold + terms, late === undefined ? undefined : sold + terms + late, {
    category: CATEGORIES[category],
    isNew: false,
    ageActivation: 3,
    ageSigning: 4,
    segment: undefined,
  });
}

const amount = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const anInvoice = fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: -30, max: 120 }), { nil: undefined }), amount, fc.integer({ min: 0, max: 2 }));
const op = fc.oneof(
  fc.record({ push: anInvoice }),
  fc.record({ payLast: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ pop: fc.constant(true) }),
);

describe('property: a measure of the rep\'s `all` only, kept across a clear of lists that grew at their ends', () => {
  it('is, after every invoice appended, its payment, or its taking back, bit for bit the measure computed afresh', () => {
    fc.assert(
      fc.property(fc.array(anInvoice, { maxLength: 30 }), fc.array(op, { maxLength: 25 }), (start, ops) => {
        // the rep's invoices by day, as a ledger keeps them; the probes append at the end
        const all = start.map((x) => invoice(...x)).sort((a, b) => a.day - b.day);
        const repLedger: RepLedger<number> = { rep, txByMonth: new Map(), paidByMonth: new Map(), all, events: new Map(), owned: [], activity: new Map() };
        const ledger: Ledger<number> = { reps: new Map([[rep.id, repLedger]]), clients: new Map(), clientTotal: () => undefined, hasPayments: true, problems: [] };
        const engine = new PayoutEngine(schemeOf(SCHEME), ledger, [rep], { A: floatArith, explain: false, dataFrom: M, scanLost: false });
        const check = () => {
          for (const filter of FILTERS)
            for (const period of PERIODS) {
              const fresh = overdue.compute({ A: floatArith, rep: repLedger, ledger }, filter, period);
              expect(Object.is(engine.measure(repLedger, { name: 'overdue', filter }, period), fresh)).toBe(true);
            }
        };
        check();
        for (const o of ops) {
          if ('push' in o) all.push(invoice(...o.push));
          else if ('payLast' in o) {
            if (all.length > 0) all[all.length - 1].paid = firstDay(M - 1) + o.payLast;
          } else all.pop();
          engine.clearCache(true);
          check();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is forgotten by a full clear, when an invoice within the list was paid', () => {
    const all = [invoice(0, 30, undefined, 100, 0), invoice(5, 30, undefined, 50, 0)];
    const repLedger: RepLedger<number> = { rep, txByMonth: new Map(), paidByMonth: new Map(), all, events: new Map(), owned: [], activity: new Map() };
    const ledger: Ledger<number> = { reps: new Map([[rep.id, repLedger]]), clients: new Map(), clientTotal: () => undefined, hasPayments: true, problems: [] };
    const engine = new PayoutEngine(schemeOf(SCHEME), ledger, [rep], { A: floatArith, explain: false, dataFrom: M, scanLost: false });
    const ref = { name: 'overdue', filter: FILTERS[0] };
    expect(engine.measure(repLedger, ref, PERIODS[0])).toBe(150);
    all[0].paid = all[0].day;
    engine.clearCache();
    expect(engine.measure(repLedger, ref, PERIODS[0])).toBe(50);
  });
});
