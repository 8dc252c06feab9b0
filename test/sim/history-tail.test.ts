import { describe, expect, it } from 'vitest';
import { historyTail } from '../../src/core/sim/history-tail.js';
import { formatMonth } from '../../src/core/time/month.js';
import { datasetOf, type Row } from '../helpers/dataset.js';
import { bundled, scenarioText } from '../helpers/sim.js';

/** radio's seasonality runs from 0.75 in January to 1.2 in October */
const radio = scenarioText(bundled('scenarios/radio.yaml'));

const sale = (client: string, date: string, revenue: number, cost = 0): Row => ({ date, client_id: client, revenue, cost });

describe('the actual months a simulation from data continues', () => {
  it('are the last twelve the data covers, none before its first month', () => {
    const months = (n: number) => Array.from({ length: n }, (_, k) => sale('c1', `${formatMonth(24_312 + k)}-15`, 100 + k));
    const tail = (n: number) => historyTail(datasetOf({ reps: [{ id: 'anna' }], clients: [{ id: 'c1', owner: 'anna' }], transactions: months(n) }), radio);
    // 24,312 is 2026-01
    expect(tail(5).months.map(formatMonth)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(tail(15).months.map(formatMonth)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(tail(15).revenue).toEqual([103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114]);
    expect(tail(15).seasonality).toEqual([1.1, 1.1, 0.95, 0.8, 0.85, 1.1, 1.2, 1.15, 1.1, 0.75, 0.85, 1.05]);
  });

  it('count every sale of a month, refunds and deals on inbound accounts too, and its gross profit', () => {
    const data = datasetOf({
      reps: [{ id: 'anna' }],
      clients: [{ id: 'c1', owner: 'anna', status: 'active' }, { id: 'in:anna', owner: 'anna', status: 'inbound' }],
      transactions: [sale('c1', '2026-05-03', 1000.1, 600), sale('c1', '2026-05-28', -200.05, -120), sale('in:anna', '2026-05-15', 500, 100), sale('c1', '2026-06-01', 70, 30)],
    });
    const tail = historyTail(data, radio);
    expect(tail.months.map(formatMonth)).toEqual(['2026-05', '2026-06']);
    expect(tail.revenue).toEqual([1300.05, 70]);
    expect(tail.grossProfit).toEqual([720.05, 40]);
  });

  it("count the active clients at each month's end as the book reads clients.csv: by dates, else by status, inbound accounts left out", () => {
    const data = datasetOf({
      reps: [{ id: 'anna' }],
      clients: [
        // active from its activation day, lost from its lost day
        { id: 'dated', owner: 'anna', signed_date: '2026-01-10', activated_date: '2026-02-28', lost_date: '2026-04-30' },
        // signed, never active
        { id: 'signed', owner: 'anna', signed_date: '2026-01-10' },
        // undated: its status holds for the whole data, until a lost date
        { id: 'blank', owner: 'anna', status: '' },
        { id: 'old-lost', owner: 'anna', status: 'lost', lost_date: '2026-03-15' },
        { id: 'prospect', owner: 'anna', status: 'prospect' },
        { id: 'in:anna', owner: 'anna', status: 'inbound' },
      ],
      transactions: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((m) => sale('blank', `${m}-15`, 10)),
    });
    const tail = historyTail(data, radio);
    expect(tail.months.map(formatMonth)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(tail.active).toEqual([2, 3, 2, 1, 1]);
  });

  it('are none when the data has no dated month', () => {
    const data = datasetOf({ reps: [{ id: 'anna' }], clients: [{ id: 'c1', owner: 'anna' }] });
    expect(historyTail(data, radio)).toEqual({ months: [], revenue: [], grossProfit: [], active: [], seasonality: [] });
  });
});
