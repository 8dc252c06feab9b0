import { describe, expect, it } from 'vitest';
import { once } from '../helpers/once.js';
import { fmt, litScheme, paired, playTraced, SEED, sumOf, world, type Traced } from '../helpers/literature.js';

/**
 * Misra and Nair (2011): a plan ratcheted on the rep's own results (next
 * year's = this year's revenue x 1.05) makes reps who are past this year's
 * plan hold sales back near the year's end, since each sale now raises next
 * year's plan. Both schemes pay 2 % of revenue and 24,000 when the year's
 * plan is met; in the first year both plans are the same (the ratchet's floor,
 * 1.2 M: no year before holds revenue), so every difference in it is the
 * reps looking ahead. Paired on common random numbers in the literature
 * world (helpers/literature.ts); another seed: MOTIV_TEST_SEED=2.
 */
const RUNS = 20;
const sc = world();
const runs = Array.from({ length: RUNS }, (_, i) => i);
const reps = Array.from({ length: sc.reps.count }, (_, r) => r);
const PLAN = 1_200_000;
const COMPONENTS = `  - {id: c, type: commission, measure: revenue, rate: 2%}\n  - {id: q, type: bonus, period: year, plan: revenue_plan, threshold: 100%, amount: 24000}\n`;
const play = (plan: string) => once(() => playTraced(sc, litScheme('ratchet', COMPONENTS, `plans:\n  revenue_plan: {measure: revenue, ${plan}}\n`), RUNS, 12));
const fixed = play(`monthly: ${PLAN / 12}`);
const ratchet = play(`formula: "max(prior(revenue, year) * 1.05, ${PLAN}) / 12"`);
const log = (what: string, x: { mean: number; lo: number; hi: number }, digits = 3) => console.log(`[seed ${SEED}] Misra-Nair ratchet: ${what} ${fmt(x, digits)}`);

/** each rep who has met three quarters of the year's plan after nine months under the fixed plan: f(run, rep) */
const pastThePlan = (f: (i: number, r: number) => number): number[] => {
  const out: number[] = [];
  for (const i of runs) for (const r of reps) if (sumOf(fixed(), i, r, 0, 8, 'revenue') >= PLAN * 0.75) out.push(f(i, r));
  return out;
};
const diff = (metric: string, from: number, to: number) => (i: number, r: number) => sumOf(ratchet(), i, r, from, to, metric) - sumOf(fixed(), i, r, from, to, metric);

describe('Misra and Nair (2011): a ratcheted plan makes reps hold back, and removing it raises revenue', () => {
  it('reps past the plan sell less in the last quarter under the ratchet, more so than in the first, and move hours away from the active clients whose sales count now', () => {
    const q4 = paired(pastThePlan(diff('revenue', 9, 11)));
    const shift = paired(pastThePlan((i, r) => diff('revenue', 9, 11)(i, r) - diff('revenue', 0, 2)(i, r)));
    const active = paired(pastThePlan(diff('hours.active', 9, 11)));
    const prospect = paired(pastThePlan(diff('hours.prospect', 9, 11)));
    log(`revenue in Q4 of the reps past 75 % of the plan after 9 months, ratchet - fixed (n=${q4.n})`, q4, 0);
    log('the same, Q4 less Q1', shift, 0);
    log('their hours on active clients in Q4, ratchet - fixed', active, 1);
    log('their hours on prospects in Q4, ratchet - fixed', prospect, 1);
    expect(q4.n).toBeGreaterThan(30);
    expect(q4.hi).toBeLessThan(0);
    expect(shift.hi).toBeLessThan(0);
    expect(active.hi).toBeLessThan(0);
  });

  it('revenue over the year, whose plan is the same under both, is higher without the ratchet', () => {
    const total = (p: Traced, i: number) => reps.reduce((s, r) => s + sumOf(p, i, r, 0, 11, 'revenue'), 0);
    const gain = paired(runs.map((i) => total(fixed(), i) / total(ratchet(), i) - 1));
    log('revenue over the first year, relative gain without the ratchet', gain, 4);
    expect(gain.lo).toBeGreaterThan(0);
  });
});
