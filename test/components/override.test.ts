import { describe, expect, it } from 'vitest';
import { paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (team: string) => `
name: override
currency: EUR
roles: [manager, rep]
components:
  - {id: own, type: commission, measure: revenue, rate: 5%}
  - {id: ov, type: override, roles: [manager], team: ${team}, measure: revenue, rate: 2%}
`;

// m manages a and b; a manages c (a team lead who is also a rep)
const rows: Rows = {
  reps: [
    { id: 'm', role: 'manager' },
    { id: 'a', role: 'manager', manager: 'm' },
    { id: 'b', role: 'rep', manager: 'm' },
    { id: 'c', role: 'rep', manager: 'a' },
  ],
  clients: ['m', 'a', 'b', 'c'].map((rep) => ({ id: `k${rep}`, owner: rep })),
  transactions: [
    { id: 't1', date: '2026-03-10', client_id: 'km', revenue: 99999, cost: 0 },
    { id: 't2', date: '2026-03-10', client_id: 'ka', revenue: 10000, cost: 0 },
    { id: 't3', date: '2026-03-10', client_id: 'kb', revenue: 20000, cost: 0 },
    { id: 't4', date: '2026-03-10', client_id: 'kc', revenue: 40000, cost: 0 },
  ],
};

describe('override', () => {
  it('pays a manager a rate on his direct reports only', () => {
    const r = pay(scheme('direct'), rows, '2026-03');
    expect(paid(r, 'm', '2026-03', 'ov')).toBe('600.00'); // 2 % of (10,000 + 20,000)
    expect(paid(r, 'a', '2026-03', 'ov')).toBe('800.00'); // 2 % of c's 40,000
    expect(paid(r, 'b', '2026-03', 'ov')).toBe('0.00'); // not a manager
  });

  it('pays a manager a rate on everyone below him with team: all', () => {
    const r = pay(scheme('all'), rows, '2026-03');
    expect(paid(r, 'm', '2026-03', 'ov')).toBe('1400.00'); // 2 % of 70,000
    expect(paid(r, 'a', '2026-03', 'ov')).toBe('800.00');
  });

  it('leaves a manager without a team with no override line', () => {
    const lone: Rows = { ...rows, reps: [{ id: 'm', role: 'manager' }], clients: [{ id: 'km', owner: 'm' }], transactions: [] };
    const r = pay(scheme('direct'), lone, '2026-03');
    expect(r.rows[0].lines.filter((l) => l.component === 'ov')).toHaveLength(0);
  });

  it('does not pay the override on his own sales', () => {
    const r = pay(scheme('direct'), rows, '2026-03');
    expect(paid(r, 'm', '2026-03', 'own')).toBe('4999.95');
    expect(paid(r, 'm', '2026-03', 'ov')).toBe('600.00');
  });
});
