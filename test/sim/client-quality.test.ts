import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/core/sim/run.js';
import type { RunState } from '../../src/core/sim/state.js';
import { LOST, NONE } from '../../src/core/sim/world.js';
import type { Scheme } from '../../src/core/types.js';
import { LITERATURE_SEGMENTS, LITERATURE_WORLD, litScheme, paired } from '../helpers/literature.js';
import { once } from '../helpers/once.js';
import { loadScenario } from '../../src/core/scenario/load.js';
import { scenarioText } from '../helpers/sim.js';

/**
 * Kim, Sudhir and Uetake: paying for signings alone attracts clients who are
 * easy to sign and quick to leave; pay for keeping them reduces churn. The
 * literature's world, its two segments given a quality each: `quick` signs
 * three times as easily and churns six times as fast as `loyal`, alike in
 * everything else.
 */
const QUALITY_SEGMENTS = `segments:
  loyal:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
    response: {prospect: {sign: 0.06}}
    drift: {churn: 0.02}
  quick:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
    response: {prospect: {sign: 0.18}}
    drift: {churn: 0.12}
`;
const QUALITY = LITERATURE_WORLD.replace(LITERATURE_SEGMENTS, QUALITY_SEGMENTS);
const sc = scenarioText(QUALITY);
const RUNS = 30;

interface Counts {
  signed: number[];
  quickSigned: number[];
  lost: number[];
}

/** per run: clients signed during it (and of them from `quick`), and clients lost */
function play(scheme: Scheme): Counts {
  const out: Counts = { signed: [], quickSigned: [], lost: [] };
  const quick = sc.segments.findIndex((s) => s.name === 'quick');
  const observe = (s: RunState) => {
    if (s.t !== 11) return;
    const w = s.w;
    let signed = 0, q = 0, lost = 0;
    for (let i = 0; i < w.count; i++) {
      if (w.signedAt[i] !== NONE && w.signedAt[i] >= 0) {
        signed++;
        if (w.segment[i] === quick) q++;
      }
      if (w.state[i] === LOST && w.lostAt[i] >= 0) lost++;
    }
    out.signed.push(signed);
    out.quickSigned.push(q);
    out.lost.push(lost);
  };
  const sim = new Simulator({ scenario: sc, schemes: [{ scheme, from: 0 }], months: 12, seed: 1, detail: false, observe });
  for (let i = 0; i < RUNS; i++) sim.run(i);
  return out;
}

const runs = Array.from({ length: RUNS }, (_, i) => i);
const salary = once(() => play(litScheme('salary', '')));
const perSigning = once(() => play(litScheme('signings', `  - {id: each, type: per_unit, measure: new_clients, amount: 600}\n`)));
const withKeep = once(() => play(litScheme('signings and keeping', `  - {id: each, type: per_unit, measure: new_clients, amount: 600}\n  - {id: keep, type: commission, measure: revenue, filter: {category: active}, rate: 3%}\n`)));

describe('client quality: segments that differ in how easily they sign and how fast they leave', () => {
  it('the scenario reads each segment its own rates, the others the scenario’s', () => {
    const quick = sc.segments.find((s) => s.name === 'quick')!;
    const loyal = sc.segments.find((s) => s.name === 'loyal')!;
    expect([quick.response.prospect.sign, quick.drift.churn, loyal.response.prospect.sign, loyal.drift.churn]).toEqual([0.18, 0.12, 0.06, 0.02]);
    expect(quick.response.signed.activate).toBe(sc.response.signed.activate);
    expect(quick.drift.walletStart).toBe(sc.drift.walletStart);
  });

  it('a segment whose own rates make an impossible probability is an error placed at its key', () => {
    const bad = QUALITY.replace('drift: {churn: 0.12}', 'drift: {churn: 0.12, activate: 0.5, signed_cold: 0.6}');
    const { scenario, problems } = loadScenario('quality.yaml', bad);
    expect(scenario).toBeUndefined();
    const p = problems.find((x) => x.code === 'bad-value')!;
    expect(p.message).toMatch(/segment 'quick': drift.activate plus drift.signed_cold is above 1/);
    expect(p.path).toEqual(['segments', 'quick', 'drift', 'signed_cold']);
  });

  it('paying for signings alone draws the reps to the clients easy to sign: a larger share of signings comes from them than under salary', () => {
    const share = (c: Counts, i: number) => c.quickSigned[i] / c.signed[i];
    const d = paired(runs.map((i) => share(perSigning(), i) - share(salary(), i)));
    expect(d.lo).toBeGreaterThan(0);
  });

  it('adding pay for keeping clients reduces the clients lost, on the same runs', () => {
    const d = paired(runs.map((i) => withKeep().lost[i] - perSigning().lost[i]));
    expect(d.hi).toBeLessThan(0);
  });
});
