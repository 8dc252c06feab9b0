import { Document, YAMLMap } from 'yaml';
import { ACTIVITIES } from '../scenario/types.js';
import { NEVER_AFTER_DAYS, type PaymentEstimate } from './payment-fit.js';
import { APART, type SegmentValue } from './segment-quality.js';
import { formatMonth } from '../time/month.js';
import { round, SKILL_SIGMA, type Calibration } from './calibrate.js';
import type { Estimate } from './estimate.js';
import type { HoursFit } from './hours-fit.js';
import { floorEstimate, HIGH_QUANTILE, highOverLow, LOW_QUANTILE, MIN_REP_MONTHS } from './rep-hours.js';
import { defaultOvertimeCost, SCENARIO_DEFAULTS } from '../scenario/definition/defaults.js';
import { commentLines, PRINT, put, quoted, type Placing } from './scenario-yaml.js';
import { counted } from '../verdict/words.js';

export interface ScenarioTextOptions {
  name: string;
  /** the floor, overtime and effort costs matched to the history's hours under the scheme (motiv calibrate --scheme) */
  hours?: HoursFit;
  /** where the history came from, for the header comment */
  source: string;
}

/**
 * The calibrated scenario as YAML, every value with a comment saying where it
 * came from: "# MLE from 8,035 prospect-months (312 events), ± 0.037", or
 * "# default: too few signings (12, fewer than 30)".
 */
export function scenarioText(cal: Calibration, opts: ScenarioTextOptions): string {
  return scenarioDocument(cal, opts).toString(PRINT);
}

/** a value rounded to `digits` significant digits, as a number */
const rounded = (x: number, digits = 3): number => Number(round(x, digits));

