import { describe, expect, it } from 'vitest';
import { G, payComponents, R, RUN_METRICS, SEGMENT_METRICS } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, meanOf, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * The simulated reps value a formula component, a term of their own and a
 * ramp through the payout engine, like any other rule: no agent code knows
 * them. A rule paying the same as a commission is played the same, run for
 * run; a ramp pays only the hires in their first months.
 */
const withCommission = (line: string) => `
name: ten percent of profit
currency: EUR
components:
  - {id: salary, type: salary, amount: 1500}
  - ${line}
`;

describe('the simulated reps value the new constructs through the payout engine', () => {
  // the freight world, each rep's own rate drawn as 10 % for everybody
  const freight = scenarioText(bundled('scenarios/freight.yaml').replace('  effort_taste:', '  columns:\n    rate: 0.1\n  effort_taste:'));

  it('a formula component and rates of the rep\'s own that pay 10 % of profit are played as the commission of 10 %, run for run', () => {
    const runs = (line: string) => play(freight, schemeText(withCommission(line)), 2, { months: 6 }).map((r) => [...r.metrics]);
    const commission = runs('{id: pay, type: commission, measure: gross_profit, rate: 10%}');
    expect(runs('{id: pay, type: formula, formula: "gross_profit * 0.1"}')).toEqual(commission);
    expect(runs('{id: pay, type: commission, measure: gross_profit, rate: {formula: "0.1"}}')).toEqual(commission);
    expect(runs('{id: pay, type: commission, measure: gross_profit, rate: {column: rate}}')).toEqual(commission);
    // and the reps do respond to what the formula pays: none of it, and they prospect less
    const none = play(freight, schemeText(withCommission('{id: pay, type: formula, formula: "gross_profit * 0"}')), 2, { months: 6 });
    const effort = RUN_METRICS.findIndex((m) => m.name === 'effort.prospect');
    expect(none[0].metrics[effort]).not.toEqual(commission[0][effort]);
  });

  it('a draw in the first three months pays the hires of a world with departures, and never the starting team', () => {
    const scheme = schemeText(bundled('schemes/saas-ote.yaml').replace('scenario: ../scenarios/saas.yaml\n', ''));
    const saas = scenarioText(bundled('scenarios/saas.yaml').replace('scheme: ../schemes/saas-ote.yaml\n', ''));
    const results = play(saas, scheme, 4, { months: 24 });
    const draw = payComponents([scheme]).indexOf('ramp_draw');
    expect(meanOf(results, 'reps_departed')).toBeGreaterThan(0);
    for (const r of results) {
      const departed = r.metrics[RUN_METRICS.findIndex((m) => m.name === 'reps_departed')];
      if (departed === 0) expect(r.components[draw]).toBe(0);
    }
    expect(results.some((r) => r.components[draw] > 0)).toBe(true);
    // without departures nobody is hired: nobody is ever on a ramp
    const stayers = play(scenarioText(bundled('scenarios/saas.yaml').replace('scheme: ../schemes/saas-ote.yaml\n', '').replace(/\ndepartures:[\s\S]*?ramp_start: 0.4\n/, '\n')), scheme, 2, { months: 12 });
    for (const r of stayers) expect(r.components[draw]).toBe(0);
  });
});

