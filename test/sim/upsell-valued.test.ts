import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { R, type RunResult } from '../../src/core/sim/metrics.js';

/**
 * An upsell pays on each client's growth over the client's own trailing
 * baseline: a rise in an established client's purchases pays until the
 * baseline catches up, its steady level never does. The probes ask what a
 * unit of such growth pays (Rates.growth) and a rep values a rise of a
 * client's wallet at it (values.ts). It used to move no one (QA16 #1): the
 * probe client had no history, so no sale of it was growth.
 */
describe('an upsell moves reps towards the clients whose growth it pays', () => {
  const scenario = scenarioText(bundled('scenarios/freight.yaml'));
  const scheme = (upsell: string) =>
    schemeText(`name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 10%}\n${upsell}`);
  const runs = 10;
  const opts = { months: 24 };
  const base = play(scenario, scheme(''), runs, opts);
  const some = play(scenario, scheme('  - {id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 20%}\n'), runs, opts);
  const more = play(scenario, scheme('  - {id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 40%}\n'), runs, opts);
  const diff = (a: RunResult[], b: RunResult[], metric: keyof typeof R) => paired(a.map((r, i) => b[i].metrics[R[metric]] - r.metrics[R[metric]]));

  it('20 % of growth over a 3-month baseline raises the share of hours on active clients, and hours, against the commission alone', () => {
    const active = diff(base, some, 'effort.active');
    const hours = diff(base, some, 'hours_per_rep');
    console.log(`freight, 24 months, 10 % of profit and 20 % of its growth against 10 % alone: active clients' share ${fmt(active)}, hours ${fmt(hours)}`);
    expect(active.lo).toBeGreaterThan(0.01);
    expect(hours.lo).toBeGreaterThan(0);
  });

  it('a higher rate on growth moves more', () => {
    const step = diff(some, more, 'effort.active');
    console.log(`freight, 40 % of growth against 20 %: active clients' share ${fmt(step)}`);
    expect(step.lo).toBeGreaterThan(0);
  });

  it('an upsell on clients of 100 months or more, which few are, moves reps little (QA17 #1: it moved them as an upsell on all clients)', () => {
    const old = play(scenario, scheme('  - {id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 20%, filter: {age_months: {from: 100}}}\n'), runs, opts);
    const few = diff(base, old, 'effort.active');
    const all = diff(base, some, 'effort.active');
    console.log(`freight, 20 % of growth of clients of 100 months or more: active clients' share ${fmt(few)} (of all clients: ${fmt(all)})`);
    expect(Math.max(Math.abs(few.lo), Math.abs(few.hi))).toBeLessThan(0.2 * all.lo);
  });

  it('an upsell on clients of 13 months or more and one on younger ones each move part of what one on all does', () => {
    const older = play(scenario, scheme('  - {id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 20%, filter: {age_months: {from: 13}}}\n'), runs, opts);
    const all = diff(base, some, 'effort.active');
    const part = diff(base, older, 'effort.active');
    console.log(`freight, 20 % of growth of clients of 13 months or more: active clients' share ${fmt(part)} (of all clients: ${fmt(all)})`);
    expect(part.lo).toBeGreaterThan(0);
    expect(part.hi).toBeLessThan(all.lo);
  });

  it('an upsell on a baseline column no simulated client has pays nothing and moves no one', () => {
    const column = play(scenario, scheme('  - {id: up, type: upsell, measure: gross_profit, baseline: {column: base_gp}, rate: 20%}\n'), runs, opts);
    expect(column.map((r) => r.metrics)).toEqual(base.map((r) => r.metrics));
  });
});