/** the calibrated scenario as a YAML document (`scenarioText` prints it) */
export function scenarioDocument(cal: Calibration, opts: ScenarioTextOptions): Document {
  const doc = new Document(new YAMLMap());
  const top = doc.contents as YAMLMap;
  const byKey = new Map(cal.estimates.map((e) => [e.key, e]));
  const block = (map: YAMLMap, name: string, placing: Placing = {}) => {
    const inner = new YAMLMap();
    put(doc, map, name, inner, placing);
    return inner;
  };
  // each value written with a standard error, by its path in the file: the scenario's `uncertainty:`
  const errors: Record<string, number> = {};
  const entry = (map: YAMLMap, name: string, key: string, digits = 3) => {
    const e = byKey.get(key);
    if (!e) return;
    put(doc, map, name, rounded(e.value, digits), { note: provenance(e) });
    if (e.error !== undefined && e.error > 0 && Number.isFinite(e.error)) errors[key] = Number(e.error.toPrecision(3));
  };
  const span = `${formatMonth(cal.first)} to ${formatMonth(cal.last)}`;
  top.commentBefore = commentLines([
    `Calibrated by motiv calibrate from ${opts.source}: ${counted(cal.months, 'month')} (${span}),`,
    `${count(cal.clients)} clients. Response curves by maximum likelihood of the`,
    "simulator's own monthly probabilities (docs/model.md), saturating curves, the",
    "reps' prospecting skills integrated out and their other skills taken as 1 (the",
    'median); ± is one standard error from the observed',
    'information. Values marked "default" were not estimated: the history is too',
    'thin for them, or they are not identified from it.',
  ]);
  put(doc, top, 'kind', 'scenario');
  put(doc, top, 'name', quoted(opts.name));
  put(doc, top, 'start', formatMonth(cal.last + 1), { note: 'the month after the history' });
  put(doc, top, 'months', 24);

  const reps = block(top, 'reps', { space: true });
  put(doc, reps, 'count', cal.reps.count, { note: 'employed at the end of the history' });
  putHours(doc, reps, cal, opts.hours);
  if (cal.planColumns.length) {
    const columns = block(reps, 'columns');
    for (const c of cal.planColumns) {
      const normal = { mean: rounded(c.mean, 6), sd: rounded(c.sd, 4), min: rounded(c.min, 6) };
      put(doc, columns, c.name, { normal }, { note: `across the ${count(c.reps)} reps of reps.csv${c.reps > 1 ? '' : ' (one rep: no spread)'}` });
    }
  }
  const skill = byKey.get(SKILL_SIGMA);
  const others = skill ? 'skills other than prospecting' : 'skill';
  if (skill) put(doc, block(reps, 'skill'), 'prospect', { lognormal: { median: 1, sigma: rounded(skill.value, 3) } }, { note: provenance(skill) });
  if (opts.hours) {
    const e = opts.hours;
    const scales = [...new Set(e.trials.map((t) => t.scale))].sort((a, b) => a - b);
    const edge = e.scale === scales[0] || e.scale === scales[scales.length - 1];
    put(doc, reps, 'effort_cost', Object.fromEntries(ACTIVITIES.map((a) => [a, rounded(e.effortCost[a])])), {
      before: [
        `effort costs: the default costs times ${e.scale}, the scale of a grid (${scales.join(', ')}) whose`,
        `simulated split of hours under the scheme (${counted(e.runs, 'run')} of ${counted(e.months, 'month')} each) is nearest the observed:`,
        `observed ${split(e.observed.split)}; simulated ${split(e.best.split)}${edge ? '; at the edge of the grid' : ''}`,
      ],
    });
    reps.comment = commentLines([`${others}, effort_taste: defaults, not estimated (skill 1 is assumed by the other response fits)`]);
  } else {
    reps.comment = commentLines([
      `${others}, effort_cost, effort_taste: defaults, not estimated (skill 1 is assumed`,
      'by the other response fits; effort costs are matched to the observed split of',
      'hours only with --scheme)',
    ]);
  }

  const segments = block(top, 'segments', { space: true });
  const shares = sharesSummingToOne(cal.segments.map((s) => s.share));
  cal.segments.forEach((s, i) => {
    const segment = block(segments, s.name);
    put(doc, segment, 'share', shares[i], { note: `${count(s.clients)} of ${count(cal.clients)} clients in clients.csv` });
    put(doc, segment, 'revenue', { lognormal: { median: rounded(s.revenueMedian, 4), sigma: rounded(s.revenueSigma, 3) } }, { note: s.note });
    if (s.margin !== undefined) put(doc, segment, 'margin', rounded(s.margin, 3), { note: 'gross_profit / revenue of its transactions' });
    putQuality(doc, segment, cal.segmentQuality.get(s.name) ?? []);
    const own = cal.segments.length > 1 ? cal.payment?.segments.get(s.name) : undefined;
    if (own) put(doc, segment, 'payment', paymentTerms(own, false), { note: `its own ${count(own.settled)} invoices due ${NEVER_AFTER_DAYS} days before the end, ${count(own.late)} paid late` });
  });
  put(doc, top, 'book', { prospects: cal.book.prospects, signed: cal.book.signed, active: cal.book.active }, {
    space: true,
    before: ['active_age, signed_age, wallet: defaults'],
    note: 'per rep employed at the end of the history (prospects: every firm never signed nor lost in clients.csv)',
  });
  if (cal.newProspects) {
    const market = block(top, 'market', { space: true });
    put(doc, market, 'new_prospects', rounded(Math.max(0, cal.newProspects.value), 3), { note: cal.newProspects.note });
    put(doc, market, 'prospects_max', Math.max(cal.book.prospects, 1), { note: "not observed: the book's prospects" });
  }
  const relationship = block(top, 'relationship', { space: true });
  for (const k of ['months_to_full', 'churn_cut', 'wallet_boost']) entry(relationship, k, `relationship.${k}`);
  const response = block(top, 'response', { space: true });
  const curves = { prospect: ['half_hours', 'sign'], signed: ['half_hours', 'activate', 'keep'], active: ['half_hours', 'keep', 'wallet'] };
  for (const [activity, keys] of Object.entries(curves)) {
    const curve = block(response, activity);
    for (const k of keys) entry(curve, k, `response.${activity}.${k}`);
  }
  const drift = block(top, 'drift', { space: true });
  for (const k of ['activate', 'signed_cold', 'churn', 'wallet_erosion', 'wallet_start', 'wallet_signed', 'revenue_noise']) entry(drift, k, `drift.${k}`);
  if (Object.keys(errors).length > 0) {
    put(doc, top, 'uncertainty', errors, {
      space: true,
      before: ['the standard error of each value estimated above, by its path: simulate --uncertainty draws each run\'s values from them, --sensitivity moves each by one'],
    });
  }

  // comments on keys left out, each with a blank line after it: before the next key, or at the end
  const unset: string[] = [];
  if (cal.payment) {
    const p = cal.payment.all;
    put(doc, top, 'payment', paymentTerms(p, true), {
      space: true,
      before: [
        `how clients pay: ${count(p.settled)} invoices due at least ${NEVER_AFTER_DAYS} days before the history's end (never: still unpaid),`,
        `${count(p.late)} paid late (days late: median and sd of the log; payments not made by the end are left out)`,
      ],
    });
  } else unset.push('payment: none (no due dates in transactions.csv): every sale paid on the day', '');
  const factors = cal.seasonality.factors;
  if (factors) put(doc, top, 'seasonality', factors.map((f) => rounded(f, 3)), { space: true, before: unset.splice(0), note: cal.seasonality.note });
  else unset.push(`seasonality: default (twelve 1s): ${cal.seasonality.note}`, '');
  doc.comment = commentLines([...unset, 'decision (horizon, discount, noise (the choice noise), inertia, duty): defaults, not estimated']);
  return doc;
}

