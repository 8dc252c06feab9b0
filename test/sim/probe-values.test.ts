import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/core/sim/run.js';
import type { RunState } from '../../src/core/sim/state.js';
import { LITERATURE_WORLD, litScheme, world } from '../helpers/literature.js';
import { scenarioText } from '../helpers/sim.js';
import { paymentTiming } from '../../src/core/sim/payment-timing.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { once } from '../helpers/once.js';

/**
 * What the engine's answers are worth to a rep (probes.ts), read straight off
 * the simulation: no behaviour here, only the value a unit of revenue has
 * under a scheme, against where the rep stands.
 */
const sc = world();
const RUNS = 12;

/** each rep's rate on a unit of active clients' revenue, now and next, and his revenue so far this year, month by month */
function rates(components: string, extra = '', scenario: Scenario = sc): { t: number; now: number; next: number; ytd: number; linear: boolean }[] {
  const out: { t: number; now: number; next: number; ytd: number; linear: boolean }[] = [];
  const ytd = new Float64Array(sc.reps.count);
  const observe = (s: RunState) => {
    if (s.t === 0) ytd.fill(0);
    for (let r = 0; r < sc.reps.count; r++) {
      // the rates he decided this month on (probed before the month's sales), then this month's revenue added
      out.push({ t: s.t, now: s.repRates[r][0].active[0], next: s.repNext[r][0].active[0], ytd: ytd[r], linear: s.probers[r].linear });
      const led = s.ledger.reps.get(s.reps[r].id)!;
      for (const tx of led.txByMonth.get(s.month) ?? []) ytd[r] += tx.revenue;
    }
  };
  const sim = new Simulator({ scenario, schemes: [{ scheme: litScheme('probe', components, extra), from: 0 }], months: 12, seed: 1, detail: false, observe });
  for (let i = 0; i < RUNS; i++) sim.run(i);
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('the value of a unit of revenue, as the probes find it', () => {
  it('under a plain commission it is the rate, whatever the luck, and the pay is found linear in it', () => {
    const r = rates(`  - {id: c, type: commission, measure: revenue, rate: 3%}\n`);
    for (const x of r) {
      // (pay is rounded to the cent: a probe of one client's month moves the rate in the fifth decimal)
      expect(x.now).toBeCloseTo(0.03, 4);
      expect(x.next).toBeCloseTo(0.03, 4);
      expect(x.linear).toBe(true);
    }
  });

  // an annual bonus of 20,000 at 1.2 million of revenue a year: a stretch for the average rep's ~1.1 million
  const bonus = once(() => rates(`  - {id: q, type: bonus, period: year, measure: revenue, threshold: 1200000, amount: 20000}\n`));
  it('under an annual revenue bonus it is highest for the reps within reach of it late in the year, small far below and past it', () => {
    // after nine months: where each rep stands against the threshold, on his pace
    const late = bonus().filter((x) => x.t === 9);
    const pace = (x: { ytd: number }) => (x.ytd * 12) / 9 / 1_200_000;
    const near = late.filter((x) => pace(x) >= 0.9 && pace(x) < 1.05).map((x) => x.now);
    const far = late.filter((x) => pace(x) < 0.7).map((x) => x.now);
    const past = late.filter((x) => pace(x) >= 1.4).map((x) => x.now);
    expect(near.length).toBeGreaterThan(3);
    expect(far.length + past.length).toBeGreaterThan(3);
    for (const group of [far, past]) if (group.length > 0) expect(mean(near)).toBeGreaterThan(3 * mean(group));
    // and the pay bends with his luck where the threshold is within reach
    expect(late.filter((x) => pace(x) >= 0.9 && pace(x) < 1.05).some((x) => !x.linear)).toBe(true);
  });

  it('a year-end threshold sharpens as the year ends: near it, a unit is worth more in the last quarter than in the first', () => {
    const b = bonus();
    const pace = (x: { ytd: number; t: number }) => (x.t === 0 ? 0 : (x.ytd * 12) / x.t / 1_200_000);
    const early = b.filter((x) => x.t === 2 && pace(x) >= 0.95 && pace(x) < 1.05).map((x) => x.now);
    const late = b.filter((x) => x.t === 10 && pace(x) >= 0.97 && pace(x) < 1.03).map((x) => x.now);
    expect(early.length).toBeGreaterThan(2);
    expect(late.length).toBeGreaterThan(0);
    expect(mean(late)).toBeGreaterThan(mean(early));
  });

  it('a cap passed makes more revenue worth nothing in its period, and one out of reach leaves the rate whole', () => {
    // 3 % of revenue (about 100,000 a rep-month): capped at 500 a month, passed by every rep; at 50,000, never reached
    const low = rates(`  - {id: c, type: commission, measure: revenue, rate: 3%, cap: 500}\n`).filter((x) => x.t > 0);
    const high = rates(`  - {id: c, type: commission, measure: revenue, rate: 3%, cap: 50000}\n`).filter((x) => x.t > 0);
    expect(mean(low.map((x) => x.now))).toBeLessThan(0.003);
    expect(mean(high.map((x) => x.now))).toBeCloseTo(0.03, 4);
  });

  describe('where clients pay after the sale', () => {
    // invoices due 30 days after the sale, a third of them paid about three weeks late, 3 % never
    const late = once(() => scenarioText(`${LITERATURE_WORLD}payment: {terms_days: 30, on_time: 0.67, days_late: {lognormal: {median: 21, sigma: 0.8}}, never: 0.03}\n`));

    it('under a commission on money collected a unit of revenue is worth the rate on what is paid: the part paid within the month now, the rest a month later, discounted, and nothing of what is never paid', () => {
      const timing = paymentTiming(late().payment);
      // a probe sale is on the 15th: paid by the month's end within 15 to 16 days (a 30- or 31-day month)
      const low = 0.03 * (timing.within(15) + (timing.ever - timing.within(15)) * late().decision.discount);
      const high = 0.03 * (timing.within(16) + (timing.ever - timing.within(16)) * late().decision.discount);
      expect(high).toBeLessThan(0.03 * 0.98);
      for (const x of rates(`  - {id: c, type: commission, measure: collected, rate: 3%}\n`, '', late())) {
        expect(x.now).toBeGreaterThan(low - 1e-4);
        expect(x.now).toBeLessThan(high + 1e-4);
      }
    });

    it("prices a sale by its own segment's terms: the same terms set on each segment or for the whole scenario give the same value", () => {
      const PAY = '{terms_days: 30, on_time: 0.67, days_late: {lognormal: {median: 21, sigma: 0.8}}, never: 0.03}';
      const perSegment = scenarioText(LITERATURE_WORLD.replace(/margin: \{uniform: \{min: 0.2, max: 0.3\}\}\n/g, `margin: {uniform: {min: 0.2, max: 0.3}}\n    payment: ${PAY}\n`));
      expect(perSegment.payment).toBeUndefined();
      expect(perSegment.segments.every((g) => g.payment !== undefined)).toBe(true);
      const collected = `  - {id: c, type: commission, measure: collected, rate: 3%}\n`;
      const value = (scenario: Scenario) => mean(rates(collected, '', scenario).map((x) => x.now));
      expect(value(perSegment)).toBeCloseTo(value(late()), 4);
      expect(value(perSegment)).toBeLessThan(0.03 * 0.98);
    });

    it('under a commission on revenue it is still the rate: when a sale is paid does not matter to it', () => {
      for (const x of rates(`  - {id: c, type: commission, measure: revenue, rate: 3%}\n`, '', late())) expect(x.now).toBeCloseTo(0.03, 4);
    });
  });
});