describe('a draw, guaranteed or advanced', () => {
  // freight's lifetime scheme (10 % of profit over a salary), and a draw of 2,500 a month on top
  const scheme = (draw: string) => schemeText(bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '') + (draw ? `  - {id: draw, type: draw, amount: 2500, ${draw}}\n` : ''));
  const freight = scenarioText(bundled('scenarios/freight.yaml').replace('scheme: ../schemes/freight-lifetime.yaml\n', ''));
  const RUNS = 8;
  const hours = (draw: string) => play(freight, scheme(draw), RUNS, { months: 12 }).map((r) => r.metrics[R.hours_per_rep]);

  it('a recoverable draw is an advance owed back from later pay: reps work about as hard as with none, and much harder than under a guarantee', () => {
    const none = hours('');
    const advance = hours('recoverable: true');
    const guarantee = hours('recoverable: false');
    const vsNone = paired(advance.map((x, i) => x - none[i]));
    const vsGuarantee = paired(advance.map((x, i) => x - guarantee[i]));
    console.log(`draw: hours a rep-month, advance - none ${fmt(vsNone, 2)}, advance - guarantee ${fmt(vsGuarantee, 2)}`);
    // a guarantee topping up to 2,500 leaves a rep below it nothing to earn at the margin; an advance is a loan he repays
    expect(vsGuarantee.lo).toBeGreaterThan(5);
    expect(Math.abs(vsNone.mean)).toBeLessThan(vsGuarantee.mean / 5);
  });
});

describe('a clawback', () => {
  // freight's new-client scheme: half of a new client's profit in its first months, clawed back if it is lost within six months of signing
  const base = bundled('schemes/freight-new-client.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
  const clawed = base.replace(/(id: new_client_profit[\s\S]*?rate: 50%\n)/, '$1    clawback: {within_months: 6, since: signing}\n');
  const freight = scenarioText(bundled('scenarios/freight.yaml').replace('scheme: ../schemes/freight-lifetime.yaml\n', ''));
  const RUNS = 8;

  it('makes keeping a young client worth what its loss would take back: reps give existing clients more of their time, and lose fewer', () => {
    expect(clawed).not.toBe(base);
    const a = play(freight, schemeText(base), RUNS, { months: 12 });
    const b = play(freight, schemeText(clawed), RUNS, { months: 12 });
    const existing = (r: (typeof a)[number]) => r.metrics[R['effort.signed']] + r.metrics[R['effort.active']];
    const share = paired(b.map((r, i) => existing(r) - existing(a[i])));
    const lost = paired(b.map((r, i) => r.metrics[R.clients_lost] - a[i].metrics[R.clients_lost]));
    console.log(`clawback: share on existing clients, clawback - none ${fmt(share, 4)}; clients lost ${fmt(lost, 1)}`);
    expect(share.lo).toBeGreaterThan(0);
    expect(lost.hi).toBeLessThan(0);
  });

  it('makes a client likely to be lost within the window worth less to sign: reps sign fewer of the segment that leaves soon, and more of the one that stays', () => {
    // key clients rarely leave (2 % a month), standard ones often (15 %): a signing's pay is kept only if the client outlives the window
    const churning = scenarioText(
      bundled('scenarios/freight.yaml')
        .replace('scheme: ../schemes/freight-lifetime.yaml\n', '')
        .replace(/(margin: \{uniform: \{min: 0\.12, max: 0\.18\}\}\n)/, '$1    drift: {churn: 0.02}\n')
        .replace(/(margin: \{uniform: \{min: 0\.15, max: 0\.22\}\}\n)/, '$1    drift: {churn: 0.15}\n'),
    );
    expect(churning.segments.map((g) => g.drift.churn)).toEqual([0.02, 0.15]);
    const a = play(churning, schemeText(base), RUNS, { months: 12 });
    const b = play(churning, schemeText(clawed), RUNS, { months: 12 });
    const GW = SEGMENT_METRICS.length;
    const signed = (r: (typeof a)[number], g: number) => r.segments[g * GW + G.clients_signed];
    const key = paired(b.map((r, i) => signed(r, 0) - signed(a[i], 0)));
    const standard = paired(b.map((r, i) => signed(r, 1) / (signed(r, 0) + signed(r, 1)) - signed(a[i], 1) / (signed(a[i], 0) + signed(a[i], 1))));
    console.log(`clawback: key clients signed, clawback - none ${fmt(key, 1)}; standard clients' share of signings ${fmt(standard, 4)}`);
    expect(key.lo).toBeGreaterThan(0);
    expect(standard.hi).toBeLessThan(-0.02);
  });
});
