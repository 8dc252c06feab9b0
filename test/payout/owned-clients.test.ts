import { describe, expect, it } from 'vitest';
import { paid, pay, schemeText, type Rows } from '../helpers/dataset.js';

const scheme = schemeText(
  'owned',
  `  - {id: owned, type: per_unit, measure: clients_owned, amount: 1}
  - {id: contacted, type: per_unit, measure: clients_contacted, amount: 1}
  - {id: coverage, type: bonus, measure: coverage, threshold: 100%, amount: 300}`,
);

describe('the clients a rep owns', () => {
  it('leave out his inbound account (status inbound), as the simulation does: nobody contacts it, so his coverage could never reach 100 %', () => {
    const rows: Rows = {
      reps: [{ id: 'ana' }],
      clients: [
        { id: 'c1', owner: 'ana', signed_date: '2025-01-10', status: 'active' },
        { id: 'c2', owner: 'ana', signed_date: '2025-02-10', status: 'active' },
        { id: 'in:ana', owner: 'ana', status: 'inbound' },
      ],
      transactions: [
        { id: 't1', date: '2026-03-10', client_id: 'c1', revenue: 100, cost: 0 },
        { id: 't2', date: '2026-03-12', client_id: 'in:ana', revenue: 500, cost: 0 },
      ],
      activity: [
        { month: '2026-03', rep_id: 'ana', client_id: 'c1', contacts: 1 },
        { month: '2026-03', rep_id: 'ana', client_id: 'c2', contacts: 2 },
      ],
    };
    const r = pay(scheme, rows, '2026-03');
    expect(paid(r, 'ana', '2026-03', 'owned')).toBe('2.00');
    expect(paid(r, 'ana', '2026-03', 'contacted')).toBe('2.00');
    expect(paid(r, 'ana', '2026-03', 'coverage')).toBe('300.00');
  });
});
