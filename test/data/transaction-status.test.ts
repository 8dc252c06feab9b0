import { describe, expect, it } from 'vitest';
import { datasetOf, paid, pay, schemeOf, schemeText } from '../helpers/dataset.js';
import { statusProblems, statusRule } from '../../src/core/payout/statuses.js';

const flat = schemeText('flat', '  - {id: commission, type: commission, measure: revenue, rate: 10%}\n  - {id: per_deal, type: per_unit, measure: deals, amount: 1}');
const listed = schemeText('listed', '  - {id: commission, type: commission, measure: revenue, rate: 10%}', 'transactions: {count_statuses: [won, Closed]}');

const rows = (statuses: (string | undefined)[]) => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c', owner: 'a' }],
  transactions: statuses.map((status, i) => ({ date: `2026-03-${String(i + 1).padStart(2, '0')}`, client_id: 'c', revenue: 100 * (i + 1), status })),
});

describe('transaction statuses', () => {
  it('counts every status but draft, pending, cancelled, lost, void, rejected and declined when the scheme names none, ignoring case', () => {
    const r = pay(flat, rows(['won', 'Draft', 'PENDING', 'cancelled', 'canceled', 'invoiced', undefined]), '2026-03');
    // won 100, invoiced 600, blank 700: 1,400 x 10 %
    expect(paid(r, 'a', '2026-03', 'commission')).toBe('140.00');
    expect(paid(r, 'a', '2026-03', 'per_deal')).toBe('3.00');
  });

  it("counts only the statuses the scheme's count_statuses names, and a blank status", () => {
    const r = pay(listed, rows(['won', ' closed ', 'lost', 'pending', undefined]), '2026-03');
    // won 100, closed 200, blank 500
    expect(paid(r, 'a', '2026-03', 'commission')).toBe('80.00');
  });

  it('leaves a cancelled deal out of the client totals an upsell compares, too', () => {
    const up = schemeText('up', '  - {id: up, type: upsell, measure: revenue, baseline: {months: 1}, rate: 10%}');
    const data = { reps: [{ id: 'a' }], clients: [{ id: 'c', owner: 'a' }], transactions: [
      { date: '2026-02-10', client_id: 'c', revenue: 1000 },
      { date: '2026-03-10', client_id: 'c', revenue: 1500 },
      { date: '2026-03-11', client_id: 'c', revenue: 5000, status: 'cancelled' },
    ] };
    // growth 1,500 - 1,000 = 500 at 10 %
    expect(paid(pay(up, data, '2026-03'), 'a', '2026-03', 'up')).toBe('50.00');
  });

  it("leaves a CRM export's lost, void, rejected and declined deals out by default, as cancelled ones", () => {
    const r = pay(flat, rows(['Closed Won', 'Closed Lost', 'Lost', 'VOID', 'voided', 'Rejected', 'declined']), '2026-03');
    // only Closed Won: 100 x 10 %
    expect(paid(r, 'a', '2026-03', 'commission')).toBe('10.00');
    expect(paid(r, 'a', '2026-03', 'per_deal')).toBe('1.00');
  });

  it('names the statuses the default rule counts without knowing them, with their rows and how to list those that count', () => {
    const data = datasetOf(rows(['Closed Won', 'Refunded', 'open', 'Open', 'Wonn']));
    const unknown = statusProblems(undefined, data.transactions).filter((p) => p.code === 'unknown-label');
    expect(unknown).toHaveLength(1);
    expect(unknown[0].severity).toBe('warning');
    expect(unknown[0].message).toBe(
      "statuses 'Refunded' (1 row), 'open' (2 rows) and 'Wonn' (1 row; did you mean 'won'?) count as sales by default, but motiv does not know them: by default only 'draft', 'pending', 'cancelled', 'lost', 'closed lost', 'void', 'rejected' and 'declined' are left out",
    );
    expect(unknown[0].hint).toContain('transactions: {count_statuses: [closed won, refunded, open]}');
    expect([unknown[0].file, unknown[0].line]).toEqual(['transactions.csv', 3]);
  });

  it("says nothing of unknown statuses when the scheme lists those that count", () => {
    const data = datasetOf(rows(['won', 'Refunded']));
    expect(statusProblems(schemeOf(listed), data.transactions).map((p) => p.code)).toEqual(['skipped-reference']);
  });

  it('reads a scheme without the key, and a blank status, as counting', () => {
    const counts = statusRule({});
    expect([counts(undefined), counts('won'), counts(' Cancelled '), counts('draft'), counts('Closed Lost')]).toEqual([true, true, false, false, false]);
  });

  it('warns how many rows are left out, by status, at the first of them', () => {
    const data = datasetOf(rows(['won', 'draft', 'draft', 'cancelled']));
    const [p] = statusProblems(undefined, data.transactions);
    expect(p.severity).toBe('warning');
    expect(p.code).toBe('skipped-reference');
    expect(p.message).toBe("3 transactions are left out of every measure by status (2 draft, 1 cancelled): by default 'draft', 'pending', 'cancelled', 'lost', 'closed lost', 'void', 'rejected' and 'declined' do not count");
    expect([p.file, p.line]).toEqual(['transactions.csv', 3]);
  });

  it('warns about a status close to one the scheme counts, with a did-you-mean, but not about one far from all', () => {
    const data = datasetOf(rows(['won', 'Wonn', 'lost']));
    const problems = statusProblems(schemeOf(listed), data.transactions);
    const typo = problems.filter((p) => p.code === 'unknown-label');
    expect(typo).toHaveLength(1);
    expect(typo[0].message).toContain("status 'Wonn' is not one the scheme counts ('won' and 'Closed'); did you mean 'won'?");
    expect(typo[0].line).toBe(3);
  });

  it('says nothing when every row counts', () => {
    expect(statusProblems(undefined, datasetOf(rows(['won', undefined])).transactions)).toEqual([]);
  });
});
