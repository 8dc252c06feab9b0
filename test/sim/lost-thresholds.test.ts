import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

// freight's lifetime scheme (10 % of profit for life); its reps lose about 2.8 clients a month
const freight = scenarioText(bundled('scenarios/freight.yaml'));
const lifetime = bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
const withLines = (lines: string) => schemeText(`${lifetime}${lines}`);
const change = (a: ReturnType<typeof play>, b: ReturnType<typeof play>, name: keyof typeof R, relative = false) =>
  paired(b.map((x, i) => (relative ? x.metrics[R[name]] / a[i].metrics[R[name]] - 1 : x.metrics[R[name]] - a[i].metrics[R[name]])));

describe('pay that turns on how many clients he loses is priced at the losses he expects', () => {
  // (his expected month held signings and activations but no losses: a threshold on lost clients was priced as if he
  // never lost one, so a retention bonus or a penalty band moved no one while it moved his pay by 15-30 %)
  const base = play(freight, schemeText(lifetime), 6, { months: 24 });

  it('a retention bonus of 500 in a month he loses at most 3 clients: more hours on active clients, fewer lost', () => {
    const bonus = play(freight, withLines('  - {id: retention, type: formula, formula: "if(lost_clients <= 3, 500, 0)"}\n'), 6, { months: 24 });
    const active = change(base, bonus, 'effort.active');
    const lost = change(base, bonus, 'clients_lost', true);
    console.log(`retention bonus at <= 3 losses: share of hours on active clients ${fmt(active, 3)}, clients lost ${fmt(lost, 3)}`);
    expect(active.lo).toBeGreaterThan(0);
    expect(lost.hi).toBeLessThan(0);
  });

  it('a profit share cut to 0.6 in a month he loses 2 clients or more: more hours on active clients, fewer lost', () => {
    const bands = '  - id: churn_penalty\n    type: multiplier\n    applies_to: [profit_share]\n    measure: lost_clients\n    bands:\n      - {from: 0, to: 2, factor: 1}\n      - {from: 2, factor: 0.6}\n';
    const penalty = play(freight, withLines(bands), 6, { months: 24 });
    const active = change(base, penalty, 'effort.active');
    const lost = change(base, penalty, 'clients_lost', true);
    console.log(`profit share x0.6 at >= 2 losses: share of hours on active clients ${fmt(active, 3)}, clients lost ${fmt(lost, 3)}`);
    expect(active.lo).toBeGreaterThan(0);
    expect(lost.hi).toBeLessThan(0);
  });

  it('a fine of 250 a lost client capped at 250 a month, which most months reach, holds him less than the fine uncapped', () => {
    const fine = play(freight, withLines('  - {id: churn_fine, type: fine, measure: lost_clients, amount: 250}\n'), 6, { months: 24 });
    const capped = play(freight, withLines('  - {id: churn_fine, type: fine, measure: lost_clients, amount: 250, cap: 250}\n'), 6, { months: 24 });
    const lost = change(fine, capped, 'clients_lost', true);
    console.log(`a fine per lost client capped at one a month, against uncapped: clients lost ${fmt(lost, 3)}`);
    expect(lost.lo).toBeGreaterThan(0);
  });
});
