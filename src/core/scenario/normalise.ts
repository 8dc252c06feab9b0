import { problem, warning, type Path, type Problem } from '../problems/problem.js';
import { parseMonth } from '../time/month.js';
import { simulationSizeProblems } from './limits.js';
import { ACTIVITIES, type ActivityKind, type Curve, type Distribution, type PaymentSpec, type Scenario, type SegmentSpec } from './types.js';

type Raw = Record<string, unknown>;

/** defaults that make a minimal scenario a sensible one; docs/scenarios.md lists them */
export const SCENARIO_DEFAULTS = {
  start: '2026-01',
  months: 24,
  effortCost: { prospect: 20, signed: 12, active: 6, leads: 8, collect: 8 } as Record<ActivityKind, number>,
  /** P(a client chased for its overdue invoices pays them this month) at full attention */
  settle: 0.5,
  /** hours on one client's overdue invoices that give half the effect */
  collectHalfHours: 1,
  curveHalfHours: 3,
  horizonMonths: 12,
  discount: 0.97,
  noise: 0.3,
  inertia: 0.5,
  duty: 5,
  luck: 0.2,
  territoryPersistence: 0.5,
  luckPersistence: 0.25,
  /** extra hours above the floor, as a share of it */
  overtimeMax: 0.25,
  /** the cost of the last extra hour, in multiples of the mean effort cost of prospects, signed and active clients */
  overtimeCostFactor: 3,
  /** how clients pay once a scenario says they do not pay on the day */
  payment: { termsDays: 30, onTime: 0.8, daysLate: { kind: 'lognormal', median: 20, sigma: 0.8 } as Distribution, never: 0 },
};

