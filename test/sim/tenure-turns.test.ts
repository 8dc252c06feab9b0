import { describe, expect, it } from 'vitest';
import { tenureMonths } from '../../src/core/payout/tenure.js';
import { A_PROSPECT, NA } from '../../src/core/sim/world.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

const departures = scenarioText(bundled('scenarios/departures.yaml'));
const accounts = bundled('schemes/key-accounts.yaml').replace(/scenario: [^\n]*\n/, '');
/** key accounts' commission, from the rep's month of tenure `from` */
const fromTenure = (from: number) => {
  const text = accounts.replace(/(    rate: 8%\n)/, `$1    tenure_months: {from: ${from}}\n`);
  expect(text).not.toBe(accounts);
  return schemeText(text);
};

/** the mean hours a hire gives prospects in each of his months of tenure 1..12, over the runs */
function hiresProspecting(scheme: ReturnType<typeof schemeText>): number[] {
  const sum = new Float64Array(13);
  const n = new Float64Array(13);
  play(departures, scheme, 8, {
    months: 36,
    observe: (s) => {
      for (let r = 0; r < s.reps.length; r++) {
        if (!s.employed[r] || s.reps[r].start === undefined) continue;
        const served = tenureMonths(s.reps[r], s.month);
        if (served < 1 || served > 12) continue;
        sum[served] += s.lastHours[r * NA + A_PROSPECT];
        n[served]++;
      }
    },
  });
  return Array.from(sum, (x, k) => (n[k] > 0 ? x / n[k] : NaN));
}

describe('a term that turns with a rep\'s tenure', () => {
  it('a commission from his fourth month moves a hire in his fourth month, not at his next six-monthly look', () => {
    const always = hiresProspecting(fromTenure(1));
    const fourth = hiresProspecting(fromTenure(4));
    const at = (xs: number[], from: number, to: number) => xs.slice(from, to + 1).reduce((a, b) => a + b, 0) / (to - from + 1);
    console.log(`hires' prospect hours, tenure 5-7: commission from month 1 ${at(always, 5, 7).toFixed(1)}, from month 4 ${at(fourth, 5, 7).toFixed(1)}`);
    // (asked again only six months on, hires prospected as on salary alone until their eighth month: 50 hours a month fewer at tenure 7)
    expect(at(fourth, 5, 7)).toBeGreaterThan(0.8 * at(always, 5, 7));
  });

  it('a commission from his third month is foreseen from his first: a client he signs now pays him from then', () => {
    const always = hiresProspecting(fromTenure(1));
    const third = hiresProspecting(fromTenure(3));
    console.log(`hires' prospect hours at tenure 1 and 2: commission from month 1 ${always[1].toFixed(1)}, ${always[2].toFixed(1)}; from month 3 ${third[1].toFixed(1)}, ${third[2].toFixed(1)}`);
    // (asked over his open month and the next, where it did not pay yet, a hire prospected 2.8 hours in his first month against 49)
    expect(third[1]).toBeGreaterThan(0.8 * always[1]);
    expect(third[2]).toBeGreaterThan(0.8 * always[2]);
  });
});
