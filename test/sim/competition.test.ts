import { describe, expect, it } from 'vitest';
import { R, type RunMetricName } from '../../src/core/sim/metrics.js';
import type { RunResult } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import type { RunState } from '../../src/core/sim/state.js';
import { LOST } from '../../src/core/sim/world.js';
import type { Scheme } from '../../src/core/types.js';
import { once } from '../helpers/once.js';
import { fmt, LITERATURE_WORLD, litScheme, paired, SEED } from '../helpers/literature.js';
import { scenarioText } from '../helpers/sim.js';

/**
 * Open competition (case 4's "abolish the client base"): in the literature
 * world (helpers/literature.ts) with relationships, the same commission
 * under three ways of sharing firms: bases of their own nobody else may
 * work, bases a colleague may work once their owner has left a firm
 * uncalled for 2 months, and no base at all. Who is credited with an order
 * is the credit rules' business (seller: who brought it). Paired on common
 * random numbers; another seed: MOTIV_TEST_SEED=2.
 */
const RUNS = 10;
const MONTHS = 12;
const world = (annoyance: number, visibility = 'full') =>
  scenarioText(
    `${LITERATURE_WORLD}relationship: {months_to_full: 12, churn_cut: 0.3, wallet_boost: 0.3, annoyance: ${annoyance}}\n`.replace(
      'prospects_max: 100\n',
      `prospects_max: 100\n  visibility: ${visibility}\n`,
    ),
  );
const COMMISSION = `  - {id: c, type: commission, measure: revenue, rate: 3%}\n`;
const scheme = (name: string, credit: string, base: string) => litScheme(name, COMMISSION, `credit:\n  - split: ${credit}\norganisation:\n  base: ${base}\n`);
const territories = scheme('territories', '{owner: 100%}', '{cap: 200}');
const poaching = scheme('poaching', '{seller: 50%, owner: 50%}', '{cap: 200, poaching: {quiet_months: 2}}');
const open = scheme('open', '{seller: 100%}', '{open: true}');
const runs = Array.from({ length: RUNS }, (_, i) => i);

interface Played {
  results: RunResult[];
  /** hours rivals gave firms whose owner had called them within the quiet months (must stay 0), and in all */
  tooSoon: number;
  rivalHours: number;
}

function playCounted(scheme: Scheme, annoyance: number, visibility = 'full', quiet = 2): Played {
  const scenario = world(annoyance, visibility);
  let ownerCallAt = new Int32Array(0);
  let owner = new Int32Array(0);
  let tooSoon = 0;
  let rivalHours = 0;
  const observe = (s: RunState) => {
    const { w, t } = s;
    for (const x of s.trace!.rivals) {
      rivalHours += x.hours;
      // the owner at the start of the month, and the last month he had called it before it
      const o = owner[x.client];
      if (t > 0 && o >= 0 && o === w.owner[x.client] && o !== x.slot && t - ownerCallAt[x.client] <= quiet) tooSoon += x.hours;
    }
    ownerCallAt = Int32Array.from(w.ownerCallAt.subarray(0, w.count));
    owner = Int32Array.from({ length: w.count }, (_, i) => (w.state[i] === LOST ? -1 : w.owner[i]));
  };
  const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: MONTHS, seed: SEED, detail: false, trace: true, observe });
  const results = runs.map((i) => sim.run(i));
  return { results, tooSoon, rivalHours };
}

const metric = (p: Played, name: RunMetricName) => p.results.map((r) => r.metrics[R[name]]);
const log = (what: string, x: { mean: number; lo: number; hi: number }, digits = 3) => console.log(`[seed ${SEED}] competition: ${what} ${fmt(x, digits)}`);
const diff = (a: Played, b: Played, name: RunMetricName) => paired(runs.map((i) => metric(a, name)[i] - metric(b, name)[i]));

const plainTerritories = once(() => playCounted(territories, 1));
const poached = once(() => playCounted(poaching, 1));
const annoyed = once(() => playCounted(open, 1));
const calm = once(() => playCounted(open, 0));
const blind = once(() => playCounted(open, 1, 'none'));

describe('territories without poaching', () => {
  it('no order comes from another rep\'s firm and no firm is called by two reps', () => {
    expect(metric(plainTerritories(), 'orders_from_others_firms').every((x) => x === 0)).toBe(true);
    expect(metric(plainTerritories(), 'clients_called_by_several').every((x) => x === 0)).toBe(true);
    expect(plainTerritories().rivalHours).toBe(0);
  });
});

describe('poaching after the owner\'s quiet months', () => {
  it("reps work colleagues' quiet firms and bring orders from them", () => {
    const p = poached();
    const orders = diff(p, plainTerritories(), 'orders_from_others_firms');
    log('share of orders from colleagues\' firms, poaching - territories', orders, 4);
    expect(p.rivalHours).toBeGreaterThan(0);
    expect(orders.lo).toBeGreaterThan(0);
  });

  it('only firms their owner left uncalled for the quiet months are worked by others', () => {
    expect(poached().tooSoon).toBe(0);
  });

  it('fewer firms go uncalled than under strict territories', () => {
    const never = diff(poached(), plainTerritories(), 'firms_never_called');
    log('share of firm-months nobody called, poaching - territories', never, 4);
    expect(never.hi).toBeLessThan(0);
  });
});

describe('no assigned base', () => {
  it('several reps call one firm, and annoyance makes more clients leave', () => {
    const several = metric(annoyed(), 'clients_called_by_several');
    expect(several.every((x) => x > 0)).toBe(true);
    const lost = diff(annoyed(), calm(), 'clients_lost');
    log('clients lost, annoyance 1 - annoyance 0, no base', lost, 1);
    expect(lost.lo).toBeGreaterThan(0);
  });

  it('orders go to whoever brought them: many come from firms another rep held', () => {
    const orders = diff(annoyed(), plainTerritories(), 'orders_from_others_firms');
    log('share of orders from firms another rep held, no base - territories', orders, 4);
    expect(orders.lo).toBeGreaterThan(0);
  });

  it("reps who cannot see their colleagues' calls crowd the same firms: more go uncalled, more orders change hands", () => {
    const never = diff(blind(), annoyed(), 'firms_never_called');
    const orders = diff(blind(), annoyed(), 'orders_from_others_firms');
    log('share of firm-months nobody called, no visibility - full', never, 4);
    log('share of orders from firms another rep held, no visibility - full', orders, 4);
    expect(never.lo).toBeGreaterThan(0);
    expect(orders.lo).toBeGreaterThan(0);
  });
});

describe('a scheme switch into and out of an open base', () => {
  it("sends the bases' prospects to the market, then deals them back out", () => {
    const unowned: number[] = [];
    const observe = (s: RunState) => {
      let n = 0;
      for (let i = 0; i < s.w.count; i++) if (s.w.state[i] === 0 && s.w.owner[i] === -1) n++;
      unowned[s.t] = n;
    };
    const sim = new Simulator({
      scenario: world(1),
      schemes: [
        { scheme: territories, from: 0 },
        { scheme: open, from: 3 },
        { scheme: territories, from: 6 },
      ],
      months: 9,
      seed: SEED,
      detail: false,
      observe,
    });
    sim.run(0);
    expect(unowned.slice(0, 3).every((n) => n === 0)).toBe(true);
    expect(unowned.slice(3, 6).every((n) => n > 100)).toBe(true);
    expect(unowned.slice(6).every((n) => n === 0)).toBe(true);
  });
});
