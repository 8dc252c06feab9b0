import { describe, expect, it } from 'vitest';
import { fitSigning } from '../../src/core/calibrate/response-fits.js';
import { prospectMonthsOf } from '../../src/core/calibrate/client-months.js';

interface ProspectMonth {
  hours: number;
  signed: boolean;
  rep: string;
}
import { draw as uniformOf, nameOf, normalQuantile } from '../../src/core/random/counter.js';
import { ENTITY } from '../../src/core/random/entities.js';
import { STREAM } from '../../src/core/random/streams.js';

/**
 * Prospect-months drawn straight from the signing model: each rep's skill
 * lognormal(0, sigma), hours spread from 0 to 10, P(sign) = sign × s(h × k).
 */
function draw(reps: number, months: number, truth: { sign: number; half: number; sigma: number }, seed: number): ProspectMonth[] {
  const rows: ProspectMonth[] = [];
  for (let r = 0; r < reps; r++) {
    const rep = nameOf(seed, ENTITY.rep, r);
    const k = Math.exp(truth.sigma * normalQuantile(uniformOf(rep, STREAM.skill, 0)));
    for (let i = 0; i < months; i++) {
      const hours = 10 * uniformOf(rep, STREAM.hours, i) ** 2;
      const p = (truth.sign * hours * k) / (hours * k + truth.half);
      rows.push({ rep: `r${r}`, hours, signed: uniformOf(rep, STREAM.transition, i) < p });
    }
  }
  return rows;
}

describe('the signing curve over reps of different prospecting skill', () => {
  it('recovers the curve and the spread of the skills, integrated out rep by rep', () => {
    const truth = { sign: 0.3, half: 4, sigma: 0.35 };
    const fit = fitSigning(prospectMonthsOf(draw(150, 300, truth, 11)));
    const [sign, half, sigma] = fit.estimates;
    expect(fit.names).toEqual(['sign', 'half_hours', 'skill_sigma']);
    expect(fit.skillSigma).toBe(sigma);
    for (const [got, want, i] of [[sign, truth.sign, 0], [half, truth.half, 1], [sigma, truth.sigma, 2]] as const) {
      expect(Math.abs(got - want) / fit.errors[i]!, `${fit.names[i]} = ${got} ± ${fit.errors[i]}`).toBeLessThan(3);
      expect(Math.abs(got / want - 1), fit.names[i]).toBeLessThan(0.15);
    }
    // the fitted rate is the mean over the skills: between the curve of a rep two sds weaker and one two sds stronger
    const at = (h: number, k: number) => (sign * h * k) / (h * k + half);
    expect(fit.rate(0)).toBe(0);
    expect(fit.rate(2)).toBeGreaterThan(at(2, Math.exp(-2 * sigma)));
    expect(fit.rate(2)).toBeLessThan(at(2, Math.exp(2 * sigma)));
    expect(fit.rate(200)).toBeGreaterThan(0.95 * sign);
  });

  it('takes every rep at skill 1 with fewer than 3 reps', () => {
    const fit = fitSigning(prospectMonthsOf(draw(2, 3000, { sign: 0.3, half: 4, sigma: 0 }, 5)));
    expect(fit.names).toEqual(['sign', 'half_hours']);
    expect(fit.skillSigma).toBeUndefined();
    expect(Math.abs(fit.estimates[0] - 0.3) / fit.errors[0]!).toBeLessThan(3);
    expect(fit.rate(4)).toBeCloseTo(fit.estimates[0] * (4 / (4 + fit.estimates[1])), 12);
  });

  it('a curve fitted as if all reps were equal comes out flatter', () => {
    const truth = { sign: 0.3, half: 4, sigma: 0.6 };
    const rows = draw(150, 300, truth, 12);
    const mixed = fitSigning(prospectMonthsOf(rows));
    const equal = fitSigning(prospectMonthsOf(rows.map((r) => ({ ...r, rep: 'everyone' }))));
    expect(equal.skillSigma).toBeUndefined();
    expect(Math.abs(mixed.estimates[0] / truth.sign - 1)).toBeLessThan(0.15);
    // lower than the mixed fit's by the skills' spread (a few per cent for sd 0.6, more than any seed's noise)
    expect(equal.estimates[0]).toBeLessThan(0.95 * mixed.estimates[0]);
    expect(equal.estimates[1]).toBeLessThan(mixed.estimates[1]);
  });
});