export function provenance(e: Estimate): string {
  if (e.source === 'default') return `default${e.note ? `: ${e.note}` : ''}`;
  const what = e.observations !== undefined ? ` from ${count(e.observations)} ${e.basis ?? 'observations'}` : '';
  const events = e.events !== undefined ? ` (${count(e.events)} events)` : '';
  const se = e.error !== undefined ? `, ± ${round(e.error, 2)}` : e.source === 'mle' ? ', no standard error (on a bound)' : '';
  return `${e.source === 'mle' ? 'MLE' : 'estimate'}${what}${events}${se}${e.note ? `; ${e.note}` : ''}`;
}

/** shares rounded to 4 decimals, the largest adjusted so they add up to exactly 1 */
function sharesSummingToOne(shares: number[]): number[] {
  const r = shares.map((s) => Math.round(s * 1e4));
  const big = r.indexOf(Math.max(...r));
  r[big] += 1e4 - r.reduce((a, b) => a + b, 0);
  return r.map((x) => x / 1e4);
}

const count = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * reps.hours (the floor) and reps.overtime, with where they came from: the
 * reps' low months as read, and with --scheme the values the simulation of
 * the history matched.
 */
function putHours(doc: Document, reps: YAMLMap, cal: Calibration, fit: HoursFit | undefined): void {
  const h = cal.hours;
  const read = `the ${ordinal(LOW_QUANTILE)} percentile of each rep's full months in activity.csv (${count(h.lows.length)} of ${count(h.reps)} reps with ${MIN_REP_MONTHS} or more, ${count(h.repMonths)} rep-months${h.partialMonths ? `, ${count(h.partialMonths)} partial left out` : ''})`;
  const lows = floorEstimate(h);
  const spread = `the reps' high months (the ${ordinal(HIGH_QUANTILE)} percentile) are ${pct(highOverLow(h))} above their lows`;
  const normal = (f: { mean: number; sd: number; min: number }) => ({ normal: { mean: rounded(f.mean, 4), sd: rounded(f.sd, 3), min: rounded(f.min, 4) } });
  const flow = (f: { mean: number; sd: number; min: number }) => `{normal: {mean: ${round(f.mean, 4)}, sd: ${round(f.sd, 3)}, min: ${round(f.min, 4)}}}`;
  if (!fit) {
    const { overtimeMax, overtimeCostFactor, effortCost } = SCENARIO_DEFAULTS;
    const cost = rounded(defaultOvertimeCost(effortCost));
    put(doc, reps, 'hours', normal(lows), {
      before: [
        h.lows.length
          ? `hours: each rep's floor (the hours the job demands whatever the pay) read as his low month, ${read};`
          : `hours: no rep has ${MIN_REP_MONTHS} full months in activity.csv: every floor at the mean rep-month (${count(h.repMonths)} rep-months);`,
        "it overstates the floor of reps whom pay keeps above it (matched to the history's hours with --scheme)",
      ],
    });
    put(doc, reps, 'overtime', { max: overtimeMax, cost }, {
      before: [
        `overtime: defaults (max ${overtimeMax}, cost ${cost}: ${overtimeCostFactor} times the mean default effort cost), not estimated:`,
        `matched to the history's hours only with --scheme; here ${spread}`,
      ],
    });
    return;
  }
  const o = fit.observed, b = fit.best, c = fit.correction;
  const corrected = c
    ? [
        `- the floor: the reps' low months, ${read},`,
        `  over ${round(c.lowOver, 3)}: at the values first found the simulated reps' lows overstate their own floors by as much`,
        `  (lows ${flow(lows)}; a rep whom pay keeps above his floor never shows it)`,
        `- overtime.max: the ceiling over the floor, pooled; the ceiling the reps' high months (the ${ordinal(HIGH_QUANTILE)} percentile,`,
        `  ${pct(o.highOverLow)} above their lows) over ${round(c.highShort, 3)}, as far short of their ceilings as the simulated reps' highs`,
      ]
    : [`- the floor and overtime.max: the reps' low months, ${read}, and high months (the ${ordinal(HIGH_QUANTILE)} percentile), as read`];
  put(doc, reps, 'hours', normal(fit.floor), {
    before: [
      "hours (each rep's floor, the hours the job demands whatever the pay) and overtime, matched to the history's hours",
      `by simulating its ${counted(fit.months, 'month')} under the scheme (${counted(fit.runs, 'run')} a trial, ${fit.trials.length} trials; the same estimators on both):`,
      ...corrected,
      `- overtime.cost: where the simulated hours a rep-month meet the observed, ${round(b.level, 4)} for ${round(o.level, 4)}${fit.edges.length ? `; ${fit.edges.join('; ')}` : ''}`,
      `At these values the simulated lows average ${round(b.lowMean, 4)} (observed ${round(o.lowMean, 4)}), the highs ${pct(b.highOverLow)} above them (observed ${pct(o.highOverLow)})`,
    ],
  });
  put(doc, reps, 'overtime', { max: rounded(fit.overtime.max, 3), cost: rounded(fit.overtime.cost, 3) });
}

