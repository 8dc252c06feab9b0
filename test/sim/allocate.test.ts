import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursAt, Options, type HourSupply } from '../../src/core/sim/allocate.js';
import type { Curve } from '../../src/core/scenario/types.js';

const SAT: Curve = { kind: 'saturating', scaleHours: 3 };
const EXP: Curve = { kind: 'exponential', scaleHours: 3 };
/** exactly `h` hours, whatever they are worth */
const fixed = (h: number): HourSupply => ({ floor: h, ceiling: h, cost: 1 });

describe('splitting a rep’s hours', () => {
  it('spends exactly the budget, and more on what is worth more', () => {
    const o = new Options(8, 4);
    o.push(0, 0, 100, 3, 5);
    o.push(1, 0, 400, 3, 5);
    o.push(2, 2, 100, 3, 1);
    o.allocate([SAT, SAT, SAT, SAT], 1, 1, fixed(40), 0);
    const total = o.hours[0] + o.hours[1] + o.hours[2];
    expect(total).toBeCloseTo(40, 1);
    expect(o.hours[1]).toBeGreaterThan(o.hours[0]);
    // same value, cheaper hour: more hours
    expect(o.hours[2]).toBeGreaterThan(o.hours[0]);
  });

  it('processes the most valuable leads first when there is no time for all (cherry-picking)', () => {
    const o = new Options(4, 8);
    o.push(0, 2, 50, 3, 2);
    for (const [j, v] of [900, 700, 500, 300, 100].entries()) o.pushLead(j, v);
    o.allocate([SAT, SAT, SAT, SAT], 2, 1, fixed(5), 0);
    const taken = Array.from(o.leadTaken.subarray(0, 5));
    expect(taken[0]).toBe(1);
    expect(taken.indexOf(0)).toBeGreaterThan(0);
    // once one is dropped, all cheaper ones are
    expect(taken.slice(taken.indexOf(0)).every((t) => t === 0)).toBe(true);
  });

  it('a budget forced on one client of little value adds up, though one step of the price then moves many hours', () => {
    // fast-check's counterexample: the price sits a few ulps above minus the cost, where each step moves 0.7 hours
    const o = new Options(4, 1);
    o.push(0, 2, 1.3750000000000016, 3, 1);
    o.allocate([EXP, EXP, EXP, EXP], 1, 1, fixed(101.5402060870186), 0);
    expect(o.hours[0]).toBeCloseTo(101.5402060870186, 6);
  });

  it('property: the hours add up to the budget, none is negative, and value order is hours order for equal cost', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 1, max: 1000, noNaN: true }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.boolean(),
        (opts, budget, exponential) => {
          const curve = exponential ? EXP : SAT;
          const o = new Options(64, 1);
          opts.forEach(([v, a], i) => o.push(i, a, v, 3, [5, 3, 1][a]));
          o.allocate([curve, curve, curve, curve], 1, 1, fixed(budget), 0);
          let total = 0;
          for (let i = 0; i < o.n; i++) {
            expect(o.hours[i]).toBeGreaterThanOrEqual(0);
            total += o.hours[i];
          }
          expect(Math.abs(total - budget)).toBeLessThan(0.002 * budget + 1e-6);
          for (let i = 0; i < o.n; i++)
            for (let j = 0; j < o.n; j++)
              if (o.activity[i] === o.activity[j] && o.value[i] > o.value[j]) expect(o.hours[i]).toBeGreaterThanOrEqual(o.hours[j] - 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('works the floor when hours are worth little, the ceiling when they are worth much, and in between as the price of an hour meets the cost of extra hours', () => {
    const supply: HourSupply = { floor: 100, ceiling: 130, cost: 40 };
    const worked = (scale: number) => {
      const o = new Options(16, 1);
      for (let i = 0; i < 10; i++) o.push(i, i % 3, scale * (50 + 10 * i), 3, [5, 3, 1][i % 3]);
      const lambda = o.allocate([SAT, SAT, SAT, SAT], 1, 1, supply, 0);
      let total = 0;
      for (let i = 0; i < o.n; i++) total += o.hours[i];
      expect(total).toBeCloseTo(o.worked, 6);
      // the hours worked are the supply at the price found, within the search's tolerance
      expect(Math.abs(o.worked - hoursAt(supply, lambda))).toBeLessThan(0.2);
      return o.worked;
    };
    expect(Math.abs(worked(0.01) - 100)).toBeLessThan(0.2);
    expect(Math.abs(worked(1000) - 130)).toBeLessThan(0.2);
    const middle = worked(8);
    expect(middle).toBeGreaterThan(100.5);
    expect(middle).toBeLessThan(129.5);
  });

  it('property: more value per hour never means fewer hours worked, and the hours stay between floor and ceiling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 1, max: 1000, noNaN: true }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 20, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 1.1, max: 5, noNaN: true }),
        (opts, floor, max, cost, raise) => {
          const supply: HourSupply = { floor, ceiling: floor * (1 + max), cost };
          const run = (scale: number) => {
            const o = new Options(64, 1);
            opts.forEach(([v, a], i) => o.push(i, a, v * scale, 3, [5, 3, 1][a]));
            o.allocate([SAT, SAT, SAT, SAT], 1, 1, supply, 0);
            return o.worked;
          };
          const low = run(1);
          const high = run(raise);
          const tol = 0.002 * supply.ceiling + 1e-6;
          expect(low).toBeGreaterThanOrEqual(floor - tol);
          expect(high).toBeLessThanOrEqual(supply.ceiling + tol);
          expect(high).toBeGreaterThanOrEqual(low - tol);
        },
      ),
      { numRuns: 200 },
    );
  });
});
