import { describe, expect, it } from 'vitest';
import { paid, pay, type Rows } from '../helpers/dataset.js';

describe('roles and component windows', () => {
  const yaml = `
name: roles
currency: EUR
roles: [hunter, farmer]
components:
  - {id: hunt, type: salary, roles: [hunter], amount: 1500}
  - {id: farm, type: salary, roles: [farmer], amount: 1800}
  - {id: both, type: salary, roles: [hunter, farmer], amount: 10}
  - {id: campaign, type: salary, from: 2026-02, to: 2026-03, amount: 100}
`;
  const rows: Rows = { reps: [{ id: 'h', role: 'hunter' }, { id: 'f', role: 'farmer' }, { id: 'x' }] };

  it('pays a component only to reps with one of its roles', () => {
    const r = pay(yaml, rows, '2026-01');
    expect(paid(r, 'h', '2026-01', 'hunt')).toBe('1500.00');
    expect(paid(r, 'h', '2026-01', 'farm')).toBe('0.00');
    expect(paid(r, 'f', '2026-01', 'farm')).toBe('1800.00');
    expect(paid(r, 'f', '2026-01', 'both')).toBe('10.00');
    expect(paid(r, 'x', '2026-01', 'both')).toBe('0.00'); // no role: no role-bound component
  });

  it('pays a component only from its `from` month to its `to` month, both included', () => {
    const r = pay(yaml, rows, '2026-01', '2026-04');
    expect(paid(r, 'x', '2026-01', 'campaign')).toBe('0.00');
    expect(paid(r, 'x', '2026-02', 'campaign')).toBe('100.00');
    expect(paid(r, 'x', '2026-03', 'campaign')).toBe('100.00');
    expect(paid(r, 'x', '2026-04', 'campaign')).toBe('0.00');
  });
});
