import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/data/builder.js';
import { parseDateCell, parseMonthCell } from '../../src/core/data/cells.js';
import { activityFacts, transactionFacts } from '../../src/core/data/facts.js';
import { readNumberCell } from '../../src/core/data/numbers.js';
import * as R from '../../src/core/money/rational.js';
import type { Q } from '../../src/core/types.js';

/** a rational as plain fields, so two reads compare by value */
const plain = (q: Q) => `${q.n}/${q.d}`;
const num = (text: string) => {
  const read = readNumberCell(text.trim(), 'auto');
  if (!('value' in read)) throw new Error(`not a number: ${text}`);
  return read.value;
};

const amount = fc.oneof(
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([m, i, c]) => `${m ? '-' : ''}${i}.${String(c).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom('1,234.50', '(12.00)', '0.125', '7.1'),
);
const day = fc.tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const blankOr = <T extends string>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(''), a);
const txRow = fc.record({
  id: blankOr(fc.stringMatching(/^t[0-9]{1,4}$/)),
  date: day,
  client: fc.constantFrom('c1', 'c2', 'c3'),
  rep: blankOr(fc.constantFrom('r1', 'r2')),
  revenue: amount,
  cost: blankOr(amount),
  gp: blankOr(amount),
  due: blankOr(day),
  paid: blankOr(day),
  status: blankOr(fc.constantFrom('won', 'draft', 'Cancelled')),
});
const activityRow = fc.record({
  month: fc.tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  rep: fc.constantFrom('r1', 'r2'),
  client: blankOr(fc.constantFrom('c1', 'c2', 'c3')),
  activity: blankOr(fc.constantFrom('prospect', 'active')),
  hours: blankOr(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 99 })).map(([h, c]) => `${h}.${c}`)),
  contacts: blankOr(fc.integer({ min: 0, max: 40 }).map(String)),
});

function build(txs: readonly (typeof txRow extends fc.Arbitrary<infer R> ? R : never)[], acts: readonly (typeof activityRow extends fc.Arbitrary<infer R> ? R : never)[]) {
  const b = new DatasetBuilder();
  const reps = b.table('reps', 'reps.csv', ['id'])!;
  reps({ line: 2, cells: ['r1'] });
  reps({ line: 3, cells: ['r2'] });
  const clients = b.table('clients', 'clients.csv', ['id', 'owner'])!;
  ['c1', 'c2', 'c3'].forEach((c, i) => clients({ line: i + 2, cells: [c, 'r1'] }));
  const t = b.table('transactions', 'transactions.csv', ['id', 'date', 'client_id', 'rep_id', 'revenue', 'cost', 'gross_profit', 'due_date', 'paid_date', 'status'])!;
  txs.forEach((r, i) => t({ line: i + 2, cells: [r.id, r.date, r.client, r.rep, r.revenue, r.cost, r.gp, r.due, r.paid, r.status], columns: [1, 10, 20, 30, 40, 50, 60, 70, 80, 90] }));
  const a = b.table('activity', 'activity.csv', ['month', 'rep_id', 'client_id', 'activity', 'hours', 'contacts'])!;
  acts.forEach((r, i) => a({ line: i + 2, cells: [r.month, r.rep, r.client, r.activity, r.hours, r.contacts], columns: [1, 9, 12, 15, 24, 30] }));
  return b.finish().dataset;
}

describe('transactions and activity kept in columns', () => {
  it('read back, as objects and field by field, what each row says by the cell rules', () => {
    fc.assert(
      fc.property(fc.array(txRow, { maxLength: 25 }), fc.array(activityRow, { maxLength: 25 }), (txs, acts) => {
        const data = build(txs, acts);
        const expected = txs.map((r, i) => {
          const revenue = num(r.revenue);
          const cost = r.cost !== '' ? num(r.cost) : r.gp !== '' ? R.sub(revenue, num(r.gp)) : R.ZERO;
          const gp = r.gp !== '' ? num(r.gp) : R.sub(revenue, r.cost !== '' ? num(r.cost) : R.ZERO);
          return {
            id: r.id !== '' ? r.id : `transactions.csv:${i + 2}`,
            day: parseDateCell(r.date),
            client: r.client,
            rep: r.rep !== '' ? r.rep : undefined,
            revenue: plain(revenue),
            cost: plain(cost),
            grossProfit: plain(gp),
            due: r.due !== '' ? parseDateCell(r.due) : undefined,
            paid: r.paid !== '' ? parseDateCell(r.paid) : undefined,
            status: r.status !== '' ? r.status : undefined,
            source: { file: 'transactions.csv', line: i + 2, decimal: 'auto', dateColumn: 10, ...(r.status !== '' ? { statusColumn: 90 } : {}) },
          };
        });
        const asRead = data.transactions.map((t) => ({ ...t, revenue: plain(t.revenue), cost: plain(t.cost), grossProfit: plain(t.grossProfit), status: t.status }));
        expect(asRead).toEqual(expected);
        const facts = transactionFacts(data);
        expect(facts.length).toBe(expected.length);
        expected.forEach((e, i) => {
          expect([facts.id(i), facts.day(i), facts.client(i), facts.rep(i), plain(facts.revenue(i)), plain(facts.cost(i)), plain(facts.grossProfit(i)), facts.due(i), facts.paid(i), facts.status(i)]).toEqual([
            e.id, e.day, e.client, e.rep, e.revenue, e.cost, e.grossProfit, e.due, e.paid, e.status,
          ]);
          expect(facts.source(i)).toEqual(e.source);
        });
        const expectedActivity = acts.map((r, i) => ({
          month: parseMonthCell(r.month),
          rep: r.rep,
          client: r.client !== '' ? r.client : undefined,
          activity: r.activity !== '' ? r.activity : undefined,
          hours: plain(r.hours !== '' ? num(r.hours) : R.ZERO),
          contacts: r.contacts !== '' ? Number(r.contacts) : 0,
          source: { file: 'activity.csv', line: i + 2, decimal: 'auto', dateColumn: 1 },
        }));
        expect(data.activity.map((a) => ({ ...a, hours: plain(a.hours) }))).toEqual(expectedActivity);
        const af = activityFacts(data);
        expectedActivity.forEach((e, i) => {
          expect([af.month(i), af.rep(i), af.client(i), af.activity(i), plain(af.hours(i)), af.contacts(i)]).toEqual([e.month, e.rep, e.client, e.activity, e.hours, e.contacts]);
          expect(af.source(i)).toEqual(e.source);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('are read through the arrays once these are replaced, and a spread copy reads its own arrays', () => {
    const data = build(
      [{ id: 't1', date: '2026-01-05', client: 'c1', rep: '', revenue: '10.00', cost: '', gp: '', due: '', paid: '', status: '' }],
      [{ month: '2026-01', rep: 'r1', client: '', activity: '', hours: '2.5', contacts: '' }],
    );
    expect(transactionFacts(data).length).toBe(1);
    const copy = { ...data, transactions: [] };
    expect(transactionFacts(copy).length).toBe(0);
    expect(activityFacts(copy).length).toBe(1);
    data.activity = [];
    expect(activityFacts(data).length).toBe(0);
    expect(transactionFacts(data).id(0)).toBe('t1');
  });
});
