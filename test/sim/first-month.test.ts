import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

// freight's lifetime scheme (10 % of a client's profit, for life); the runs start in January with no month behind them
const freight = scenarioText(bundled('scenarios/freight.yaml'));
const lifetime = bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
const change = (a: ReturnType<typeof play>, b: ReturnType<typeof play>, name: keyof typeof R) => paired(b.map((x, i) => x.metrics[R[name]] - a[i].metrics[R[name]]));

describe('his first month is chosen on the month his hours make, not on an empty one', () => {
  it('a bonus at four signings a month (reps sign about four) moves January: more prospecting, more signings', () => {
    // (he reckoned with no signings at all in his first month: January was the scheme's without the bonus, to the cent)
    const now = play(freight, schemeText(lifetime), 6, { months: 1 });
    const bonus = play(freight, schemeText(`${lifetime}  - {id: kicker, type: bonus, measure: new_clients, threshold: 4, amount: 1000}\n`), 6, { months: 1 });
    const prospect = change(now, bonus, 'effort.prospect');
    const signed = change(now, bonus, 'clients_signed');
    console.log(`January, a bonus at 4 signings: share on prospects ${fmt(prospect, 4)}, signings ${fmt(signed, 1)}`);
    expect(prospect.lo).toBeGreaterThan(0.05);
    expect(signed.lo).toBeGreaterThan(0);
  });

  it('a gate on coverage his hours meet anyway costs little: he does not drop his prospects to contact clients he contacts already', () => {
    // (he saw nobody contacted: the gate shut, each client's contact worth the whole profit share; over these six months
    // prospects' share -18.3 points [-20.0, -16.6], revenue -7.8 % [-10.5, -5.1])
    const now = play(freight, schemeText(lifetime), 6, { months: 6 });
    const gated = play(freight, schemeText(lifetime.replace('    rate: 10%\n', '    rate: 10%\n    gate: {measure: coverage, min: 90%}\n')), 6, { months: 6 });
    const prospect = change(now, gated, 'effort.prospect');
    const revenue = paired(gated.map((x, i) => x.metrics[R.revenue] / now[i].metrics[R.revenue] - 1));
    console.log(`months 1-6, profit share gated on coverage of 90 %: share on prospects ${fmt(prospect, 4)}, revenue ${fmt(revenue, 4)}`);
    expect(Math.abs(prospect.mean)).toBeLessThan(0.05);
    expect(Math.abs(revenue.mean)).toBeLessThan(0.02);
  });
});
