import { describe, expect, it } from 'vitest';
import { buildPanel } from '../../src/core/calibrate/panel.js';
import { planColumns } from '../../src/core/calibrate/plan-columns.js';
import { floorEstimate, highOverLow, hourBounds, observeHours, quantile } from '../../src/core/calibrate/rep-hours.js';
import { datasetOf, type Row } from '../helpers/dataset.js';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

/** one activity row per rep and month, on one client, with these hours */
function activity(rep: string, hours: (number | undefined)[]): Row[] {
  return hours.flatMap((h, k) => (h === undefined ? [] : [{ month: MONTHS[k], rep_id: rep, client_id: 'c1', activity: 'active', hours: h }]));
}

describe('each rep\'s low and high months', () => {
  it('reads a rep who comes down to his floor under inertia as his floor, and leaves out a holiday and a start mid-month', () => {
    // r1 starts 30 above a floor of 130 and halves the gap each month (inertia 0.5), then stays there; one holiday month;
    // r2 starts on the 15th (his first month is half a month) and works 140 from then on;
    // r3 has two months: too few for a low and a high of his own
    const data = datasetOf({
      reps: [
        { id: 'r1', start_date: undefined },
        { id: 'r2', start_date: '2026-03-15' },
        { id: 'r3', start_date: undefined, end_date: '2026-02-28' },
      ],
      clients: [{ id: 'c1', status: 'active' }],
      activity: [
        ...activity('r1', [160, 145, 137.5, 133.75, 130, 130, 60, 130, 130, 130, 130, 130]),
        ...activity('r2', [undefined, undefined, 70, 140, 140, 140, 140, 140, 140, 140, 140, 140]),
        ...activity('r3', [150, 150]),
      ],
    });
    const hours = observeHours(data, buildPanel(data)!);
    expect(hours.lows).toEqual([130, 140]);
    // the holiday (under half his median) and r2's first half month
    expect(hours.partialMonths).toBe(2);
    expect(hours.repMonths).toBe(11 + 9 + 2);
    expect(hours.reps).toBe(3);
    // r1's high is among his first months, above the floor he came down to
    expect(hours.highs[0]).toBeCloseTo(quantile([130, 130, 130, 130, 130, 130, 130, 133.75, 137.5, 145, 160], 0.9), 10);
    expect(hours.highs[1]).toBe(140);
    expect(floorEstimate(hours)).toEqual({ mean: 135, sd: Math.sqrt(50), min: 130 });
    expect(hours.split).toEqual({ active: 1 });
  });

  it('takes every rep at the mean rep-month when none has 3 full months', () => {
    const b = hourBounds([[100, 120], [140]]);
    expect(b.lows).toEqual([]);
    expect(b.level).toBe(120);
    expect(floorEstimate(b)).toEqual({ mean: 120, sd: 0, min: 120 });
    expect(highOverLow(b)).toBe(0);
  });

  it('pools how far above their lows reps go', () => {
    const b = hourBounds([[100, 100, 100, 100, 125], [200, 200, 200, 200, 200]]);
    expect(b.lows).toEqual([100, 200]);
    expect(b.highs).toEqual([115, 200]);
    expect(highOverLow(b)).toBeCloseTo(15 / 300, 12);
  });
});

describe('plan columns of reps.csv for the synthetic reps', () => {
  it('takes a column every rep has a number in, across reps, with plans.csv months first; not a column of text', () => {
    const data = datasetOf({
      reps: [
        { id: 'r1', payment_plan: '100000', region: 'north', quota: 10 },
        { id: 'r2', payment_plan: '140000', region: 'south', quota: undefined },
        { id: 'r3', payment_plan: '120000', region: 'east', quota: 30 },
      ],
      plans: [
        { rep_id: 'r1', month: '2026-01', payment_plan: 90000 },
        { rep_id: 'r1', month: '2026-02', payment_plan: 110000 },
      ],
    });
    const cols = planColumns(data);
    // quota is blank for r2, region is text
    expect(cols.map((c) => c.name)).toEqual(['payment_plan']);
    const [plan] = cols;
    // r1: the mean of his plans.csv months (100,000), r2 and r3 from reps.csv
    expect(plan.mean).toBeCloseTo(120000, 6);
    expect(plan.sd).toBeCloseTo(20000, 6);
    expect(plan.min).toBe(100000);
    expect(plan.reps).toBe(3);
  });
});

describe('hours whose activity cell is blank', () => {
  it("count as the client's state that month, as payout reads them (QA: read as 'unknown', 91 % of a history's hours went nowhere)", () => {
    const rows = (activityOf: (state: string) => string | undefined): Row[] => [
      { month: '2026-01', rep_id: 'r1', client_id: 'p1', activity: activityOf('prospect'), hours: 10 },
      { month: '2026-02', rep_id: 'r1', client_id: 'p1', activity: activityOf('signed'), hours: 6 },
      { month: '2026-03', rep_id: 'r1', client_id: 'p1', activity: activityOf('active'), hours: 4 },
      { month: '2026-03', rep_id: 'r1', client_id: undefined, activity: activityOf('prospect'), hours: 3 },
    ];
    const data = (activityOf: (state: string) => string | undefined) =>
      datasetOf({ reps: [{ id: 'r1' }], clients: [{ id: 'p1', signed_date: '2026-02-10', activated_date: '2026-03-05' }], activity: rows(activityOf) });
    const written = buildPanel(data((s) => s))!.repHours;
    const blank = buildPanel(data(() => undefined))!.repHours;
    expect(blank).toEqual(written);
    expect([...blank.get('r1')!.values()]).toEqual([{ prospect: 10 }, { signed: 6 }, { active: 4, prospect: 3 }]);
  });
});
