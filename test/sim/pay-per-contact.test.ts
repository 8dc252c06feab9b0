import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { hourValue } from '../../src/core/sim/probe-activity.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * Pay per contact, in the freight world (reps touch about 170 firms a month,
 * most of them prospects). `contacts` counts a contact with any firm, as the
 * ledger logs it; `clients_contacted` only his own signed and active clients.
 */
const freight = scenarioText(bundled('scenarios/freight.yaml').replace('scheme: ../schemes/freight-lifetime.yaml\n', ''));
const lifetime = bundled('schemes/freight-lifetime.yaml').replace('scenario: ../scenarios/freight.yaml\n', '');
/** the profit share for life with one more component */
const withComponent = (component: string) => schemeText(lifetime.replace(/\ncomponents:\n/, `\ncomponents:\n  - ${component}\n`));
const RUNS = 6;
const MONTHS = 24;
/** paired change of a run metric, B - A, over the runs */
const changeOf = (a: ReturnType<typeof play>, b: ReturnType<typeof play>, name: keyof typeof R) => paired(b.map((x, i) => x.metrics[R[name]] - a[i].metrics[R[name]]));

describe('pay per contact', () => {
  const none = play(freight, schemeText(lifetime), RUNS, { months: MONTHS });
  const perContact = play(freight, withComponent('{id: per_contact, type: per_unit, measure: contacts, amount: 20}'), RUNS, { months: MONTHS });

  it('20 per contact (prospects included) moves hours to prospects, where contacts are most of the count, and a rep works more of them', () => {
    const prospect = changeOf(none, perContact, 'effort.prospect');
    const hours = changeOf(none, perContact, 'hours_per_rep');
    const coverage = changeOf(none, perContact, 'base_coverage');
    console.log(`20 per contact: share of hours on prospects ${fmt(prospect, 3)}, hours a rep-month ${fmt(hours, 1)}, base coverage ${fmt(coverage, 3)}`);
    // (priced over his own clients only, which a scheme reading contacts alone never lists: every change exactly 0, pay +652 k)
    expect(prospect.lo).toBeGreaterThan(0.015);
    expect(hours.lo).toBeGreaterThan(2);
    expect(coverage.lo).toBeGreaterThan(0.03);
  });

  it('it moves fewer hours than the same money paid per hour (21 an hour): a contact is paid once, however long it takes', () => {
    const perHour = play(freight, withComponent('{id: per_hour, type: per_unit, measure: hours, amount: 21}'), RUNS, { months: MONTHS });
    const pay = (b: ReturnType<typeof play>) => paired(b.map((x, i) => x.metrics[R.pay_total] / none[i].metrics[R.pay_total] - 1));
    const contactPay = pay(perContact);
    const hourPay = pay(perHour);
    const fewer = changeOf(perHour, perContact, 'hours_per_rep');
    console.log(`pay per contact against per hour: pay ${fmt(contactPay, 3)} against ${fmt(hourPay, 3)}, hours a rep-month ${fmt(fewer, 1)}`);
    // (the two pay about as much: within a tenth of each other)
    expect(Math.abs(contactPay.mean - hourPay.mean)).toBeLessThan(0.1 * hourPay.mean);
    expect(fewer.hi).toBeLessThan(0);
  });

  it('20 per client contacted pays nothing for a prospect: it does not move hours to prospects', () => {
    const perClient = play(freight, withComponent('{id: per_client, type: per_unit, measure: clients_contacted, amount: 20}'), RUNS, { months: MONTHS });
    const prospect = changeOf(none, perClient, 'effort.prospect');
    console.log(`20 per client contacted: share of hours on prospects ${fmt(prospect, 3)}`);
    expect(prospect.hi).toBeLessThan(0.005);
  });
});

describe('what an hour is worth over the pushes of an hour probe', () => {
  it('where pay flattens, what the largest push pays per hour; where a push loses pay (a gate), the best per hour', () => {
    // 10 an hour up to 60 hours, a rep at 54 probed with 4, 5.4 and 16.2 more: the last pays 60 over its 16.2 hours
    const capped = (h: number) => 10 * Math.min(h, 6);
    expect(hourValue([4, 5.4, 16.2], capped)).toBeCloseTo(60 / 16.2, 9);
    // 5 an hour, 3,000 lost past 200 hours, a rep at 177: the drop is a gate on his hours (priced as one), not a price of each hour
    const gated = (h: number) => 5 * h - (177 + h > 200 ? 3000 : 0);
    expect(hourValue([4, 17.7, 53.1], gated)).toBe(5);
    // linear pay: the rate; one push: its rate
    expect(hourValue([4, 8, 12], (h) => 7 * h)).toBeCloseTo(7, 9);
    expect(hourValue([4], (h) => 3 * h)).toBe(3);
  });
});

describe('pay per hour with a cap', () => {
  // beside 2 % of profit for life, reps prospect 50-110 hours a month; 10 an hour of prospecting, at most 600 a month (60 hours)
  const base = lifetime.replace('    rate: 10%\n', '    rate: 2%\n');
  const none = play(freight, schemeText(base), RUNS, { months: MONTHS });
  const capped = play(freight, schemeText(`${base}  - {id: per_hour, type: per_unit, measure: hours, filter: {activity: prospect}, amount: 10, cap: 600}\n`), RUNS, { months: MONTHS });

  it('moves a rep below the cap up towards it, not past it: what a push past the cap pays per hour, not its first hours', () => {
    const prospect = changeOf(none, capped, 'effort.prospect');
    const signed = paired(capped.map((x, i) => x.metrics[R.clients_signed] / none[i].metrics[R.clients_signed] - 1));
    console.log(`10 an hour of prospecting capped at 60 hours: share on prospects ${fmt(prospect, 4)}, signings ${fmt(signed, 4)}`);
    // (each hour priced at the first hours' 10: a rep at 54 hours went to 87-108; here prospects' share +3.0 points [1.8, 4.2],
    // signings +5.9 %; with his first month unplanned as well, +5.4 points and +11 % over 10 runs)
    expect(prospect.mean).toBeGreaterThan(0);
    expect(prospect.mean).toBeLessThan(0.025);
    expect(signed.mean).toBeLessThan(0.05);
  });
});
