import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { linesOf, money, paid, pay, type Row, type Rows } from '../helpers/dataset.js';

const scheme = (since = 'signing') => `
name: clawback
currency: EUR
components:
  - id: new_sales
    type: commission
    measure: revenue
    filter: {age_months: {to: 1}}
    rate: 25%
    clawback: {within_months: 3, since: ${since}}
  - {id: salary, type: salary, amount: 1000}
`;

const client = (lost: string | undefined, extra: Record<string, string> = {}): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a', signed_date: '2026-01-10', activated_date: '2026-01-10', lost_date: lost, ...extra }],
  transactions: [{ id: 't1', date: '2026-01-20', client_id: 'c1', revenue: '4000.02', cost: 0 }],
});

describe('clawback', () => {
  it('takes back what was paid on a client under a variable cap, not what was earned before the cap (QA: 1,000 paid, 2,000 taken back)', () => {
    const capped = `name: cb\ncurrency: EUR\nvariable_cap: {amount: 1000}\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'gone', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: '2026-02-15' },
        { id: 'kept', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05' },
      ],
      transactions: [
        { id: 't1', date: '2026-01-10', client_id: 'gone', revenue: 15000, cost: 0 },
        { id: 't2', date: '2026-01-10', client_id: 'kept', revenue: 5000, cost: 0 },
      ],
    };
    const r = pay(capped, rows, '2026-01', '2026-02');
    // January: 10 % of 20,000 = 2,000, capped at 1,000 (-1,000): half of each client's 1,500 and 500 was paid
    expect(linesOf(r, 'a', '2026-01').map((l) => [l.component, money(l.amount)])).toEqual([
      ['c', '2000.00'],
      ['variable_cap', '-1000.00'],
    ]);
    // February: 'gone' is lost, and what was paid on it, 750, comes back (was 1,500)
    expect(linesOf(r, 'a', '2026-02', 'c').filter((l) => l.kind === 'clawback').map((l) => money(l.amount))).toEqual(['-750.00']);
    // a new client in February earns 2,000 beside that clawback: 1,250 of variable pay, cut by 250 off the 2,000 earned, so 1,750
    // was paid on it, and comes back when it is lost in March (not 1,600, the cut over the month's variable net of the clawback)
    const more: Rows = {
      ...rows,
      clients: [...rows.clients!, { id: 'new', owner: 'a', signed_date: '2026-02-01', activated_date: '2026-02-01', lost_date: '2026-03-20' }],
      transactions: [...rows.transactions!, { id: 't3', date: '2026-02-10', client_id: 'new', revenue: 20000, cost: 0 }],
    };
    const r2 = pay(capped, more, '2026-01', '2026-03');
    expect(linesOf(r2, 'a', '2026-02').map((l) => [l.component, l.kind, money(l.amount)])).toEqual([
      ['c', 'pay', '2000.00'],
      ['c', 'clawback', '-750.00'],
      ['variable_cap', 'cap', '-250.00'],
    ]);
    expect(linesOf(r2, 'a', '2026-03', 'c').filter((l) => l.kind === 'clawback').map((l) => money(l.amount))).toEqual(['-1750.00']);
  });

  describe('under a quarterly variable cap whose cut is given back (docs/schemes.md#the-variable-cap)', () => {
    const quarterly = `name: cb\ncurrency: EUR\nvariable_cap: {amount: 1000, period: quarter}\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n`;
    // January: 10 % of 15,000 on 'gone' and of 5,000 on 'kept' = 2,000, cut -1,000: 750 and 250 paid on them
    const rows = (goneLost: string | undefined, keptLost?: string, more: Row[] = []): Rows => ({
      reps: [{ id: 'a' }],
      clients: [
        { id: 'gone', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: goneLost },
        { id: 'kept', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: keptLost },
      ],
      transactions: [
        { id: 't1', date: '2026-01-10', client_id: 'gone', revenue: 15000, cost: 0 },
        { id: 't2', date: '2026-01-10', client_id: 'kept', revenue: 5000, cost: 0 },
        ...more,
      ],
    });
    const quarterPaid = (r: ReturnType<typeof pay>) => money(r.rows.filter((x) => x.rep === 'a').reduce((acc, x) => R.add(acc, x.variable), R.ZERO));

    it('takes back, after a give-back, what was paid on the client with its share of the give-back', () => {
      // February: a credit note of -5,000 on 'kept' (-500): 500 of the cut comes back, half of each client's cut (375 and 125)
      const r = pay(quarterly, rows('2026-03-15', undefined, [{ id: 't3', date: '2026-02-10', client_id: 'kept', revenue: -5000, cost: 0 }]), '2026-01', '2026-03');
      expect(paid(r, 'a', '2026-02', 'variable_cap')).toBe('500.00');
      // March: 'gone' is lost: 750 + 375 = 1,125 was paid on it and comes back (was 750); 'kept''s 125 still cut comes back,
      // and the quarter pays 0: 2,000 earned, 500 credited, 1,500 earned on a client lost within its window
      expect(linesOf(r, 'a', '2026-03').filter((l) => l.kind !== 'pay').map((l) => [l.component, l.kind, money(l.amount)])).toEqual([
        ['c', 'clawback', '-1125.00'],
        ['variable_cap', 'cap', '125.00'],
      ]);
      expect(quarterPaid(r)).toBe('0.00');
    });

    it('gives back no cut of a client clawed back: what it earned before the cut is no pay of the quarter', () => {
      // February: 'gone' is lost, its 750 paid comes back: the quarter has earned 500 on 'kept', and its 250 cut is given back
      const r = pay(quarterly, rows('2026-02-15', '2026-03-15'), '2026-01', '2026-03');
      expect(linesOf(r, 'a', '2026-02').filter((l) => l.kind !== 'pay').map((l) => [l.component, l.kind, money(l.amount)])).toEqual([
        ['c', 'clawback', '-750.00'],
        ['variable_cap', 'cap', '250.00'],
      ]);
      // March: 'kept' is lost: all it earned, 500, was paid, and comes back
      expect(paid(r, 'a', '2026-03', 'c')).toBe('-500.00');
      expect(linesOf(r, 'a', '2026-03', 'variable_cap')).toHaveLength(0);
      expect(quarterPaid(r)).toBe('0.00');
    });
  });

  it('gives back no cut of a client lost within its window whose whole pay the cap cut (review: the quarter paid 1,000 on it, 600 with a client earning less)', () => {
    const quarterly = `name: cb\ncurrency: EUR\nvariable_cap: {amount: 1000, period: quarter}\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n`;
    // January: 1,000 on 'y', at the cap; February: 500 on 'x', all cut; March: 'x' is lost (0 paid on it, nothing to take back),
    // and a credit note of -3,000 on 'y' (-300) falls below the cap: what was cut on 'x' is no pay of the quarter, nothing is given back
    const r = pay(
      quarterly,
      {
        reps: [{ id: 'a' }],
        clients: [
          { id: 'y', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05' },
          { id: 'x', owner: 'a', signed_date: '2026-02-05', activated_date: '2026-02-05', lost_date: '2026-03-10' },
        ],
        transactions: [
          { id: 't1', date: '2026-01-10', client_id: 'y', revenue: 10000, cost: 0 },
          { id: 't2', date: '2026-02-10', client_id: 'x', revenue: 5000, cost: 0 },
          { id: 't3', date: '2026-03-05', client_id: 'y', revenue: -3000, cost: 0 },
        ],
      },
      '2026-01',
      '2026-03',
    );
    expect(paid(r, 'a', '2026-02', 'variable_cap')).toBe('-500.00');
    expect(linesOf(r, 'a', '2026-03', 'variable_cap')).toHaveLength(0);
    expect(money(r.rows.filter((x) => x.rep === 'a').reduce((acc, x) => R.add(acc, x.variable), R.ZERO))).toBe('700.00');
  });

  it('takes back what a client earned when it is lost within N months of signing', () => {
    // January: 25 % of 4000.02 = 1000.005 -> 1000.01; lost in March (month 3): -1000.01
    const r = pay(scheme(), client('2026-03-15'), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-01', 'new_sales')).toBe('1000.01');
    const claws = linesOf(r, 'a', '2026-03', 'new_sales').filter((l) => l.kind === 'clawback');
    expect(claws).toHaveLength(1);
    expect(paid(r, 'a', '2026-03', 'new_sales')).toBe('-1000.01');
  });

  it('takes back what a quarter pays on a client lost earlier in that quarter, in the month it pays (QA: a quarterly commission kept 400)', () => {
    const quarterly = `name: q\ncurrency: EUR\ncomponents:\n  - {id: q, type: commission, period: quarter, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'gone', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: '2026-02-20' },
        { id: 'kept', owner: 'a', signed_date: '2025-01-05', activated_date: '2025-01-05' },
        // lost in its fourth month: past the window, kept
        { id: 'late', owner: 'a', signed_date: '2025-11-05', activated_date: '2025-11-05', lost_date: '2026-02-10' },
      ],
      transactions: [
        { id: 't1', date: '2026-01-10', client_id: 'gone', revenue: 4000, cost: 0 },
        { id: 't2', date: '2026-01-10', client_id: 'kept', revenue: 8000, cost: 0 },
        { id: 't3', date: '2026-01-12', client_id: 'late', revenue: 1000, cost: 0 },
      ],
    };
    const r = pay(quarterly, rows, '2026-01', '2026-03');
    // March: 10 % of 13,000 for the quarter, less 400 earned on 'gone'
    expect(linesOf(r, 'a', '2026-03', 'q').map((l) => [l.kind, money(l.amount)])).toEqual([
      ['pay', '1300.00'],
      ['clawback', '-400.00'],
    ]);
    const explained = pay(quarterly, rows, '2026-01', '2026-03', { explain: true });
    expect(linesOf(explained, 'a', '2026-03', 'q')[1].explain?.measure).toBe('client gone lost 2026-02, month 2 since signing; paid on it in 2026-03, after its loss');
    // its sale refunded later: the refund's -400 is given back, the client nets 0 (review: taken twice)
    const refunded = pay(quarterly, { ...rows, transactions: [...rows.transactions!, { id: 't4', date: '2026-04-10', client_id: 'gone', revenue: -4000, cost: 0 }] }, '2026-01', '2026-06');
    expect(linesOf(refunded, 'a', '2026-06', 'q').map((l) => [l.kind, money(l.amount)])).toEqual([
      ['pay', '-400.00'],
      ['clawback', '400.00'],
    ]);
  });

  it('does not claw back once the N months are over', () => {
    const r = pay(scheme(), client('2026-04-01'), '2026-01', '2026-04');
    expect(linesOf(r, 'a', '2026-04', 'new_sales').filter((l) => l.kind === 'clawback')).toHaveLength(0);
    expect(paid(r, 'a', '2026-04', 'new_sales')).toBe('0.00');
  });

  it('counts the months from activation when told to', () => {
    // activated in February: lost in April is month 3 since activation, month 4 since signing
    const data = client('2026-04-10', { activated_date: '2026-02-01' });
    data.transactions = [{ id: 't1', date: '2026-02-05', client_id: 'c1', revenue: 4000, cost: 0 }];
    expect(paid(pay(scheme('activation'), data, '2026-01', '2026-04'), 'a', '2026-04', 'new_sales')).toBe('-1000.00');
    expect(paid(pay(scheme('signing'), data, '2026-01', '2026-04'), 'a', '2026-04', 'new_sales')).toBe('0.00');
  });

  it('claws back only the lost client part of a line shared with other clients', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'c1', owner: 'a', signed_date: '2026-01-10', activated_date: '2026-01-10', lost_date: '2026-02-20' },
        { id: 'c2', owner: 'a', signed_date: '2026-01-12', activated_date: '2026-01-12' },
      ],
      transactions: [
        { id: 't1', date: '2026-01-20', client_id: 'c1', revenue: 1000, cost: 0 },
        { id: 't2', date: '2026-01-21', client_id: 'c2', revenue: 3000, cost: 0 },
      ],
    };
    const r = pay(scheme(), rows, '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'new_sales')).toBe('1000.00');
    expect(paid(r, 'a', '2026-02', 'new_sales')).toBe('-250.00');
  });

  it('claws back from each credited rep his own part', () => {
    const yaml = scheme().replace('components:', 'credit:\n  - split: {finder: 50%, closer: 50%}\ncomponents:');
    const rows = client('2026-02-15', { finder: 'a', closer: 'b' });
    rows.reps = [{ id: 'a' }, { id: 'b' }];
    const r = pay(yaml, rows, '2026-01', '2026-02');
    // 25 % of 2000.01 = 500.0025 -> 500.00 each
    expect(paid(r, 'a', '2026-01', 'new_sales')).toBe('500.00');
    expect(paid(r, 'b', '2026-01', 'new_sales')).toBe('500.00');
    expect(paid(r, 'a', '2026-02', 'new_sales')).toBe('-500.00');
    expect(paid(r, 'b', '2026-02', 'new_sales')).toBe('-500.00');
  });

  it('claws back only what was paid after a penalty multiplier cut the line', () => {
    const yaml = `
name: clawback after penalty
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 12000}
components:
  - {id: new_sales, type: commission, measure: revenue, rate: 25%, clawback: {within_months: 3}}
  - id: penalty
    type: multiplier
    applies_to: [new_sales]
    plan: revenue_plan
    bands:
      - {from: 0, to: 70%, factor: 0.5}
      - {from: 70%, factor: 1}
`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'lost', owner: 'a', signed_date: '2026-03-03', activated_date: '2026-03-03', lost_date: '2026-04-15' },
        { id: 'kept', owner: 'a', signed_date: '2026-03-03', activated_date: '2026-03-03' },
      ],
      transactions: [
        { id: 't1', date: '2026-03-10', client_id: 'lost', revenue: 1000, cost: 0 },
        { id: 't2', date: '2026-03-10', client_id: 'kept', revenue: 3000, cost: 0 },
      ],
    };
    // March: 4000 of 12000 = 33 %: new_sales 1000 halved by -500; 'lost' earned 250 - 125 = 125
    const r = pay(yaml, rows, '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'new_sales')).toBe('1000.00');
    expect(paid(r, 'a', '2026-03', 'penalty')).toBe('-500.00');
    expect(linesOf(r, 'a', '2026-04', 'new_sales').filter((l) => l.kind === 'clawback').map((l) => money(l.amount))).toEqual(['-125.00']);
  });

  it('claws back nothing from a rep who left before the day of the loss', () => {
    // a left on 14 February, c1 was lost the day after: no clawback; lost on his last day: clawed back
    const rows = (lost: string) => ({ ...client(lost), reps: [{ id: 'a', end_date: '2026-02-14' }] });
    expect(linesOf(pay(scheme(), rows('2026-02-15'), '2026-01', '2026-02'), 'a', '2026-02', 'new_sales').filter((l) => l.kind === 'clawback')).toHaveLength(0);
    expect(paid(pay(scheme(), rows('2026-02-14'), '2026-01', '2026-02'), 'a', '2026-02', 'new_sales')).toBe('-1000.01');
  });

  it('does not take a refund dated after the clawback a second time', () => {
    // January 4000.02 earns 1000.01; lost in February: clawed back; the sale credited back in March (or in February)
    const refunded = (day: string, revenue = '-4000.02') => {
      const rows = client('2026-02-15');
      rows.transactions!.push({ id: 'cn', date: day, client_id: 'c1', revenue, cost: 0 });
      return pay(scheme().replace('filter: {age_months: {to: 1}}', ''), rows, '2026-01', '2026-03');
    };
    const months = (r: ReturnType<typeof pay>) => ['2026-01', '2026-02', '2026-03'].map((m) => paid(r, 'a', m, 'new_sales'));
    const after = refunded('2026-03-05');
    expect(months(after)).toEqual(['1000.01', '-1000.01', '0.00']);
    expect(linesOf(after, 'a', '2026-03', 'new_sales').map((l) => [l.kind, money(l.amount)])).toEqual([
      ['pay', '-1000.01'],
      ['clawback', '1000.01'],
    ]);
    // in the month of the loss the refund nets the client's earnings to 0 and nothing is clawed back
    expect(months(refunded('2026-02-16'))).toEqual(['1000.01', '-1000.01', '0.00']);
    // a refund of more than was sold gives back no more than the clawback took: 25 % of -8000.04 = -2000.01, 1000.01 given back
    expect(months(refunded('2026-03-05', '-8000.04'))).toEqual(['1000.01', '-1000.01', '-1000.00']);
  });

  it('claws back the capped amount actually paid, not the uncapped one', () => {
    const yaml = scheme().replace('rate: 25%', 'rate: 25%\n    cap: 400');
    const r = pay(yaml, client('2026-02-15'), '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'new_sales')).toBe('400.00');
    expect(paid(r, 'a', '2026-02', 'new_sales')).toBe('-400.00');
  });

  it('pays a sale to a client won back after its loss and takes it back at once, as the data warning says; a component without a clawback keeps it', () => {
    const yaml = `name: cb\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n  - {id: f, type: commission, measure: revenue, rate: 1%}\n`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: '2026-02-10' }],
      transactions: [
        { id: 't1', date: '2026-01-10', client_id: 'c1', revenue: 1000, cost: 0 },
        { id: 't2', date: '2026-06-10', client_id: 'c1', revenue: 5000, cost: 0 },
      ],
    };
    const r = pay(yaml, rows, '2026-01', '2026-06');
    expect(linesOf(r, 'a', '2026-02', 'c').filter((l) => l.kind === 'clawback').map((l) => money(l.amount))).toEqual(['-100.00']);
    expect(linesOf(r, 'a', '2026-06', 'c').map((l) => [l.kind, money(l.amount)])).toEqual([
      ['pay', '500.00'],
      ['clawback', '-500.00'],
    ]);
    expect(paid(r, 'a', '2026-06', 'f')).toBe('50.00');
  });

  describe('what is taken back adds up to what was paid, to the cent', () => {
    const tenPercent = `name: cb\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n`;
    // three clients each earn 10 % of 1.05 = 0.105 in January: one line of 0.315, paid 0.32
    const three = (lost: string[]): Rows => ({
      reps: [{ id: 'a' }],
      clients: lost.map((day, i) => ({ id: `c${i + 1}`, owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: day })),
      transactions: lost.map((_, i) => ({ id: `t${i + 1}`, date: '2026-01-10', client_id: `c${i + 1}`, revenue: '1.05', cost: 0 })),
    });
    const clawbacks = (r: ReturnType<typeof pay>, m: string) => linesOf(r, 'a', m, 'c').filter((l) => l.kind === 'clawback');

    it('takes back 0.32 of three clients lost together, not 0.11 x 3 = 0.33, and explains each part as taken', () => {
      const r = pay(tenPercent, three(['2026-02-10', '2026-02-11', '2026-02-12']), '2026-01', '2026-02', { explain: true });
      expect(paid(r, 'a', '2026-01', 'c')).toBe('0.32');
      const lines = clawbacks(r, '2026-02');
      expect(lines.map((l) => money(l.amount))).toEqual(['-0.11', '-0.11', '-0.10']);
      expect(lines.map((l) => l.explain!.arithmetic)).toEqual(['-(0.11 earned on c1) = -0.11', '-(0.11 earned on c2) = -0.11', '-(0.10 earned on c3) = -0.10']);
      expect(paid(r, 'a', '2026-02', 'c')).toBe('-0.32');
    });

    it('takes back 0.32 of three clients lost in three months', () => {
      const r = pay(tenPercent, three(['2026-01-20', '2026-02-11', '2026-03-12']), '2026-01', '2026-03');
      const taken = ['2026-01', '2026-02', '2026-03'].flatMap((m) => clawbacks(r, m).map((l) => money(l.amount)));
      expect(taken).toEqual(['-0.11', '-0.11', '-0.10']);
    });

    it('takes back what the variable cap left of a line, to the cent', () => {
      // 0.32 capped at 0.20: 0.12 cut off the three clients' 0.32; all lost: 0.20 comes back, not 0.07 x 3 = 0.21
      const r = pay(tenPercent.replace('components:', 'variable_cap: {amount: 0.2}\ncomponents:'), three(['2026-02-10', '2026-02-11', '2026-02-12']), '2026-01', '2026-02');
      expect(paid(r, 'a', '2026-01')).toBe('0.20');
      expect(paid(r, 'a', '2026-02', 'c')).toBe('-0.20');
    });

    it('takes back what a multiplier left of a line, to the cent', () => {
      // 0.32 halved by a multiplier (-0.16): 0.16 paid on the three clients; all lost: 0.16 comes back, not 0.05 x 3 = 0.15
      const halved = `${tenPercent}  - {id: m, type: multiplier, applies_to: [c], plan: p, bands: [{from: 0, factor: 0.5}]}\nplans:\n  p: {measure: revenue, monthly: 1000}\n`;
      const r = pay(halved, three(['2026-02-10', '2026-02-11', '2026-02-12']), '2026-01', '2026-02');
      expect(paid(r, 'a', '2026-01')).toBe('0.16');
      expect(paid(r, 'a', '2026-02', 'c')).toBe('-0.16');
    });
  });
});
