import { describe, expect, it } from 'vitest';
import { fitMle, logP } from '../../src/core/calibrate/mle.js';
import { hessian, invert, minimise, standardErrors } from '../../src/core/calibrate/optimise.js';

describe('calibrate: the optimiser and the observed information', () => {
  it('finds the minimum of a bowl and its Hessian', () => {
    const f = ([x, y]: number[]) => (x - 1) ** 2 + 3 * (y + 2) ** 2 + x * y;
    const m = minimise(f, [0, 0], [0.5, 0.5]);
    // gradient 0: 2(x-1) + y = 0, 6(y+2) + x = 0
    expect(m.x[0]).toBeCloseTo(24 / 11, 4);
    expect(m.x[1]).toBeCloseTo(-26 / 11, 4);
    const h = hessian(f, m.x);
    expect(h[0][0]).toBeCloseTo(2, 3);
    expect(h[1][1]).toBeCloseTo(6, 3);
    expect(h[0][1]).toBeCloseTo(1, 3);
    const inv = invert(h)!;
    expect(inv[0][0]).toBeCloseTo(6 / 11, 3);
  });

  it('gives a binomial probability its textbook standard error', () => {
    const n = 1000, k = 123;
    const fit = fitMle([{ name: 'p', start: 0.5, range: 'probability' }], ([p]) => -(k * logP(p) + (n - k) * logP(1 - p)));
    expect(fit.estimates[0]).toBeCloseTo(k / n, 5);
    expect(fit.errors[0]!).toBeCloseTo(Math.sqrt((0.123 * 0.877) / n), 4);
  });

  it('keeps the standard errors of the estimates off a bound where one sits on its bound (QA: one at its bound took every error of its fit)', () => {
    // two normal means (sd 0.1 and 0.2) and a probability at 1, where the likelihood is undefined a step beyond
    const f = ([a, b, p]: number[]) => (a - 1) ** 2 / (2 * 0.01) + (b - 2) ** 2 / (2 * 0.04) + (p > 1 ? NaN : -100 * logP(p));
    const se = standardErrors(f, [1, 2, 1]);
    expect(se[0]!).toBeCloseTo(0.1, 4);
    expect(se[1]!).toBeCloseTo(0.2, 4);
    expect(se[2]).toBeUndefined();
  });

  it('gives every estimate its error where the whole Hessian inverts, and none where nothing does', () => {
    const f = ([x, y]: number[]) => (x - 1) ** 2 + 3 * (y + 2) ** 2 + x * y;
    const se = standardErrors(f, [24 / 11, -26 / 11]);
    expect(se[0]!).toBeCloseTo(Math.sqrt(6 / 11), 3);
    expect(se[1]!).toBeCloseTo(Math.sqrt(2 / 11), 3);
    expect(standardErrors(() => 0, [0.3, 0.4])).toEqual([undefined, undefined]);
  });
});
