import { describe, expect, it } from 'vitest';
import { blendPlanned, type PlannedMonth } from '../../src/core/sim/planned-month.js';

const month = (own: number[], clients: string[], hours: Record<string, number>, inbound: [number, number, number]): PlannedMonth => ({
  own: Float64Array.from(own),
  foreign: Float64Array.from(own.map(() => 0)),
  activity: { clients: new Set(clients), contacts: clients.length, hours: Object.values(hours).reduce((a, h) => a + h, 0), hoursByActivity: new Map(Object.entries(hours)) },
  inbound,
});

/** a rep's first month is planned over rounds, each on the average of the months his choices make (agent.ts) */
describe('the planned months of a first month, averaged', () => {
  const a = month([10, 0, 30], ['f0', 'f2'], { prospect: 10, active: 30 }, [2, 200, 50]);
  const b = month([0, 20, 20], ['f1', 'f2', 'f3'], { prospect: 20, signed: 20 }, [0, 0, 0]);

  it('moves hours by firm and activity, and the deals of leads, towards the new month by the weight', () => {
    const m = blendPlanned(a, b, 1 / 2);
    expect(Array.from(m.own)).toEqual([5, 10, 25]);
    expect(Object.fromEntries(m.activity.hoursByActivity)).toEqual({ prospect: 15, active: 15, signed: 10 });
    expect(m.activity.hours).toBe(40);
    expect(m.inbound).toEqual([1, 100, 25]);
    // weight 1/3: the running average of three months
    const third = blendPlanned(a, b, 1 / 3).own;
    [10 - 10 / 3, 20 / 3, 30 - 10 / 3].forEach((h, i) => expect(third[i]).toBeCloseTo(h, 12));
  });

  it('takes the clients contacted and their count from one month, the new one, so a count and a set never disagree (review)', () => {
    const m = blendPlanned(a, b, 1 / 2);
    expect([...m.activity.clients]).toEqual(['f1', 'f2', 'f3']);
    expect(m.activity.contacts).toBe(m.activity.clients.size);
  });

  it('leaves the months it averages as they were', () => {
    blendPlanned(a, b, 1 / 2);
    expect(Array.from(a.own)).toEqual([10, 0, 30]);
    expect(a.activity.contacts).toBe(2);
  });
});
