import { describe, expect, it } from 'vitest';
import { exactArith, floatArith, type Arith } from '../../src/core/money/arith.js';
import { PayoutEngine, type RepPayer } from '../../src/core/payout/engine.js';
import { buildLedger } from '../../src/core/payout/ledger.js';
import { historyStart } from '../../src/core/payout/span.js';
import type { Dataset, RepMonth } from '../../src/core/types.js';
import { datasetOf, month, schemeOf, toFloatDataset, type Rows } from '../helpers/dataset.js';

// A payer's states (a recoverable draw), earnings by client (a clawback) and
// clawbacks are its own: a fork (the simulation's what-ifs) starts from a
// copy, and until either writes, both may share one empty map (RepPayer).
// The months of one engine are paid in one context, re-aimed from payer to
// payer (PayoutEngine.monthContext).
const scheme = schemeOf(`
name: fork
currency: EUR
components:
  - id: new_sales
    type: commission
    measure: revenue
    rate: 25%
    clawback: {within_months: 3, since: signing}
  - {id: d, type: draw, amount: 1000, recoverable: true}
`);

const rows: Rows = {
  reps: [{ id: 'a' }, { id: 'b' }],
  clients: [
    { id: 'c1', owner: 'a', signed_date: '2026-01-10', activated_date: '2026-01-10', lost_date: '2026-03-15' },
    { id: 'c2', owner: 'a', signed_date: '2025-06-10', activated_date: '2025-06-10' },
    { id: 'c3', owner: 'b', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: '2026-02-20' },
  ],
  transactions: [
    { id: 't1', date: '2026-01-20', client_id: 'c1', revenue: '2000.02', cost: 0 },
    { id: 't2', date: '2026-02-10', client_id: 'c2', revenue: 8000, cost: 0 },
    { id: 't3', date: '2026-01-12', client_id: 'c3', revenue: 5000, cost: 0 },
    { id: 't4', date: '2026-03-03', client_id: 'c2', revenue: 3000, cost: 0 },
    { id: 't5', date: '2026-04-08', client_id: 'c2', revenue: 6000, cost: 0 },
  ],
};

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'].map(month);

function engineOf<T>(A: Arith<T>, explain = false): PayoutEngine<T> {
  const exact = datasetOf(rows);
  const data = (A.exact ? exact : toFloatDataset(exact)) as unknown as Dataset<T>;
  return new PayoutEngine(scheme, buildLedger(scheme, data, A), data.reps, { A, explain, dataFrom: historyStart(data) });
}

const repOf = <T>(engine: PayoutEngine<T>, id: string) => engine.ledger.reps.get(id)!.rep;

/** a value as text, its rationals' big integers too */
const text = (x: unknown): string => JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? String(v) : v));

/** what a month paid says, as text: its lines (explain too) and totals */
const shown = <T>(A: Arith<T>, row: RepMonth<T>): string => text({ ...row, total: A.toQ(row.total), variable: A.toQ(row.variable) });

function payAll<T>(payer: RepPayer<T>, months: readonly number[]): RepMonth<T>[] {
  return months.map((m) => payer.payMonth(m));
}

describe.each([
  ['exact', exactArith as Arith<unknown>],
  ['doubles', floatArith as Arith<unknown>],
])('a forked payer (%s)', (_, A) => {
  it('pays the months after the fork as the payer does, and neither touches the other', () => {
    const engine = engineOf(A);
    const payer = engine.payer(repOf(engine, 'a'));
    payer.payMonth(MONTHS[0]);
    const drawBefore = text(payer.peek('d'));
    const clawableBefore = A.toQ(payer.clawableOn('c1'));
    const fork = payer.fork();
    // the fork pays to the loss of c1 (a clawback) and on (the draw recovered)
    engine.clearCache();
    const forked = payAll(fork, MONTHS.slice(1)).map((r) => shown(A, r));
    expect(text(payer.peek('d'))).toBe(drawBefore);
    expect(A.toQ(payer.clawableOn('c1'))).toEqual(clawableBefore);
    engine.clearCache();
    const paid = payAll(payer, MONTHS.slice(1)).map((r) => shown(A, r));
    expect(paid).toEqual(forked);
    // and as a payer that never was forked
    const alone = engineOf(A);
    expect(payAll(alone.payer(repOf(alone, 'a')), MONTHS).slice(1).map((r) => shown(A, r))).toEqual(paid);
  });

  it('makes its own states and earnings when it first writes, from a payer that has none', () => {
    const engine = engineOf(A);
    const payer = engine.payer(repOf(engine, 'a'));
    const fork = payer.fork();
    payAll(fork, MONTHS.slice(0, 2));
    expect(fork.peek('d')).toBeDefined();
    expect(A.isZero(fork.clawableOn('c1'))).toBe(false);
    expect(payer.peek('d')).toBeUndefined();
    expect(A.isZero(payer.clawableOn('c1'))).toBe(true);
    // a second fork of the untouched payer starts empty too
    const again = payer.fork();
    expect(again.peek('d')).toBeUndefined();
    expect(A.isZero(again.clawableOn('c1'))).toBe(true);
  });
});

describe('payers of one engine paying months in turn', () => {
  it('pay each month as a payer alone on its engine does, explained too', () => {
    for (const explain of [false, true]) {
      const shared = engineOf(exactArith, explain);
      const [a, b] = ['a', 'b'].map((id) => shared.payer(repOf(shared, id)));
      const inTurn: string[][] = [[], []];
      for (const m of MONTHS) {
        inTurn[0].push(shown(exactArith, a.payMonth(m)));
        inTurn[1].push(shown(exactArith, b.payMonth(m)));
      }
      const alone = ['a', 'b'].map((id) => {
        const engine = engineOf(exactArith, explain);
        return payAll(engine.payer(repOf(engine, id)), MONTHS).map((r) => shown(exactArith, r));
      });
      expect(inTurn).toEqual(alone);
    }
  });
});
