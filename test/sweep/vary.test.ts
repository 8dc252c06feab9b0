import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { grid, parseVary, SWEEP_LIMITS, valueLabel, type Vary } from '../../src/core/sweep/vary.js';

const ok = (text: string): Vary => {
  const v = parseVary(text);
  if (typeof v === 'string') throw new Error(v);
  return v;
};
const decimals = (v: Vary) => v.values.map((x) => R.toDecimalString(x));

describe('--vary PATH=FROM..TO[:STEPS]', () => {
  it('reads a path, an exact even grid and its steps', () => {
    const v = ok('components.maintenance.rate=0.005..0.10:6');
    expect(v.path).toBe('components.maintenance.rate');
    expect(v.segments).toEqual(['components', 'maintenance', 'rate']);
    expect(v.percent).toBe(false);
    // exact decimals, not 0.024000000000000004
    expect(decimals(v)).toEqual(['0.005', '0.024', '0.043', '0.062', '0.081', '0.1']);
  });

  it('reads percentages as fractions, and shows them as percentages', () => {
    const v = ok('components.maintenance.rate=0.5%..10%:3');
    expect(v.percent).toBe(true);
    expect(decimals(v)).toEqual(['0.005', '0.0525', '0.1']);
    expect(v.values.map((x) => valueLabel(x, true))).toEqual(['0.5 %', '5.25 %', '10 %']);
  });

  it('takes five points when no STEPS is given, and may run downwards', () => {
    const v = ok('plans.revenue.level=200000..100000');
    expect(v.steps).toBe(SWEEP_LIMITS.defaultSteps);
    expect(decimals(v)).toEqual(['200000', '175000', '150000', '125000', '100000']);
  });

  it('rounds a grid value that is not a terminating decimal, keeping the ends exact', () => {
    const g = grid(R.q(0), R.q(1), 4, 10);
    expect(g.map((x) => R.toDecimalString(x))).toEqual(['0', '0.3333333333', '0.6666666667', '1']);
  });

  it.each([
    ['components.maintenance.rate', /PATH=FROM\.\.TO/],
    ['=0.1..0.2', /PATH=FROM\.\.TO/],
    ['components..rate=0.1..0.2', /not a dotted path/],
    ['components.maintenance.rate=0.1', /FROM\.\.TO\[:STEPS\]/],
    ['components.maintenance.rate=a..0.2', /'a' is not a number/],
    ['components.maintenance.rate=1%..0.2', /both bounds the same way/],
    ['components.maintenance.rate=0.1..0.1', /the same value/],
    ['components.maintenance.rate=0.1..0.2:1', /from 2 to 50/],
    ['components.maintenance.rate=0.1..0.2:51', /from 2 to 50/],
    ['components.maintenance.rate=0.1..0.2:2.5', /from 2 to 50/],
  ])('refuses %s, saying what is allowed', (text, message) => {
    const v = parseVary(text);
    expect(typeof v).toBe('string');
    expect(v).toMatch(message);
  });
});
