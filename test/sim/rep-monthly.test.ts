import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../src/core/generate/history.js';
import { M, MONTHLY_METRICS, REP_MONTHLY_METRICS, type MetricSpec, type RunResult } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import type { SchemeSpell } from '../../src/core/sim/sim-spec.js';
import { summarize } from '../../src/core/sim/summary.js';
import { formatMonth } from '../../src/core/time/month.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { once } from '../helpers/once.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * Each rep slot's month (simulate --detail): his hours, pay, his clients'
 * revenue and his attainment of each plan, checked against what the run's
 * other records say: the history the same run writes, the month's totals,
 * and the plan worked out by hand.
 */
const leads = scenarioText(bundled('scenarios/leads.yaml'));
const leadsPlan = schemeText(bundled('schemes/leads-plan.yaml'));
const departures = scenarioText(bundled('scenarios/departures.yaml'));
const freightLifetime = schemeText(bundled('schemes/freight-lifetime.yaml'));

interface Played {
  runs: RunResult[];
  metrics: MetricSpec[];
  months: number;
  reps: number;
}

function play(scenario: Scenario, schemes: SchemeSpell[], runs: number, months: number, seed: number): Played {
  const sim = new Simulator({ scenario, schemes, months, seed, detail: true, repMonthly: true });
  return { runs: Array.from({ length: runs }, (_, i) => sim.run(i)), metrics: sim.repMonthlyMetrics, months, reps: scenario.reps.count };
}

/** one run's value of a series for a rep slot and month */
function at(p: Played, run: number, rep: number, t: number, name: string): number {
  const k = p.metrics.findIndex((m) => m.name === name);
  if (k < 0) throw new Error(`no series ${name}`);
  return p.runs[run].repMonthly![(rep * p.months + t) * p.metrics.length + k];
}

const monthly = (r: RunResult, t: number, name: keyof typeof M) => r.monthly![t * MONTHLY_METRICS.length + M[name]];
const ACTIVITIES = ['prospect', 'signed', 'active', 'leads'] as const;

const LEADS_MONTHS = 6;
const LEADS_SEED = 3;
// run 0 of the seed, as simulate plays it and as generate writes it down
const leadsRun = once(() => play(leads, [{ scheme: leadsPlan, from: 0 }], 1, LEADS_MONTHS, LEADS_SEED));
const leadsHistory = once(() => simulateHistory({ scenario: leads, scheme: leadsPlan, months: LEADS_MONTHS, seed: LEADS_SEED }));
// reps who quit and slots left vacant for two months, under a scheme with a plan
const withDepartures = once(() => play(departures, [{ scheme: leadsPlan, from: 0 }], 3, 24, 1));