const split = (x: Record<string, number>) => ACTIVITIES.map((a) => `${a} ${pct(x[a] ?? 0)}`).join(', ');
const ordinal = (q: number) => `${Math.round(100 * q)}th`;

/** a payment estimate as scenario keys (the terms only where `terms`: a segment keeps the scenario's) */
function paymentTerms(p: PaymentEstimate, terms: boolean): Record<string, unknown> {
  return {
    ...(terms ? { terms_days: p.termsDays } : {}),
    on_time: rounded(p.onTime, 3),
    ...(p.daysLate ? { days_late: { lognormal: { median: rounded(p.daysLate.median, 3), sigma: rounded(p.daysLate.sigma, 3) } } } : {}),
    never: rounded(p.never, 3),
  };
}

/** a segment's own response and drift values, as `response:` and `drift:` flow mappings, each value's source in the comment before them */
function putQuality(doc: Document, segment: YAMLMap, own: readonly SegmentValue[]): void {
  if (own.length === 0) return;
  const response: Record<string, Record<string, number>> = {};
  const drift: Record<string, number> = {};
  for (const v of own) {
    const [group, ...rest] = v.key.split('.');
    const leaf = rest[rest.length - 1];
    if (group === 'drift') drift[leaf] = rounded(v.value, 3);
    else response[rest[0]] = { ...response[rest[0]], [leaf]: rounded(v.value, 3) };
  }
  const why = own.map((v) => `${v.key.split('.').slice(1).join('.')} ${round(v.value, 3)} ± ${round(v.error, 3)} (${count(v.events)} events; all clients ${round(v.pooled, 3)})`);
  const before = [`its own, by MLE from its clients alone, where over ${APART} standard errors from all clients': ${why.join('; ')}`];
  if (Object.keys(response).length) put(doc, segment, 'response', response, { before: before.splice(0) });
  if (Object.keys(drift).length) put(doc, segment, 'drift', drift, { before });
}
