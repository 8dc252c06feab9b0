import { ACTIVITIES } from '../scenario/types.js';
import { NEVER_AFTER_DAYS, type PaymentEstimate } from './payment-fit.js';
import { APART, type SegmentValue } from './segment-quality.js';
import { formatMonth } from '../time/month.js';
import { round, SKILL_SIGMA, type Calibration } from './calibrate.js';
import type { Estimate } from './estimate.js';
import type { HoursFit } from './hours-fit.js';
import { floorEstimate, HIGH_QUANTILE, highOverLow, LOW_QUANTILE, MIN_REP_MONTHS } from './rep-hours.js';
import { defaultOvertimeCost, SCENARIO_DEFAULTS } from '../scenario/definition/defaults.js';

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
  const byKey = new Map(cal.estimates.map((e) => [e.key, e]));
  const lines: string[] = [];
  const value = (key: string) => byKey.get(key)!.value;
  const entry = (indent: string, name: string, key: string, digits = 3) => {
    const e = byKey.get(key);
    if (!e) return;
    lines.push(`${indent}${name}: ${round(e.value, digits)}  # ${provenance(e)}`);
  };
  const span = `${formatMonth(cal.first)} to ${formatMonth(cal.last)}`;
  lines.push(
    `# Calibrated by motiv calibrate from ${opts.source}: ${cal.months} months (${span}),`,
    `# ${count(cal.clients)} clients. Response curves by maximum likelihood of the`,
    '# simulator\'s own monthly probabilities (docs/model.md), saturating curves, the',
    '# reps\' prospecting skills integrated out and their other skills taken as 1 (the',
    '# median); ± is one standard error from the observed',
    '# information. Values marked "default" were not estimated: the history is too',
    '# thin for them, or they are not identified from it.',
    'kind: scenario',
    `name: ${JSON.stringify(opts.name)}`,
    `start: ${formatMonth(cal.last + 1)}  # the month after the history`,
    'months: 24',
    '',
    'reps:',
    `  count: ${cal.reps.count}  # employed at the end of the history`,
    ...hoursLines(cal, opts.hours),
  );
  if (cal.planColumns.length) {
    lines.push('  columns:');
    for (const c of cal.planColumns) lines.push(`    ${yamlKey(c.name)}: {normal: {mean: ${round(c.mean, 6)}, sd: ${round(c.sd, 4)}, min: ${round(c.min, 6)}}}  # across the ${count(c.reps)} reps of reps.csv${c.reps > 1 ? '' : ' (one rep: no spread)'}`);
  }
  const skill = byKey.get(SKILL_SIGMA);
  const others = skill ? 'skills other than prospecting' : 'skill';
  if (skill) lines.push('  skill:', `    prospect: {lognormal: {median: 1, sigma: ${round(skill.value, 3)}}}  # ${provenance(skill)}`);
  if (opts.hours) {
    const e = opts.hours;
    const scales = [...new Set(e.trials.map((t) => t.scale))].sort((a, b) => a - b);
    const edge = e.scale === scales[0] || e.scale === scales[scales.length - 1];
    lines.push(
      `  # effort costs: the default costs times ${e.scale}, the scale of a grid (${scales.join(', ')}) whose`,
      `  # simulated split of hours under the scheme (${e.runs} runs of ${e.months} months each) is nearest the observed:`,
      `  # observed ${split(e.observed.split)}; simulated ${split(e.best.split)}${edge ? '; at the edge of the grid' : ''}`,
      `  effort_cost: {${ACTIVITIES.map((a) => `${a}: ${round(e.effortCost[a])}`).join(', ')}}`,
      `  # ${others}, effort_taste: defaults, not estimated (skill 1 is assumed by the other response fits)`,
    );
  } else {
    lines.push(
      `  # ${others}, effort_cost, effort_taste: defaults, not estimated (skill 1 is assumed`,
      '  # by the other response fits; effort costs are matched to the observed split of',
      '  # hours only with --scheme)',
    );
  }
  lines.push('', 'segments:');
  const shares = sharesSummingToOne(cal.segments.map((s) => s.share));
  cal.segments.forEach((s, i) => {
    lines.push(
      `  ${yamlKey(s.name)}:`,
      `    share: ${shares[i]}  # ${count(s.clients)} of ${count(cal.clients)} clients in clients.csv`,
      `    revenue: {lognormal: {median: ${round(s.revenueMedian, 4)}, sigma: ${round(s.revenueSigma, 3)}}}  # ${s.note}`,
    );
    if (s.margin !== undefined) lines.push(`    margin: ${round(s.margin, 3)}  # gross_profit / revenue of its transactions`);
    lines.push(...qualityLines(cal.segmentQuality.get(s.name) ?? []));
    const own = cal.segments.length > 1 ? cal.payment?.segments.get(s.name) : undefined;
    if (own) lines.push(`    payment: ${paymentFlow(own, false)}  # its own ${count(own.settled)} invoices due ${NEVER_AFTER_DAYS} days before the end, ${count(own.late)} paid late`);
  });
  lines.push(
    '',
    `book: {prospects: ${cal.book.prospects}, signed: ${cal.book.signed}, active: ${cal.book.active}}  # per rep employed at the end of the history (prospects: every firm never signed nor lost in clients.csv)`,
    '  # active_age, signed_age, wallet: defaults',
  );
  if (cal.newProspects) {
    const np = Math.max(0, cal.newProspects.value);
    lines.push('', 'market:', `  new_prospects: ${round(np, 3)}  # ${cal.newProspects.note}`, `  prospects_max: ${Math.max(cal.book.prospects, 1)}  # not observed: the book's prospects`);
  }
  lines.push('', 'relationship:');
  entry('  ', 'months_to_full', 'relationship.months_to_full');
  entry('  ', 'churn_cut', 'relationship.churn_cut');
  entry('  ', 'wallet_boost', 'relationship.wallet_boost');
  lines.push('', 'response:', '  prospect:');
  entry('    ', 'half_hours', 'response.prospect.half_hours');
  entry('    ', 'sign', 'response.prospect.sign');
  lines.push('  signed:');
  entry('    ', 'half_hours', 'response.signed.half_hours');
  entry('    ', 'activate', 'response.signed.activate');
  entry('    ', 'keep', 'response.signed.keep');
  lines.push('  active:');
  entry('    ', 'half_hours', 'response.active.half_hours');
  entry('    ', 'keep', 'response.active.keep');
  entry('    ', 'wallet', 'response.active.wallet');
  lines.push('', 'drift:');
  for (const k of ['activate', 'signed_cold', 'churn', 'wallet_erosion', 'wallet_start', 'wallet_signed', 'revenue_noise']) entry('  ', k, `drift.${k}`);
  if (cal.payment) {
    const p = cal.payment.all;
    lines.push(
      '',
      `# how clients pay: ${count(p.settled)} invoices due at least ${NEVER_AFTER_DAYS} days before the history's end (never: still unpaid),`,
      `# ${count(p.late)} paid late (days late: median and sd of the log; payments not made by the end are left out)`,
      `payment: ${paymentFlow(p, true)}`,
    );
  } else lines.push('', '# payment: none (no due dates in transactions.csv): every sale paid on the day');
  lines.push('');
  if (cal.seasonality.factors) lines.push(`seasonality: [${cal.seasonality.factors.map((f) => round(f, 3)).join(', ')}]  # ${cal.seasonality.note}`);
  else lines.push(`# seasonality: default (twelve 1s): ${cal.seasonality.note}`);
  lines.push('', '# decision (horizon, discount, noise (the choice noise), inertia, duty): defaults, not estimated');
  void value;
  return `${lines.join('\n')}\n`;
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

