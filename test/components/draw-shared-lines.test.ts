import { describe, expect, it } from 'vitest';
import { linesOf, paid, pay, totalOf, type Rows } from '../helpers/dataset.js';

/**
 * A rep who moves from the hunter plan to the farmer plan on 16 February
 * (February 2026 has 28 days: 15 as hunter, 13 as farmer), each plan with
 * its draw: a variable line that belongs to both plans (a component bound to
 * no role, or to both roles, or the variable cap's cut) counts once, split
 * between the draws by their days in its month.
 */
const rows: Rows = {
  reps: [{ id: 'ann', role: 'hunter' }],
  clients: [{ id: 'c1', owner: 'ann' }],
  transactions: [{ date: '2026-02-20', client_id: 'c1', revenue: 4000 }],
  assignments: [
    { rep_id: 'ann', role: 'hunter', to: '2026-02-15' },
    { rep_id: 'ann', role: 'farmer', from: '2026-02-16' },
  ],
};

const drawsWith = (extra: string) => `
name: shared lines
currency: EUR
roles: [hunter, farmer]
components:
  - {id: hd, type: draw, roles: [hunter], amount: 1000, recoverable: false}
  - {id: fd, type: draw, roles: [farmer], amount: 600, recoverable: false}
${extra}`;

describe('a variable line of both plans in a month he switches plans (assignments, draws)', () => {
  it('counts a line bound to no role once, split between the draws by their days, so earning it never lowers his pay', () => {
    const r = pay(drawsWith('  - {id: kick, type: bonus, measure: revenue, threshold: 1000, amount: 50}'), rows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'kick')).toBe('50.00');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('508.93'); // 1,000 x 15/28 = 535.714 less 50 x 15/28 = 26.786
    expect(paid(r, 'ann', '2026-02', 'fd')).toBe('255.36'); // 600 x 13/28 = 278.571 less 50 x 13/28 = 23.214
    // the draws absorb the 50 in all: 814.2857, what they pay without it (535.71 + 278.57, each line rounded on its own); it paid 764.28
    expect(totalOf(r, 'ann', '2026-02')).toBe('814.29');
  });

  it('counts a line bound to both roles once, as a line bound to none', () => {
    const r = pay(drawsWith('  - {id: kick, type: bonus, roles: [hunter, farmer], measure: revenue, threshold: 1000, amount: 50}'), rows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('508.93');
    expect(paid(r, 'ann', '2026-02', 'fd')).toBe('255.36');
    expect(totalOf(r, 'ann', '2026-02')).toBe('814.29');
  });

  it("counts the variable cap's cut once, split between the draws by their days", () => {
    const yaml = `${drawsWith(`  - {id: hr, type: commission, roles: [hunter], measure: revenue, rate: 10%}
  - {id: fr, type: commission, roles: [farmer], measure: revenue, rate: 10%}`)}
variable_cap: {amount: 400}
`;
    const both: Rows = { ...rows, transactions: [{ date: '2026-02-05', client_id: 'c1', revenue: 3000 }, { date: '2026-02-20', client_id: 'c1', revenue: 3000 }] };
    const r = pay(yaml.replace('amount: 600', 'amount: 1000'), both, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'variable_cap')).toBe('-200.00');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('342.86'); // 535.714 less (300 - 200 x 15/28 = 192.857)
    expect(paid(r, 'ann', '2026-02', 'fd')).toBe('257.14'); // 464.286 less (300 - 200 x 13/28 = 207.143)
    expect(totalOf(r, 'ann', '2026-02')).toBe('1000.00'); // both plans under their draws: the draws, 1,000 x 28/28
  });

  it('keeps a line bound to one role whole against that role\'s draw', () => {
    const r = pay(drawsWith('  - {id: fr, type: commission, roles: [farmer], measure: revenue, rate: 5%}'), rows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('535.71');
    expect(paid(r, 'ann', '2026-02', 'fd')).toBe('78.57'); // 278.57 less 200
  });

  it("splits by the days of the line's own month: a quarter's earlier month held on one plan counts whole against its draw", () => {
    const yaml = drawsWith('  - {id: kick, type: bonus, measure: revenue, threshold: 1000, amount: 50}')
      .replace('amount: 1000, recoverable: false}', 'amount: 3000, period: quarter, recoverable: false}')
      .replace('amount: 600, recoverable: false}', 'amount: 1800, period: quarter, recoverable: false}');
    const jan: Rows = { ...rows, transactions: [{ date: '2026-01-20', client_id: 'c1', revenue: 2000 }] };
    const r = pay(yaml, jan, '2026-01', '2026-03');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('1483.33'); // 3,000 x 46/90 = 1,533.33 less January's 50, all of it his hunter days
  });

  it('says in --explain how much of the shared line the draw counted, and with which draw it shared it', () => {
    const r = pay(drawsWith('  - {id: kick, type: bonus, measure: revenue, threshold: 1000, amount: 50}'), rows, '2026-02', '2026-02', { explain: true });
    const hd = linesOf(r, 'ann', '2026-02', 'hd')[0].explain!;
    expect(hd.measure).toBe('variable pay 2026-02 = 26.7857');
    expect(hd.arithmetic).toBe('535.7143 − 26.7857 = 508.93');
    expect(hd.notes).toContain('kick 50.00 × 15/28 = 26.7857: bound to no role, shared with fd by their days of 2026-02');
  });
});
