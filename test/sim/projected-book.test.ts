import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { R, type RunResult } from '../../src/core/sim/metrics.js';
import { signedPath } from '../../src/core/sim/projected-book.js';
import type { ClientDynamics } from '../../src/core/sim/client-dynamics.js';

describe('what a client signed now buys in the months ahead (signedPath)', () => {
  const dyn = (x: Partial<ClientDynamics>): ClientDynamics => ({ survival: 1, q: 0.5, wStar: 0.6, walletStart: 0.2, walletSigned: 0.1, pActivate: 1, pCold: 0, ...x });

  it('a client that activates at once starts at walletStart and climbs halfway to wStar each month at q = 0.5', () => {
    const out = new Float64Array(5);
    signedPath(dyn({}), 4, out);
    expect([...out.subarray(1)].map((x) => +x.toFixed(6))).toEqual([0.2, 0.4, 0.5, 0.55]);
  });

  it('a client that never activates buys what a signed one buys while it has not gone cold', () => {
    const out = new Float64Array(4);
    signedPath(dyn({ pActivate: 0, pCold: 0.5 }), 3, out);
    expect([...out.subarray(1)]).toEqual([0.05, 0.025, 0.0125]);
  });

  it('an active client lost with a chance each month buys that much less', () => {
    const kept = new Float64Array(4);
    const lost = new Float64Array(4);
    signedPath(dyn({}), 3, kept);
    signedPath(dyn({ survival: 0.9 }), 3, lost);
    for (let k = 2; k <= 3; k++) expect(lost[k]).toBeLessThan(kept[k]);
  });
});

/**
 * A rep values a client won now at the rates of the periods ahead; a
 * threshold (a gate, a bonus) his book is below now but will pass as it
 * grows used to be valued shut (QA16 #3). Now, where his book will buy
 * materially more by the middle of his horizon, he asks the rates on it
 * too and reckons with them from then on (projected-book.ts).
 */
describe('a rep reckons with a threshold his growing book will pass', () => {
  const scenario = scenarioText(bundled('scenarios/freight.yaml'));
  const runs = 10;
  const opts = { months: 12 };
  const diff = (a: RunResult[], b: RunResult[], metric: keyof typeof R) => paired(a.map((r, i) => b[i].metrics[R[metric]] - r.metrics[R[metric]]));

  it('under 12 % of profit gated at 90 % of a monthly plan his January book is far below, he hunts more and sells more than on his book as it stands', () => {
    const gated = schemeText(
      'name: t\ncurrency: EUR\nplans:\n  gp_plan: {measure: gross_profit, monthly: 18000}\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 12%, gate: {plan: gp_plan, min: 90%}}\n',
    );
    const standing = play(scenario, gated, runs, { ...opts, standingBooks: true });
    const projected = play(scenario, gated, runs, opts);
    const prospects = diff(standing, projected, 'effort.prospect');
    const revenue = paired(standing.map((r, i) => projected[i].metrics[R.revenue] / r.metrics[R.revenue] - 1));
    console.log(`freight, 12 months, a gate his growing book will pass, his book projected against as it stands: prospects' share ${fmt(prospects)}, revenue ${fmt(revenue)} (relative)`);
    expect(prospects.lo).toBeGreaterThan(0);
    expect(revenue.lo).toBeGreaterThan(0);
  });

  it('under a commission that pays alike at any size the projection changes nothing', () => {
    const linear = schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 10%}\n');
    const standing = play(scenario, linear, 4, { ...opts, standingBooks: true });
    const projected = play(scenario, linear, 4, opts);
    expect(projected.map((r) => r.metrics)).toEqual(standing.map((r) => r.metrics));
  });
});