function yamlKey(name: string): string {
  return /^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name);
}

const count = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * reps.hours (the floor) and reps.overtime, with where they came from: the
 * reps' low months as read, and with --scheme the values the simulation of
 * the history matched.
 */
function hoursLines(cal: Calibration, fit: HoursFit | undefined): string[] {
  const h = cal.hours;
  const read = `the ${ordinal(LOW_QUANTILE)} percentile of each rep's full months in activity.csv (${count(h.lows.length)} of ${count(h.reps)} reps with ${MIN_REP_MONTHS} or more, ${count(h.repMonths)} rep-months${h.partialMonths ? `, ${count(h.partialMonths)} partial left out` : ''})`;
  const lows = floorEstimate(h);
  const spread = `the reps' high months (the ${ordinal(HIGH_QUANTILE)} percentile) are ${pct(highOverLow(h))} above their lows`;
  const normal = (f: { mean: number; sd: number; min: number }) => `{normal: {mean: ${round(f.mean, 4)}, sd: ${round(f.sd, 3)}, min: ${round(f.min, 4)}}}`;
  if (!fit) {
    const cost = defaultOvertimeCost(SCENARIO_DEFAULTS.effortCost);
    return [
      h.lows.length
        ? `  # hours: each rep's floor (the hours the job demands whatever the pay) read as his low month, ${read};`
        : `  # hours: no rep has ${MIN_REP_MONTHS} full months in activity.csv: every floor at the mean rep-month (${count(h.repMonths)} rep-months);`,
      "  # it overstates the floor of reps whom pay keeps above it (matched to the history's hours with --scheme)",
      `  hours: ${normal(lows)}`,
      `  # overtime: defaults (max ${SCENARIO_DEFAULTS.overtimeMax}, cost ${round(cost)}: ${SCENARIO_DEFAULTS.overtimeCostFactor} times the mean default effort cost), not estimated:`,
      `  # matched to the history's hours only with --scheme; here ${spread}`,
      `  overtime: {max: ${SCENARIO_DEFAULTS.overtimeMax}, cost: ${round(cost)}}`,
    ];
  }
  const o = fit.observed, b = fit.best, c = fit.correction;
  const corrected = c
    ? [
        `  # - the floor: the reps' low months, ${read},`,
        `  #   over ${round(c.lowOver, 3)}: at the values first found the simulated reps' lows overstate their own floors by as much`,
        `  #   (lows ${normal(lows)}; a rep whom pay keeps above his floor never shows it)`,
        `  # - overtime.max: the ceiling over the floor, pooled; the ceiling the reps' high months (the ${ordinal(HIGH_QUANTILE)} percentile,`,
        `  #   ${pct(o.highOverLow)} above their lows) over ${round(c.highShort, 3)}, as far short of their ceilings as the simulated reps' highs`,
      ]
    : [`  # - the floor and overtime.max: the reps' low months, ${read}, and high months (the ${ordinal(HIGH_QUANTILE)} percentile), as read`];
  return [
    "  # hours (each rep's floor, the hours the job demands whatever the pay) and overtime, matched to the history's hours",
    `  # by simulating its ${fit.months} months under the scheme (${fit.runs} runs a trial, ${fit.trials.length} trials; the same estimators on both):`,
    ...corrected,
    `  # - overtime.cost: where the simulated hours a rep-month meet the observed, ${round(b.level, 4)} for ${round(o.level, 4)}${fit.edges.length ? `; ${fit.edges.join('; ')}` : ''}`,
    `  # At these values the simulated lows average ${round(b.lowMean, 4)} (observed ${round(o.lowMean, 4)}), the highs ${pct(b.highOverLow)} above them (observed ${pct(o.highOverLow)})`,
    `  hours: ${normal(fit.floor)}`,
    `  overtime: {max: ${round(fit.overtime.max, 3)}, cost: ${round(fit.overtime.cost, 3)}}`,
  ];
}