describe("each rep slot's month", () => {
  it('gives his hours by activity and his clients\' revenue as the history of the same run records them', () => {
    const p = leadsRun();
    const h = leadsHistory();
    for (let rep = 0; rep < p.reps; rep++) {
      const id = `r${rep + 1}`;
      for (let t = 0; t < p.months; t++) {
        const month = h.start + t;
        let total = 0;
        for (const a of ACTIVITIES) {
          const hours = [...h.activity].filter((x) => x.rep === id && x.month === month && x.activity === a).reduce((s, x) => s + x.hours, 0);
          expect(at(p, 0, rep, t, `hours.${a}`), `${id} ${formatMonth(month)} ${a}`).toBeCloseTo(hours, 6);
          total += hours;
        }
        expect(at(p, 0, rep, t, 'hours')).toBeCloseTo(total, 6);
        expect(total).toBeGreaterThan(100);
        const revenue = [...h.sales].filter((x) => x.rep === id && x.month === month).reduce((s, x) => s + x.revenue, 0);
        expect(at(p, 0, rep, t, 'revenue')).toBeCloseTo(revenue, 4);
      }
    }
    // the leads scenario's reps work leads and clients both
    expect(at(p, 0, 0, 1, 'hours.leads')).toBeGreaterThan(0);
  });

  it("reads a revenue plan's attainment as his revenue over the month's plan (40,000 times the month's seasonality factor)", () => {
    const p = leadsRun();
    // the scenario starts in January; the plan's factors from January are 0.8, 0.85, 1, 1.05, 1.1, 1.05
    expect(formatMonth(leads.start)).toBe('2026-01');
    const plans = [32000, 34000, 40000, 42000, 44000, 42000];
    let above = 0;
    for (let rep = 0; rep < p.reps; rep++) {
      for (let t = 0; t < p.months; t++) {
        const planned = plans[t];
        const attainment = at(p, 0, rep, t, 'attainment.revenue_plan');
        expect(attainment * planned).toBeCloseTo(at(p, 0, rep, t, 'revenue'), 4);
        if (attainment >= 1) above++;
      }
    }
    // some reps meet the plan and some do not: the figure is not a constant
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(p.reps * p.months);
  });

  it("adds up over the slots to the month's pay, revenue, reps employed and hours by activity, vacant slots included", () => {
    const p = withDepartures();
    let vacant = 0;
    for (const [run, r] of p.runs.entries()) {
      for (let t = 0; t < p.months; t++) {
        const sum = (name: string) => Array.from({ length: p.reps }, (_, rep) => at(p, run, rep, t, name)).reduce((a, b) => a + b, 0);
        expect(sum('pay')).toBeCloseTo(monthly(r, t, 'pay_total'), 6);
        expect(sum('pay_variable')).toBeCloseTo(monthly(r, t, 'pay_variable'), 6);
        expect(sum('employed')).toBe(monthly(r, t, 'reps_employed'));
        // every firm has an owner here (no pool), so every sale is a slot's
        expect(monthly(r, t, 'pool_size')).toBe(0);
        expect(sum('revenue')).toBeCloseTo(monthly(r, t, 'revenue'), 4);
        for (const a of ACTIVITIES) expect(sum(`hours.${a}`) / sum('hours')).toBeCloseTo(monthly(r, t, `effort.${a}`), 9);
        for (let rep = 0; rep < p.reps; rep++) {
          const employed = at(p, run, rep, t, 'employed') === 1;
          if (!employed) vacant++;
          // a vacant slot has no hours, no pay and no attainment; an employed rep's plan is 40,000 × the season, always above 0
          expect(at(p, run, rep, t, 'hours') > 0).toBe(employed);
          if (!employed) expect(at(p, run, rep, t, 'pay')).toBe(0);
          expect(Number.isFinite(at(p, run, rep, t, 'attainment.revenue_plan'))).toBe(employed);
        }
      }
    }
    expect(vacant).toBeGreaterThan(0);
  });

  it("has the plans of a scheme switched to, with no attainment before the switch, and none at all without plans", () => {
    const p = play(leads, [{ scheme: freightLifetime, from: 0 }, { scheme: leadsPlan, from: 2 }], 1, 4, LEADS_SEED);
    expect(p.metrics.map((m) => m.name)).toEqual([...REP_MONTHLY_METRICS.map((m) => m.name), 'attainment.revenue_plan']);
    for (let rep = 0; rep < p.reps; rep++) {
      expect([0, 1, 2, 3].map((t) => Number.isFinite(at(p, 0, rep, t, 'attainment.revenue_plan')))).toEqual([false, false, true, true]);
    }
    expect(play(leads, [{ scheme: freightLifetime, from: 0 }], 1, 1, 1).metrics).toEqual(REP_MONTHLY_METRICS);
  });

  it('costs nothing without being asked for, and is summarised over runs rep by rep and month by month', () => {
    const plain = new Simulator({ scenario: leads, schemes: [{ scheme: leadsPlan, from: 0 }], months: 2, seed: 1, detail: true }).run(0);
    expect(plain.repMonthly).toBeUndefined();
    const p = withDepartures();
    const summary = summarize(p.runs, { months: p.months, reps: p.reps, repMonthlyMetrics: p.metrics });
    const pay = summary.repMonthly!.reps[2].pay[5];
    const values = p.runs.map((_, run) => at(p, run, 2, 5, 'pay'));
    expect(pay.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    expect(pay.p50).toBe([...values].sort((a, b) => a - b)[1]);
    expect(() => summarize(p.runs, { months: p.months, reps: p.reps, repMonthlyMetrics: REP_MONTHLY_METRICS })).toThrow(/not 8 reps × 24 months × 10 series/);
  });
});
