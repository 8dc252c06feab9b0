import { uncertainParameters } from './uncertain-parameters.js';
import { problem, warning, type Path, type Problem } from '../problems/problem.js';
import { parseMonth } from '../time/month.js';
import type { Filled, Raw } from '../yaml/schema-builder.js';
import type { segments as SegmentsDefinition } from './definition/clients.js';
import { defaultOvertimeCost, SCENARIO_DEFAULTS } from './definition/defaults.js';
import { Payment } from './definition/fragments.js';
import { scenarioDefinition, type FilledScenario, type RawScenario } from './definition/scenario.js';
import { SCENARIO_LIMITS, simulationSizeProblems } from './limits.js';
import { readDistribution } from './read-distribution.js';
import { type ActivityKind, type Curve, type Distribution, type PaymentSpec, type Scenario, type SegmentSpec } from './types.js';
import { mean } from './distributions.js';

type FilledSegment = Filled<typeof SegmentsDefinition>[string];

/**
 * Schema-valid YAML -> a typed scenario, with the checks a schema cannot
 * make. The defaults are the definitions' (definition/), filled in first.
 */
export function normaliseScenario(raw: Record<string, unknown>, file?: string): { scenario: Scenario; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (p: Problem) => problems.push(p);
  // the JSON Schema passed, so the value has the definition's raw shape
  const s: FilledScenario = scenarioDefinition.fill(raw as RawScenario);

  const rawSegments = Object.entries(s.segments);
  // a segment's quality (its own response and drift) joins it once the scenario's are read
  const segments: Omit<SegmentSpec, 'response' | 'drift' | 'payment'>[] = rawSegments.map(([name, segment]) => ({
    name,
    share: segment.share,
    revenue: readDistribution(segment.revenue, ['segments', name, 'revenue'], report),
    margin: readDistribution(segment.margin, ['segments', name, 'margin'], report),
  }));
  const shareSum = segments.reduce((a, segment) => a + segment.share, 0);
  if (Math.abs(shareSum - 1) > 1e-9) {
    report(
      problem('share-sum', `segment shares add up to ${round(shareSum * 100)} %, not 100 %`, {
        path: ['segments'],
        hint: 'the shares say how prospects and the starting book divide between segments',
      }),
    );
  }

  const { prospect, signed, active, leads: leadResponse, collect } = s.response;
  const scenarioResponse: Scenario['response'] = {
    prospect: { curve: curveOf(prospect, ['response', 'prospect'], report), sign: prospect.sign },
    signed: { curve: curveOf(signed, ['response', 'signed'], report), activate: signed.activate, keep: signed.keep },
    active: { curve: curveOf(active, ['response', 'active'], report), keep: active.keep, wallet: active.wallet },
    leads: { win: leadResponse.win },
    collect: {
      curve: collect.half_hours === undefined && collect.scale_hours === undefined ? { kind: 'saturating', scaleHours: SCENARIO_DEFAULTS.collectHalfHours } : curveOf(collect, ['response', 'collect'], report),
      settle: collect.settle,
    },
  };
  const drift = s.drift;
  const scenarioDrift: Scenario['drift'] = {
    activateBase: drift.activate,
    signedCold: drift.signed_cold,
    churn: drift.churn,
    walletErosion: drift.wallet_erosion,
    walletStart: drift.wallet_start,
    walletSigned: drift.wallet_signed,
    revenueNoise: drift.revenue_noise,
    territoryNoise: drift.territory_noise,
    territoryPersistence: drift.territory_persistence,
  };
  const { reps, book, market, relationship, decision, leads } = s;
  const departures = s.departures === false ? undefined : s.departures;
  const scenario: Scenario = {
    name: s.name,
    description: s.description,
    scheme: s.scheme,
    start: startMonth(s.start, report),
    months: s.months,
    reps: {
      count: reps.count,
      hours: repHours(readDistribution(reps.hours, ['reps', 'hours'], report), report),
      skill: byActivity((a) => readDistribution(reps.skill[a], ['reps', 'skill', a], report)),
      effortCost: reps.effort_cost,
      effortTaste: readDistribution(reps.effort_taste, ['reps', 'effort_taste'], report),
      overtime: { max: reps.overtime.max, cost: reps.overtime.cost ?? defaultOvertimeCost(reps.effort_cost) },
      columns: Object.fromEntries(Object.entries(reps.columns).map(([k, v]) => [k, readDistribution(v, ['reps', 'columns', k], report)])),
    },
    segments: segments.map((segment, k) => ({
      ...segment,
      ...segmentQuality(scenarioResponse, scenarioDrift, rawSegments[k][1]),
      payment: paymentOf(s.payment, rawSegments[k][1].payment, ['segments', rawSegments[k][0], 'payment'], report),
    })),
    payment: paymentOf(undefined, s.payment, ['payment'], report),
    book: {
      prospects: book.prospects,
      signed: book.signed,
      active: book.active,
      activeAge: readDistribution(book.active_age, ['book', 'active_age'], report),
      signedAge: readDistribution(book.signed_age, ['book', 'signed_age'], report),
      wallet: readDistribution(book.wallet, ['book', 'wallet'], report),
    },
    market: { newProspects: market.new_prospects, prospectsMax: market.prospects_max ?? book.prospects, pool: market.pool, visibility: market.visibility },
    relationship: { monthsToFull: relationship.months_to_full, churnCut: relationship.churn_cut, walletBoost: relationship.wallet_boost, annoyance: relationship.annoyance },
    departures: departures && {
      outsideOption: departures.outside_option,
      base: departures.base,
      sensitivity: departures.sensitivity,
      burnout: departures.burnout && { rate: departures.burnout.rate, mismatchAbove: departures.burnout.mismatch_above },
      follow: { base: departures.follow.base, perRelationship: departures.follow.per_relationship },
      replacementMonths: departures.replacement_months,
      rampMonths: departures.ramp_months,
      rampStart: departures.ramp_start,
    },
    response: scenarioResponse,
    drift: scenarioDrift,
    leads: leads && {
      perMonth: leads.per_month,
      value: readDistribution(leads.value, ['leads', 'value'], report),
      margin: readDistribution(leads.margin, ['leads', 'margin'], report),
      hours: leads.hours,
    },
    seasonality: s.seasonality,
    uncertainty: uncertainParameters(raw, s.uncertainty, report),
    source: raw,
    decision: {
      horizonMonths: decision.horizon_months,
      discount: decision.discount,
      noise: decision.noise,
      inertia: decision.inertia,
      duty: dutyOf(decision.duty),
      luck: decision.luck,
      luckPersistence: decision.luck_persistence,
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
    const own = raw.drift ?? {};
    const at = (key: keyof typeof own, fallback: Path): Path => (own[key] !== undefined ? ['segments', name, 'drift', key] : fallback);
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

/** a value for each activity */
function byActivity<T>(value: (activity: ActivityKind) => T): Record<ActivityKind, T> {
  return { prospect: value('prospect'), signed: value('signed'), active: value('active'), leads: value('leads'), collect: value('collect') };
}

/** decision.duty: one number for every activity, or one per activity (the definition filled the rest) */
function dutyOf(duty: FilledScenario['decision']['duty']): Record<ActivityKind, number> {
  return typeof duty === 'number' ? byActivity(() => duty) : byActivity((a) => duty[a]);
}

/** a curve of diminishing returns: which of half_hours and scale_hours is given says its kind, unless `curve` does */
function curveOf(r: { curve?: Curve['kind']; half_hours?: number; scale_hours?: number }, path: Path, report: (p: Problem) => void): Curve {
  const kind = r.curve ?? (r.scale_hours !== undefined && r.half_hours === undefined ? 'exponential' : 'saturating');
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
  return { kind, scaleHours: given ?? SCENARIO_DEFAULTS.curveHalfHours };
}

/**
 * How clients pay: the scenario's `payment` (`base`) with what `own` (a
 * segment's) sets for itself, defaults for the rest; undefined when neither
 * says (paid on the day).
 */
function paymentOf(base: Filled<typeof Payment> | undefined, own: Raw<typeof Payment> | undefined, path: Path, report: (p: Problem) => void): PaymentSpec | undefined {
  if (base === undefined && own === undefined) return undefined;
  const terms = Payment.fill({ ...base, ...own });
  const lateAt = own?.days_late !== undefined ? [...path, 'days_late'] : ['payment', 'days_late'];
  const spec: PaymentSpec = { termsDays: terms.terms_days, onTime: terms.on_time, daysLate: readDistribution(terms.days_late, lateAt, report), never: terms.never };
  // reported once, where it is set (the scenario's own terms are checked as the scenario's)
  if (spec.onTime + spec.never > 1 && (own !== undefined || base === undefined)) {
    report(problem('bad-value', `payment.on_time (${spec.onTime}) plus payment.never (${spec.never}) is above 1: they are shares of the same invoices`, { path: [...path, own?.never !== undefined ? 'never' : 'on_time'], hint: 'the rest, 1 - on_time - never, is paid late' }));
  }
  return spec;
}

/** a segment's quality: the scenario's response and drift, with the rates the segment sets for itself */
function segmentQuality(r: Scenario['response'], d: Scenario['drift'], segment: FilledSegment): Pick<SegmentSpec, 'response' | 'drift'> {
  const { prospect, signed, active } = segment.response ?? {};
  const drift = segment.drift ?? {};
  return {
    response: {
      prospect: { ...r.prospect, sign: prospect?.sign ?? r.prospect.sign },
      signed: { ...r.signed, activate: signed?.activate ?? r.signed.activate, keep: signed?.keep ?? r.signed.keep },
      active: { ...r.active, keep: active?.keep ?? r.active.keep, wallet: active?.wallet ?? r.active.wallet },
      leads: r.leads,
      collect: r.collect,
    },
    drift: {
      ...d,
      activateBase: drift.activate ?? d.activateBase,
      signedCold: drift.signed_cold ?? d.signedCold,
      churn: drift.churn ?? d.churn,
      walletErosion: drift.wallet_erosion ?? d.walletErosion,
      walletStart: drift.wallet_start ?? d.walletStart,
      walletSigned: drift.wallet_signed ?? d.walletSigned,
    },
  };
}

/** the hours a month has: a rep's hours on average may be no more than these (QA: 1,000 passed, and 1,000 hours a month were reported) */
const MONTH_HOURS = 744;

/** a rep's selling hours a month, checked: none or more on average (none: a world where nobody works, the drift alone), and no more than a month has */
function repHours(d: Distribution, report: (p: Problem) => void): Distribution {
  const m = mean(d);
  if (!(m >= 0) || m > MONTH_HOURS)
    report(
      problem('bad-value', `reps.hours averages ${Math.round(m * 10) / 10} hours a month: it must be from 0 to ${MONTH_HOURS}, the hours a month has`, {
        path: ['reps', 'hours'],
        hint: 'the selling hours a rep works in a month, such as 140 or {normal: {mean: 140, sd: 15}}',
      }),
    );
  return d;
}

/** the first and last years a scenario may start in: its months (SCENARIO_LIMITS.months at most) stay within four-digit years */
const FIRST_START_YEAR = 1900;
const LAST_START_YEAR = 9999 - Math.ceil(SCENARIO_LIMITS.months / 12);

/** the scenario's first month, within FIRST_START_YEAR..LAST_START_YEAR (QA: 9999-12 ran into 10000-01, which generate wrote and validate refused) */
function startMonth(text: string, report: (p: Problem) => void): number {
  const month = parseMonth(text)!;
  const year = Number(text.slice(0, 4));
  if (year < FIRST_START_YEAR || year > LAST_START_YEAR)
    report(
      problem('bad-value', `start ${text} is outside ${FIRST_START_YEAR}-01 to ${LAST_START_YEAR}-12: a scenario's months (up to ${SCENARIO_LIMITS.months}) must stay within four-digit years`, {
        path: ['start'],
        hint: "the first simulated month, YYYY-MM, like '2026-01'",
      }),
    );
  return month;
}
