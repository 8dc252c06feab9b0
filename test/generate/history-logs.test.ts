import { describe, expect, it } from 'vitest';
import { ActivityLog, SaleLog } from '../../src/core/generate/history-logs.js';
import { MonthHours } from '../../src/core/generate/month-hours.js';
import type { Invoice } from '../../src/core/sim/trace.js';

describe('the sales log', () => {
  it('gives back each sale as it was logged, with the due and paid days its invoice has when it is settled', () => {
    const log = new SaleLog();
    const late: Invoice = { due: 120, paid: 150 };
    const never: Invoice = { due: 121, paid: undefined };
    log.push({ month: 3, day: 100, client: 'c1', rep: 'r1', revenue: 10.5, grossProfit: 4.25 });
    log.push({ month: 3, day: 100, client: 'c2', rep: undefined, revenue: 7, grossProfit: 1 }, late);
    log.push({ month: 4, day: 130, client: 'c1', rep: 'r1', revenue: 3, grossProfit: 2 }, never);
    late.paid = 140; // a client chased pays sooner
    log.settle();
    late.paid = 1; // let go: no longer read
    expect([...log]).toEqual([
      { month: 3, day: 100, client: 'c1', rep: 'r1', revenue: 10.5, grossProfit: 4.25 },
      { month: 3, day: 100, client: 'c2', rep: undefined, revenue: 7, grossProfit: 1, due: 120, paid: 140 },
      { month: 4, day: 130, client: 'c1', rep: 'r1', revenue: 3, grossProfit: 2, due: 121 },
    ]);
    expect(log.clientNumber(0)).toBe(log.clientNumber(2));
    expect(log.clientNumber(1)).not.toBe(log.clientNumber(0));
  });

  it('keeps an invoice paid before a day as it is then, and reads the others on', () => {
    const log = new SaleLog();
    const early: Invoice = { due: 10, paid: 20 };
    const open: Invoice = { due: 10, paid: 40 };
    log.push({ month: 0, day: 5, client: 'a', rep: 'r', revenue: 1, grossProfit: 1 }, early);
    log.push({ month: 0, day: 5, client: 'b', rep: 'r', revenue: 1, grossProfit: 1 }, open);
    log.settleBefore(30);
    early.paid = 25;
    open.paid = 35;
    log.settle();
    expect([...log].map((s) => s.paid)).toEqual([20, 35]);
  });

  it('takes sales in month order only', () => {
    const log = new SaleLog();
    log.push({ month: 5, day: 1, client: 'a', rep: 'r', revenue: 1, grossProfit: 1 });
    expect(() => log.push({ month: 4, day: 1, client: 'a', rep: 'r', revenue: 1, grossProfit: 1 })).toThrow(RangeError);
  });
});

describe('the activity log', () => {
  it('gives back each row of hours as it was logged, leads without a client', () => {
    const log = new ActivityLog();
    const rows = [
      { month: 2, rep: 'r1', client: 'c1', activity: 'prospect', hours: 1.25 },
      { month: 2, rep: 'r1', client: undefined, activity: 'leads', hours: 6 },
      { month: 3, rep: 'r2', client: 'c1', activity: 'collect', hours: 0.5 },
    ] as const;
    for (const r of rows) log.push(r);
    expect([...log]).toEqual(rows);
    expect(log.length).toBe(3);
  });
});

describe("a month's rows of hours", () => {
  it('are read rep by rep, each rep\'s in the order added, and start afresh when cleared', () => {
    const m = new MonthHours();
    m.add(0, 9, 0, 1);
    m.clear();
    const added = [
      [2, 5, 0, 1],
      [0, 7, 1, 2],
      [2, 3, 2, 3],
      [1, -1, 3, 4],
      [0, 1, 4, 5],
      [2, -1, 3, 6],
    ];
    for (const [slot, client, activity, hours] of added) m.add(slot, client, activity, hours);
    const read = [...m.bySlot(3)].map((j) => [m.slot(j), m.client(j), m.activity(j), m.hoursOf(j)]);
    expect(read).toEqual([added[1], added[4], added[3], added[0], added[2], added[5]]);
  });
});
