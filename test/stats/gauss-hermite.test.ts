import { describe, expect, it } from 'vitest';
import { normalRule } from '../../src/core/stats/gauss-hermite.js';

describe('the Gauss-Hermite rule for a standard normal', () => {
  const { nodes, weights } = normalRule(10);
  const expectation = (f: (z: number) => number) => nodes.reduce((sum, z, i) => sum + weights[i] * f(z), 0);

  it('has the tabulated nodes of the 10-point rule, symmetric and increasing', () => {
    // Abramowitz and Stegun, table 25.10, times √2
    expect(nodes[9] / Math.SQRT2).toBeCloseTo(3.436159118837738, 12);
    expect(nodes[5] / Math.SQRT2).toBeCloseTo(0.342901327223705, 12);
    nodes.forEach((z, i) => expect(z).toBeCloseTo(-nodes[9 - i], 12));
    for (let i = 1; i < 10; i++) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
  });

  it('gives the normal moments exactly up to degree 19', () => {
    expect(expectation(() => 1)).toBeCloseTo(1, 12);
    expect(expectation((z) => z)).toBeCloseTo(0, 12);
    expect(expectation((z) => z * z)).toBeCloseTo(1, 12);
    expect(expectation((z) => z ** 4)).toBeCloseTo(3, 10);
    expect(expectation((z) => z ** 6)).toBeCloseTo(15, 9);
    expect(expectation((z) => z ** 18) / 34459425).toBeCloseTo(1, 9);
  });

  it('gives a lognormal mean', () => {
    // E exp(σZ) = exp(σ²/2)
    expect(expectation((z) => Math.exp(0.3 * z))).toBeCloseTo(Math.exp(0.045), 10);
  });

  it('works for other sizes', () => {
    for (const n of [1, 2, 5, 16]) {
      const r = normalRule(n);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      if (n > 1) expect(r.nodes.reduce((a, z, i) => a + r.weights[i] * z * z, 0)).toBeCloseTo(1, 10);
    }
  });
});