const split = (x: Record<string, number>) => ACTIVITIES.map((a) => `${a} ${pct(x[a] ?? 0)}`).join(', ');
const ordinal = (q: number) => `${Math.round(100 * q)}th`;

/** a payment estimate as a YAML flow mapping (the terms only where `terms`: a segment keeps the scenario's) */
function paymentFlow(p: PaymentEstimate, terms: boolean): string {
  const parts = [
    ...(terms ? [`terms_days: ${p.termsDays}`] : []),
    `on_time: ${round(p.onTime, 3)}`,
    ...(p.daysLate ? [`days_late: {lognormal: {median: ${round(p.daysLate.median, 3)}, sigma: ${round(p.daysLate.sigma, 3)}}}`] : []),
    `never: ${round(p.never, 3)}`,
  ];
  return `{${parts.join(', ')}}`;
}

/** a segment's own response and drift values, as `response:` and `drift:` flow mappings, each value's source in a comment */
function qualityLines(own: readonly SegmentValue[]): string[] {
  if (own.length === 0) return [];
  const response = new Map<string, string[]>();
  const drift: string[] = [];
  for (const v of own) {
    const [group, ...rest] = v.key.split('.');
    const entry = `${rest[rest.length - 1]}: ${round(v.value, 3)}`;
    if (group === 'drift') drift.push(entry);
    else response.set(rest[0], [...(response.get(rest[0]) ?? []), entry]);
  }
  const why = own.map((v) => `${v.key.split('.').slice(1).join('.')} ${round(v.value, 3)} ± ${round(v.error, 3)} (${count(v.events)} events; all clients ${round(v.pooled, 3)})`);
  return [
    `    # its own, by MLE from its clients alone, where over ${APART} standard errors from all clients': ${why.join('; ')}`,
    ...(response.size ? [`    response: {${[...response].map(([k, e]) => `${k}: {${e.join(', ')}}`).join(', ')}}`] : []),
    ...(drift.length ? [`    drift: {${drift.join(', ')}}`] : []),
  ];
}
