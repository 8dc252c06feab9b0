import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/core/sim/run.js';
import { bookFromData } from '../../src/core/sim/start-book.js';
import { stillOwed } from '../../src/core/sim/owed-from-data.js';
import type { InvoiceDates } from '../../src/core/sim/receivables.js';
import type { PaymentSpec } from '../../src/core/scenario/types.js';
import { formatMonth } from '../../src/core/time/month.js';
import { countedOnly } from '../../src/core/payout/statuses.js';
import { datasetOf, type Row } from '../helpers/dataset.js';
import { flatFreight, monthly, schemeText } from '../helpers/sim.js';

/**
 * A run from data with payment dates starts owing what the data says was
 * unpaid at its end (owed-from-data.ts), each invoice paid as its
 * segment's terms say one unpaid so long is; before, the run made the
 * invoices up from its book and the terms, whatever the data said.
 */
describe('an invoice still unpaid when the run starts', () => {
  const uniform60: PaymentSpec = { termsDays: 30, onTime: 0.6, daysLate: { kind: 'uniform', min: 0, max: 60 }, never: 0.1 };
  const draws = (spec: PaymentSpec, day: number, due: number, from: number, n = 200) => {
    const out: (number | undefined)[] = [];
    const bill: InvoiceDates = { due: 0, paid: 0 };
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out.push(stillOwed(spec, day, due, from, (a + 0.5) / n, (b + 0.5) / n, bill).paid);
    return out;
  };

  it('is paid on or after the first day, and not before it is due unless on time', () => {
    // sold 40 days before the start, due 10 days before it
    const paid = draws(uniform60, 1000, 1030, 1040).filter((p): p is number => p !== undefined);
    expect(Math.min(...paid)).toBe(1040);
  });

  it('late, is later than it already is, its days late drawn from the terms above them', () => {
    // 30 days past due on the first day: a payment late by more than 29 days, uniform over (29, 60], ceiled
    const paid = draws(uniform60, 1000, 1030, 1060).filter((p): p is number => p !== undefined);
    const late = paid.map((p) => p - 1030);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...late)).toBeLessThanOrEqual(60);
    const mean = late.reduce((a, b) => a + b, 0) / late.length;
    expect(mean).toBeGreaterThan(44.5);
    expect(mean).toBeLessThan(46);
  });

  it('is never paid as often as never-payers are among the invoices still unpaid so late', () => {
    // late and still to pay: 0.3 x (1 - 29/60); never: 0.1
    const paid = draws(uniform60, 1000, 1030, 1060);
    const never = paid.filter((p) => p === undefined).length / paid.length;
    expect(never).toBeCloseTo(0.1 / (0.1 + 0.3 * (31 / 60)), 2);
  });

  it('not yet due, may still be paid on time, by its due day', () => {
    const paid = draws({ ...uniform60, never: 0, onTime: 1 }, 1000, 1030, 1020) as number[];
    expect(paid).not.toContain(undefined);
    expect([Math.min(...paid), Math.max(...paid)]).toEqual([1020, 1030]);
  });

  it('later than any payer of the terms pays, and with no never-payers, is paid on the first day', () => {
    const paid = draws({ termsDays: 30, onTime: 0.5, daysLate: { kind: 'constant', value: 20 }, never: 0 }, 1000, 1030, 1100, 20);
    expect(new Set(paid)).toEqual(new Set([1100]));
  });
});

describe('a run from data with payment dates', () => {
  // a freight book that does not move, whose clients pay in 30 days or never: nothing is paid in the run but what is chased
  const scenario = flatFreight('\npayment: {terms_days: 30, on_time: 0, never: 1}\n');
  // a commission on sales alone: nothing is worth chasing
  const scheme = schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: comm, type: commission, measure: revenue, rate: 2%}\n');
  const sale = (date: string, revenue: number, due: string, paid?: string): Row => ({ date, client_id: 'c1', revenue, cost: 0.8 * revenue, due_date: due, paid_date: paid });
  // a client buying 1,000 a month, paid ten days on, but for 5,000 of May owed past due and June's 1,000 not yet due
  const months = Array.from({ length: 12 }, (_, k) => formatMonth(24_318 + k - 12));
  const transactions = [
    ...months.map((m) => sale(`${m}-05`, 1000, `${m}-25`, `${m}-15`)),
    sale('2026-05-15', 5000, '2026-06-14'),
    sale('2026-06-20', 1000, '2026-07-20'),
    // a draft, a credit note and an invoice paid after the data's end are owed by nobody
    { ...sale('2026-06-10', 700, '2026-06-11'), status: 'draft' },
    sale('2026-06-12', -300, '2026-06-13'),
  ];
  // (as the shell reads it: the sales that count, statuses.ts)
  const data = countedOnly(datasetOf({
    reps: [{ id: 'anna', name: 'Anna' }],
    clients: [{ id: 'c1', owner: 'anna', signed_date: '2024-01-10', activated_date: '2024-02-01', segment: 'standard' }],
    transactions,
  }));

  it('owes the invoices the data says were unpaid at its end, and no other', () => {
    const { book } = bookFromData(data, scenario);
    expect(formatMonth(book.start)).toBe('2026-07');
    expect(book.owed?.map((x) => x.revenue)).toEqual([5000, 1000]);
    const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: 2, seed: 1, detail: true, book });
    const runs = Array.from({ length: 5 }, (_, i) => sim.run(i));
    // the end of July: May's 5,000 and June's 1,000 past due (July's sales are due in August); made up from the book, it was its
    // months' purchases
    expect(monthly(runs, 'overdue', 0)).toEqual([6000, 6000, 6000, 6000, 6000]);
  });

  it('without payment dates in the data, makes up what its book owed from the terms', () => {
    const unpaidless = datasetOf({
      reps: [{ id: 'anna', name: 'Anna' }],
      clients: [{ id: 'c1', owner: 'anna', signed_date: '2024-01-10', activated_date: '2024-02-01', segment: 'standard' }],
      transactions: months.map((m) => ({ date: `${m}-05`, client_id: 'c1', revenue: 1000, cost: 800 })),
    });
    const { book } = bookFromData(unpaidless, scenario);
    expect(book.owed).toBeUndefined();
    const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: 1, seed: 1, detail: true, book });
    // its purchases of the months its terms reach back, each never paid
    for (const o of monthly([sim.run(0)], 'overdue', 0)) expect(o).toBeGreaterThan(1000);
  });
});
