import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

// freight's lifetime scheme: 10 % of a client's profit, every month of its life; the runs start in January 2026
const freight = scenarioText(bundled('scenarios/freight.yaml'));
const lifetime = bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
/** the profit share from July: `rate` */
const fromJuly = (rate: string) => schemeText(lifetime.replace('    rate: 10%\n', `    rate:\n      - value: 10%\n      - {from: 2026-07, value: ${rate}}\n`));
const change = (a: ReturnType<typeof play>, b: ReturnType<typeof play>, name: keyof typeof R) => paired(b.map((x, i) => x.metrics[R[name]] - a[i].metrics[R[name]]));

describe('a change of the scheme written ahead is foreseen', () => {
  // over the first five months, before it takes effect: what a client won now pays him from July on is at the new rate
  // (he saw a change only the month before it: every behaviour 0.0 [0.0, 0.0] until June)
  const now = play(freight, schemeText(lifetime), 6, { months: 5 });

  it('a profit share raised from 10 % to 15 % in July: more hours, more of them on prospects, more signings, from January', () => {
    const raised = play(freight, fromJuly('15%'), 6, { months: 5 });
    const hours = change(now, raised, 'hours_per_rep');
    const prospect = change(now, raised, 'effort.prospect');
    const signed = change(now, raised, 'clients_signed');
    console.log(`raised in July, months 1-5: hours ${fmt(hours, 2)}, share on prospects ${fmt(prospect, 4)}, signings ${fmt(signed, 1)}`);
    expect(hours.lo).toBeGreaterThan(0);
    expect(prospect.lo).toBeGreaterThan(0);
    expect(signed.lo).toBeGreaterThan(0);
  });

  it('cut to 5 % in July: fewer hours, fewer of them on prospects (a client now pays less from July), fewer signings', () => {
    const cut = play(freight, fromJuly('5%'), 6, { months: 5 });
    const hours = change(now, cut, 'hours_per_rep');
    const prospect = change(now, cut, 'effort.prospect');
    const signed = change(now, cut, 'clients_signed');
    console.log(`cut in July, months 1-5: hours ${fmt(hours, 2)}, share on prospects ${fmt(prospect, 4)}, signings ${fmt(signed, 1)}`);
    expect(hours.hi).toBeLessThan(0);
    expect(prospect.hi).toBeLessThan(0);
    expect(signed.hi).toBeLessThan(0);
  });
});

describe('a change written ahead is foreseen under a scheme paid in parts', () => {
  // the same, beside a quarterly bonus per signing that pays apart over its quarter (period-parts.ts); he saw nothing
  // of the change before it (every behaviour 0.0 [0.0, 0.0] in months 1-5)
  const quarterly = '  - id: quarter_signings\n    type: per_unit\n    period: quarter\n    measure: new_clients\n    amount: 100\n';
  const parts = (rate?: string) =>
    schemeText((rate === undefined ? lifetime : lifetime.replace('    rate: 10%\n', `    rate:\n      - value: 10%\n      - {from: 2026-07, value: ${rate}}\n`)) + quarterly);
  const now = play(freight, parts(), 6, { months: 5 });

  it('the profit share raised in July: more hours and activations from January; cut: fewer (the signing bonus, unchanged, weighs more against it)', () => {
    const raised = play(freight, parts('15%'), 6, { months: 5 });
    const cut = play(freight, parts('5%'), 6, { months: 5 });
    const up = change(now, raised, 'hours_per_rep');
    const down = change(now, cut, 'hours_per_rep');
    const activatedUp = change(now, raised, 'clients_activated');
    const activatedDown = change(now, cut, 'clients_activated');
    console.log(`in parts, months 1-5: raised hours ${fmt(up, 2)}, activations ${fmt(activatedUp, 1)}; cut hours ${fmt(down, 2)}, activations ${fmt(activatedDown, 1)}`);
    expect(up.lo).toBeGreaterThan(0);
    expect(activatedUp.lo).toBeGreaterThan(0);
    expect(down.hi).toBeLessThan(0);
    expect(activatedDown.hi).toBeLessThan(0);
  });
});
