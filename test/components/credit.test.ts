import { describe, expect, it } from 'vitest';
import { paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (credit: string) => `
name: credit
currency: EUR
${credit}
components:
  - {id: c, type: commission, measure: revenue, rate: 100%}
`;

const sale = (client: Record<string, string>, revenue: number | string = 1000, rep?: string): Rows => ({
  reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  clients: [{ id: 'k', ...client }],
  transactions: [{ id: 't1', date: '2026-03-10', client_id: 'k', rep_id: rep, revenue, cost: 0 }],
});

describe('credit', () => {
  it('credits the seller (the transaction rep, else the owner) by default', () => {
    expect(paid(pay(scheme(''), sale({ owner: 'a' }), '2026-03'), 'a', '2026-03', 'c')).toBe('1000.00');
    const bySeller = pay(scheme(''), sale({ owner: 'a' }, 1000, 'b'), '2026-03');
    expect(paid(bySeller, 'a', '2026-03', 'c')).toBe('0.00');
    expect(paid(bySeller, 'b', '2026-03', 'c')).toBe('1000.00');
  });

  it('splits a sale 50/50 between finder and closer', () => {
    const r = pay(scheme('credit:\n  - split: {finder: 50%, closer: 50%}'), sale({ owner: 'c', finder: 'a', closer: 'b' }, '1000.01'), '2026-03');
    // 500.005 each -> 500.01 each (lines are rounded per rep)
    expect(paid(r, 'a', '2026-03', 'c')).toBe('500.01');
    expect(paid(r, 'b', '2026-03', 'c')).toBe('500.01');
    expect(paid(r, 'c', '2026-03', 'c')).toBe('0.00');
  });

  it('gives a role nobody holds to the seller', () => {
    const r = pay(scheme('credit:\n  - split: {finder: 50%, closer: 50%}'), sale({ owner: 'c', closer: 'b' }), '2026-03');
    expect(paid(r, 'b', '2026-03', 'c')).toBe('500.00');
    expect(paid(r, 'c', '2026-03', 'c')).toBe('500.00');
  });

  it('merges shares when finder and closer are the same rep', () => {
    const r = pay(scheme('credit:\n  - split: {finder: 50%, closer: 50%}'), sale({ owner: 'c', finder: 'a', closer: 'a' }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('1000.00');
  });

  it('uses explicit shares from credits.csv over the rules', () => {
    const rows = sale({ owner: 'c', finder: 'a', closer: 'b' });
    rows.credits = [
      { client_id: 'k', rep_id: 'a', share: '70%' },
      { client_id: 'k', rep_id: 'c', share: 0.3 },
    ];
    const r = pay(scheme('credit:\n  - split: {finder: 50%, closer: 50%}'), rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('700.00');
    expect(paid(r, 'b', '2026-03', 'c')).toBe('0.00');
    expect(paid(r, 'c', '2026-03', 'c')).toBe('300.00');
  });

  it('splits a role of credits.csv held by three reps in exact thirds', () => {
    const rows = sale({ owner: 'a' }, 100);
    rows.credits = ['a', 'b', 'c'].map((rep) => ({ client_id: 'k', rep_id: rep, role: 'pair' }));
    const r = pay(scheme('credit:\n  - split: {pair: 100%}'), rows, '2026-03');
    // 100 / 3 = 33.333... each: every rep's line is rounded on its own
    for (const rep of ['a', 'b', 'c']) expect(paid(r, rep, '2026-03', 'c')).toBe('33.33');
  });

  it('applies the first credit rule whose `when` matches', () => {
    const rules = `credit:
  - when: {age_months: {to: 1}, since: signing}
    split: {closer: 100%}
  - split: {owner: 100%}`;
    const rows: Rows = {
      reps: [{ id: 'h' }, { id: 'f' }],
      clients: [{ id: 'k', owner: 'f', closer: 'h', signed_date: '2026-02-10' }],
      transactions: [
        { id: 't1', date: '2026-02-20', client_id: 'k', revenue: 100, cost: 0 },
        { id: 't2', date: '2026-03-20', client_id: 'k', revenue: 200, cost: 0 },
      ],
    };
    const r = pay(scheme(rules), rows, '2026-02', '2026-03');
    expect(paid(r, 'h', '2026-02', 'c')).toBe('100.00');
    expect(paid(r, 'f', '2026-02', 'c')).toBe('0.00');
    expect(paid(r, 'h', '2026-03', 'c')).toBe('0.00');
    expect(paid(r, 'f', '2026-03', 'c')).toBe('200.00');
  });

  describe('dated rows of credits.csv', () => {
    // a closer who left at the end of March, and the rep who took his firms over from April
    const handedOver = (): Rows => ({
      reps: [{ id: 'a', end_date: '2026-03-31' }, { id: 'b', start_date: '2026-04-01' }, { id: 'c' }],
      clients: [{ id: 'k', owner: 'b', closer: 'c' }],
      transactions: [
        { id: 't1', date: '2026-03-10', client_id: 'k', revenue: 100, cost: 0 },
        { id: 't2', date: '2026-04-10', client_id: 'k', revenue: 200, cost: 0 },
      ],
      credits: [
        { client_id: 'k', rep_id: 'a', role: 'closer', to: '2026-03-31' },
        { client_id: 'k', rep_id: 'b', role: 'closer', from: '2026-04-01' },
      ],
    });

    it('credit each sale to the row that holds on its day, over the clients.csv column', () => {
      const r = pay(scheme('credit:\n  - split: {closer: 100%}'), handedOver(), '2026-03', '2026-04');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('100.00');
      expect(paid(r, 'b', '2026-04', 'c')).toBe('200.00');
      for (const m of ['2026-03', '2026-04']) expect(paid(r, 'c', m, 'c')).toBe('0.00');
    });

    it('leave a day no row holds to the column (and a role nobody holds to the seller)', () => {
      const rows = handedOver();
      rows.credits = [{ client_id: 'k', rep_id: 'a', role: 'closer', to: '2026-03-31' }];
      const r = pay(scheme('credit:\n  - split: {closer: 100%}'), rows, '2026-03', '2026-04');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('100.00');
      expect(paid(r, 'c', '2026-04', 'c')).toBe('200.00');
      rows.clients = [{ id: 'k', owner: 'b' }];
      const bySeller = pay(scheme('credit:\n  - split: {closer: 100%}'), rows, '2026-03', '2026-04');
      expect(paid(bySeller, 'b', '2026-04', 'c')).toBe('200.00');
    });

    it('make the owner of the day the seller of a sale with no rep, and the rep a client lost that day is lost by', () => {
      const rows = handedOver();
      rows.clients = [{ id: 'k', status: 'lost', signed_date: '2025-06-01', activated_date: '2025-07-01', lost_date: '2026-04-20' }];
      rows.credits = [
        { client_id: 'k', rep_id: 'a', role: 'owner', to: '2026-03-31' },
        { client_id: 'k', rep_id: 'b', role: 'owner', from: '2026-04-01' },
      ];
      const r = pay(scheme(''), rows, '2026-03', '2026-04');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('100.00');
      expect(paid(r, 'b', '2026-04', 'c')).toBe('200.00');
      const fined = pay(`name: fine\ncurrency: EUR\ncomponents:\n  - {id: f, type: per_unit, measure: lost_clients, amount: -50}\n`, rows, '2026-04');
      expect(paid(fined, 'b', '2026-04', 'f')).toBe('-50.00');
      expect(paid(fined, 'a', '2026-04', 'f')).toBe('0.00');
    });

    it("make a client owned, for clients_owned and coverage, by the owner of the period's last day", () => {
      const rows = handedOver();
      rows.reps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
      rows.clients = [{ id: 'k', owner: 'b', status: 'active', signed_date: '2025-06-01', activated_date: '2025-07-01' }];
      rows.credits = [
        { client_id: 'k', rep_id: 'a', role: 'owner', to: '2026-03-31' },
        { client_id: 'k', rep_id: 'b', role: 'owner', from: '2026-04-01' },
      ];
      const perClient = `name: load\ncurrency: EUR\ncomponents:\n  - {id: o, type: per_unit, measure: clients_owned, amount: 10}\n`;
      const r = pay(perClient, rows, '2026-03', '2026-04');
      expect(['a', 'b'].map((rep) => ['2026-03', '2026-04'].map((m) => paid(r, rep, m, 'o')))).toEqual([
        ['10.00', '0.00'],
        ['0.00', '10.00'],
      ]);
    });

    it('give explicit shares by the day, those of each day adding up to 100 %', () => {
      const rows = handedOver();
      rows.credits = [
        { client_id: 'k', rep_id: 'a', share: '100%', to: '2026-03-31' },
        { client_id: 'k', rep_id: 'b', share: '50%', from: '2026-04-01' },
        { client_id: 'k', rep_id: 'c', share: '50%', from: '2026-04-01' },
      ];
      const r = pay(scheme(''), rows, '2026-03', '2026-04');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('100.00');
      expect(paid(r, 'b', '2026-04', 'c')).toBe('100.00');
      expect(paid(r, 'c', '2026-04', 'c')).toBe('100.00');
    });
  });
});