/** Schema-valid YAML -> a typed scenario, with the checks a schema cannot make. */
export function normaliseScenario(raw: Raw, file?: string): { scenario: Scenario; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (p: Problem) => problems.push(p);

  const dist = (v: unknown, path: Path, fallback: Distribution): Distribution => (v === undefined ? fallback : readDistribution(v, path, report));
  const reps = raw.reps as Raw;
  const skill = (reps.skill ?? {}) as Raw;
  const cost = (reps.effort_cost ?? {}) as Raw;
  const one: Distribution = { kind: 'constant', value: 1 };

  const rawSegments = Object.entries(raw.segments as Record<string, Raw>);
  // a segment's quality (its own response and drift) joins it once the scenario's are read
  const segments: Omit<SegmentSpec, 'response' | 'drift' | 'payment'>[] = rawSegments.map(([name, s]) => ({
    name,
    share: s.share as number,
    revenue: dist(s.revenue, ['segments', name, 'revenue'], one),
    margin: dist(s.margin, ['segments', name, 'margin'], one),
  }));
  const shareSum = segments.reduce((a, s) => a + s.share, 0);
  if (Math.abs(shareSum - 1) > 1e-9) {
    report(
      problem('share-sum', `segment shares add up to ${round(shareSum * 100)} %, not 100 %`, {
        path: ['segments'],
        hint: 'the shares say how prospects and the starting book divide between segments',
      }),
    );
  }

  const curve = (r: Raw, path: Path): Curve => {
    const kind = (r.curve as Curve['kind'] | undefined) ?? (r.scale_hours !== undefined && r.half_hours === undefined ? 'exponential' : 'saturating');
    const given = kind === 'saturating' ? r.half_hours : r.scale_hours;
    const other = kind === 'saturating' ? 'scale_hours' : 'half_hours';
    if (r[other] !== undefined) {
      report(
        problem('conflict', `a ${kind} curve is set by '${kind === 'saturating' ? 'half_hours' : 'scale_hours'}', not '${other}'`, {
          path: [...path, other],
          hint: kind === 'saturating' ? "use 'half_hours', or 'curve: exponential'" : "use 'scale_hours', or 'curve: saturating'",
        }),
      );
    }
    return { kind, scaleHours: (given as number | undefined) ?? SCENARIO_DEFAULTS.curveHalfHours };
  };

  const response = raw.response as Raw;
  const rp = response.prospect as Raw;
  const rs = response.signed as Raw;
  const ra = response.active as Raw;
  const rl = (response.leads ?? {}) as Raw;
  const rc = (response.collect ?? {}) as Raw;
  const drift = (raw.drift ?? {}) as Raw;
  const book = raw.book as Raw;
  const market = (raw.market ?? {}) as Raw;
  const decision = (raw.decision ?? {}) as Raw;
  const leads = raw.leads as Raw | undefined;
  const relationship = (raw.relationship ?? {}) as Raw;
  const departures = raw.departures === false || raw.departures === undefined ? undefined : (raw.departures as Raw);

  const scenarioResponse: Scenario['response'] = {
    prospect: { curve: curve(rp, ['response', 'prospect']), sign: rp.sign as number },
    signed: { curve: curve(rs, ['response', 'signed']), activate: rs.activate as number, keep: (rs.keep as number | undefined) ?? 0 },
    active: { curve: curve(ra, ['response', 'active']), keep: (ra.keep as number | undefined) ?? 0, wallet: (ra.wallet as number | undefined) ?? 0 },
    leads: { win: (rl.win as number | undefined) ?? 0.5 },
    collect: {
      curve: rc.half_hours === undefined && rc.scale_hours === undefined ? { kind: 'saturating', scaleHours: SCENARIO_DEFAULTS.collectHalfHours } : curve(rc, ['response', 'collect']),
      settle: (rc.settle as number | undefined) ?? SCENARIO_DEFAULTS.settle,
    },
  };
  const scenarioDrift: Scenario['drift'] = {
    activateBase: (drift.activate as number | undefined) ?? 0,
    signedCold: (drift.signed_cold as number | undefined) ?? 0,
    churn: (drift.churn as number | undefined) ?? 0,
    walletErosion: (drift.wallet_erosion as number | undefined) ?? 0,
    walletStart: (drift.wallet_start as number | undefined) ?? 0.3,
    walletSigned: (drift.wallet_signed as number | undefined) ?? 0,
    revenueNoise: (drift.revenue_noise as number | undefined) ?? 0,
    territoryNoise: (drift.territory_noise as number | undefined) ?? 0,
    territoryPersistence: (drift.territory_persistence as number | undefined) ?? SCENARIO_DEFAULTS.territoryPersistence,
  };
  const start = parseMonth(String(raw.start ?? SCENARIO_DEFAULTS.start))!;
  const scenario: Scenario = {
    name: String(raw.name),
    description: raw.description as string | undefined,
    scheme: raw.scheme as string | undefined,
    start,
    months: (raw.months as number | undefined) ?? SCENARIO_DEFAULTS.months,
    reps: {
      count: reps.count as number,
      hours: dist(reps.hours, ['reps', 'hours'], { kind: 'constant', value: 140 }),
      skill: Object.fromEntries(ACTIVITIES.map((a) => [a, dist(skill[a], ['reps', 'skill', a], one)])) as Record<ActivityKind, Distribution>,
      effortCost: effortCostOf(cost),
      effortTaste: dist(reps.effort_taste, ['reps', 'effort_taste'], one),
      overtime: overtimeOf((reps.overtime ?? {}) as Raw, cost),
      columns: Object.fromEntries(Object.entries((reps.columns as Raw | undefined) ?? {}).map(([k, v]) => [k, dist(v, ['reps', 'columns', k], one)])),
    },
    segments: segments.map((segment, k) => ({
      ...segment,
      ...segmentQuality(scenarioResponse, scenarioDrift, rawSegments[k][1]),
      payment: paymentOf(raw.payment as Raw | undefined, rawSegments[k][1].payment as Raw | undefined, ['segments', rawSegments[k][0], 'payment'], report),
    })),
    payment: paymentOf(undefined, raw.payment as Raw | undefined, ['payment'], report),
    book: {
      prospects: book.prospects as number,
      signed: book.signed as number,
      active: book.active as number,
      activeAge: dist(book.active_age, ['book', 'active_age'], { kind: 'uniform', min: 1, max: 36 }),
      signedAge: dist(book.signed_age, ['book', 'signed_age'], { kind: 'uniform', min: 1, max: 3 }),
      wallet: dist(book.wallet, ['book', 'wallet'], { kind: 'constant', value: 0.5 }),
    },
    market: {
      newProspects: (market.new_prospects as number | undefined) ?? 0,
      prospectsMax: (market.prospects_max as number | undefined) ?? (book.prospects as number),
      pool: (market.pool as number | undefined) ?? 0,
      visibility: (market.visibility as 'full' | 'last_contact' | 'none' | undefined) ?? 'full',
    },
    relationship: {
      monthsToFull: (relationship.months_to_full as number | undefined) ?? 12,
      churnCut: (relationship.churn_cut as number | undefined) ?? 0,
      walletBoost: (relationship.wallet_boost as number | undefined) ?? 0,
      annoyance: (relationship.annoyance as number | undefined) ?? 0,
    },
    departures: departures
      ? {
          outsideOption: departures.outside_option as number,
          base: (departures.base as number | undefined) ?? 0.005,
          sensitivity: (departures.sensitivity as number | undefined) ?? 0.05,
          burnout: departures.burnout
            ? { rate: (departures.burnout as Raw).rate as number, mismatchAbove: ((departures.burnout as Raw).mismatch_above as number | undefined) ?? 0.5 }
            : undefined,
          follow: {
            base: ((departures.follow as Raw | undefined)?.base as number | undefined) ?? 0.05,
            perRelationship: ((departures.follow as Raw | undefined)?.per_relationship as number | undefined) ?? 0.3,
          },
          replacementMonths: (departures.replacement_months as number | undefined) ?? 2,
          rampMonths: (departures.ramp_months as number | undefined) ?? 3,
          rampStart: (departures.ramp_start as number | undefined) ?? 0.5,
        }
      : undefined,
    response: scenarioResponse,
    drift: scenarioDrift,
    leads: leads
      ? {
          perMonth: leads.per_month as number,
          value: dist(leads.value, ['leads', 'value'], one),
          margin: dist(leads.margin, ['leads', 'margin'], one),
          hours: leads.hours as number,
        }
      : undefined,
    seasonality: (raw.seasonality as number[] | undefined) ?? new Array<number>(12).fill(1),
    decision: {
      horizonMonths: (decision.horizon_months as number | undefined) ?? SCENARIO_DEFAULTS.horizonMonths,
      discount: (decision.discount as number | undefined) ?? SCENARIO_DEFAULTS.discount,
      noise: (decision.noise as number | undefined) ?? SCENARIO_DEFAULTS.noise,
      inertia: (decision.inertia as number | undefined) ?? SCENARIO_DEFAULTS.inertia,
      duty: dutyOf(decision.duty),
      luck: (decision.luck as number | undefined) ?? SCENARIO_DEFAULTS.luck,
      luckPersistence: (decision.luck_persistence as number | undefined) ?? SCENARIO_DEFAULTS.luckPersistence,
    },
    file,
  };

  if (scenario.book.prospects > scenario.market.prospectsMax) {
    report(warning('bad-value', `book.prospects (${scenario.book.prospects}) is above market.prospects_max (${scenario.market.prospectsMax}): each rep's prospect list shrinks to it in the first month`, { path: ['market', 'prospects_max'] }));
  }
  if (scenario.response.signed.activate + scenario.drift.activateBase > 1) {
    report(problem('bad-value', 'drift.activate plus response.signed.activate is above 1: a probability cannot be', { path: ['response', 'signed', 'activate'] }));
  }
  if (scenario.drift.activateBase + scenario.drift.signedCold > 1) {
    report(problem('bad-value', 'drift.activate plus drift.signed_cold is above 1: a signed client cannot both activate and go cold', { path: ['drift', 'signed_cold'] }));
  }
  // the same, for a segment whose own rates differ (reported where the segment sets one)
  rawSegments.forEach(([name, raw], k) => {
    const q = scenario.segments[k];
    const own = (raw.drift ?? {}) as Raw;
    const at = (key: string, fallback: Path): Path => (own[key] !== undefined ? ['segments', name, 'drift', key] : fallback);
    if ((raw.response !== undefined || raw.drift !== undefined) && q.response.signed.activate + q.drift.activateBase > 1 && !(scenario.response.signed.activate + scenario.drift.activateBase > 1)) {
      report(problem('bad-value', `segment '${name}': drift.activate plus response.signed.activate is above 1: a probability cannot be`, { path: at('activate', ['segments', name, 'response', 'signed', 'activate']) }));
    }
    if (raw.drift !== undefined && q.drift.activateBase + q.drift.signedCold > 1 && !(scenario.drift.activateBase + scenario.drift.signedCold > 1)) {
      report(problem('bad-value', `segment '${name}': drift.activate plus drift.signed_cold is above 1: a signed client cannot both activate and go cold`, { path: at('signed_cold', ['segments', name, 'drift', 'activate']) }));
    }
  });
  // what a simulation of it would hold, with its own reps and months (simulate checks again with --months and --data)
  problems.push(...simulationSizeProblems(scenario, { reps: scenario.reps.count, months: scenario.months }));
  const seasonMean = scenario.seasonality.reduce((a, b) => a + b, 0) / 12;
  if (Math.abs(seasonMean - 1) > 0.05) {
    report(warning('seasonality', `seasonality factors average ${round(seasonMean)}, so they change yearly demand too`, { path: ['seasonality'], hint: 'factors that average 1 only move demand between months' }));
  }
  return { scenario, problems };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

export function readDistribution(v: unknown, path: Path, report: (p: Problem) => void): Distribution {
  if (typeof v === 'number') return { kind: 'constant', value: v };
  const [kind, params] = Object.entries(v as Raw)[0] as [string, Raw];
  const p = [...path, kind];
  switch (kind) {
    case 'normal': {
      const d: Distribution = { kind: 'normal', mean: params.mean as number, sd: params.sd as number, min: params.min as number | undefined, max: params.max as number | undefined };
      if (d.min !== undefined && d.max !== undefined && d.max < d.min) report(problem('bad-value', `normal: max ${d.max} is below min ${d.min}`, { path: [...p, 'max'] }));
      return d;
    }
    case 'lognormal':
      return { kind: 'lognormal', median: params.median as number, sigma: params.sigma as number };
    case 'uniform': {
      const d: Distribution = { kind: 'uniform', min: params.min as number, max: params.max as number };
      if (d.max < d.min) report(problem('bad-value', `uniform: max ${d.max} is below min ${d.min}`, { path: [...p, 'max'], hint: 'swap them' }));
      return d;
    }
    default: {
      const d: Distribution = { kind: 'triangular', min: params.min as number, mode: params.mode as number, max: params.max as number };
      if (!(d.min <= d.mode && d.mode <= d.max)) {
        report(problem('bad-value', `triangular: needs min <= mode <= max, got ${d.min}, ${d.mode}, ${d.max}`, { path: p }));
      }
      return d;
    }
  }
}

/** the effort cost of each activity, as given or by default */
function effortCostOf(cost: Raw): Record<ActivityKind, number> {
  return Object.fromEntries(ACTIVITIES.map((a) => [a, (cost[a] as number | undefined) ?? SCENARIO_DEFAULTS.effortCost[a]])) as Record<ActivityKind, number>;
}

/** reps.overtime: the ceiling as a share of the floor, and the cost of the last extra hour */
function overtimeOf(raw: Raw, cost: Raw): { max: number; cost: number } {
  const c = effortCostOf(cost);
  const fallback = (SCENARIO_DEFAULTS.overtimeCostFactor * (c.prospect + c.signed + c.active)) / 3;
  return { max: (raw.max as number | undefined) ?? SCENARIO_DEFAULTS.overtimeMax, cost: (raw.cost as number | undefined) ?? fallback };
}

/** decision.duty: one number for every activity, or one per activity */
function dutyOf(raw: unknown): Record<ActivityKind, number> {
  if (typeof raw === 'number') return Object.fromEntries(ACTIVITIES.map((a) => [a, raw])) as Record<ActivityKind, number>;
  const given = (raw ?? {}) as Raw;
  return Object.fromEntries(ACTIVITIES.map((a) => [a, (given[a] as number | undefined) ?? SCENARIO_DEFAULTS.duty])) as Record<ActivityKind, number>;
}

/**
 * How clients pay: the scenario's `payment` with what `own` (a segment's)
 * sets for itself, defaults for the rest; undefined when neither says (paid
 * on the day).
 */
function paymentOf(base: Raw | undefined, own: Raw | undefined, path: Path, report: (p: Problem) => void): PaymentSpec | undefined {
  if (base === undefined && own === undefined) return undefined;
  const pick = (key: string) => own?.[key] ?? base?.[key];
  const lateRaw = pick('days_late');
  const lateAt = own?.days_late !== undefined ? [...path, 'days_late'] : ['payment', 'days_late'];
  const spec: PaymentSpec = {
    termsDays: (pick('terms_days') as number | undefined) ?? SCENARIO_DEFAULTS.payment.termsDays,
    onTime: (pick('on_time') as number | undefined) ?? SCENARIO_DEFAULTS.payment.onTime,
    daysLate: lateRaw === undefined ? SCENARIO_DEFAULTS.payment.daysLate : readDistribution(lateRaw, lateAt, report),
    never: (pick('never') as number | undefined) ?? SCENARIO_DEFAULTS.payment.never,
  };
  // reported once, where it is set (the scenario's own terms are checked as the scenario's)
  if (spec.onTime + spec.never > 1 && (own !== undefined || base === undefined)) {
    report(problem('bad-value', `payment.on_time (${spec.onTime}) plus payment.never (${spec.never}) is above 1: they are shares of the same invoices`, { path: [...path, own?.never !== undefined ? 'never' : 'on_time'], hint: 'the rest, 1 - on_time - never, is paid late' }));
  }
  return spec;
}

/** a segment's quality: the scenario's response and drift, with the rates the segment sets for itself */
function segmentQuality(r: Scenario['response'], d: Scenario['drift'], segment: Raw): Pick<SegmentSpec, 'response' | 'drift'> {
  const response = (segment.response ?? {}) as Raw;
  const drift = (segment.drift ?? {}) as Raw;
  const rp = (response.prospect ?? {}) as Raw;
  const rs = (response.signed ?? {}) as Raw;
  const ra = (response.active ?? {}) as Raw;
  const num = (v: unknown, fallback: number) => (v as number | undefined) ?? fallback;
  return {
    response: {
      prospect: { ...r.prospect, sign: num(rp.sign, r.prospect.sign) },
      signed: { ...r.signed, activate: num(rs.activate, r.signed.activate), keep: num(rs.keep, r.signed.keep) },
      active: { ...r.active, keep: num(ra.keep, r.active.keep), wallet: num(ra.wallet, r.active.wallet) },
      leads: r.leads,
      collect: r.collect,
    },
    drift: {
      ...d,
      activateBase: num(drift.activate, d.activateBase),
      signedCold: num(drift.signed_cold, d.signedCold),
      churn: num(drift.churn, d.churn),
      walletErosion: num(drift.wallet_erosion, d.walletErosion),
      walletStart: num(drift.wallet_start, d.walletStart),
      walletSigned: num(drift.wallet_signed, d.walletSigned),
    },
  };
}
