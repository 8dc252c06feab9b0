import { segmentQuality, type SegmentValue } from './segment-quality.js';
import { fitPayment, type PaymentFit } from './payment-fit.js';
import { formatMonth, lastDay, type Month } from '../time/month.js';
import { listAnd } from '../problems/suggest.js';
import type { Client, Dataset, Q } from '../types.js';
import { isUndated } from '../data/client-state.js';
import { DEFAULTS } from './defaults.js';
import { SCENARIO_DEFAULTS } from '../scenario/definition/defaults.js';
import { readDistribution } from '../scenario/read-distribution.js';
import { mean } from '../scenario/distributions.js';
import { LOGNORMAL_MAX_SIGMA } from '../scenario/definition/fragments.js';
import { activityOf } from '../payout/activity-of.js';
import { activityFacts } from '../data/facts.js';
import { MIN_EVENTS, type Estimate } from './estimate.js';
import type { MleFit } from './mle.js';
import { buildPanel, type Panel } from './panel.js';
import { clientlessNote } from './clientless-hours.js';
import { fitChurn, fitSigned, fitSigning, sat } from './response-fits.js';
import { fitSeasonality, type BridgedGap } from './seasonality.js';
import { fitWallet, pathSeasonality, usablePaths, type WalletFit } from './wallet-fit.js';
import { activeFitter } from './active-fit.js';
import { planColumns, type PlanColumn } from './plan-columns.js';
import { ACTIVATED, COLD, countOf } from './client-months.js';
import { observeHours, type HourObservations } from './rep-hours.js';
import { counted } from '../verdict/words.js';

export interface SegmentFit {
  name: string;
  share: number;
  clients: number;
  margin: number | undefined;
  revenueMedian: number;
  revenueSigma: number;
  /** clients the potential rests on; 0 when the all-segment estimate was used */
  potentialClients: number;
  note: string;
}

/** observed against fitted, by bucket of hours */
export interface FitTable {
  title: string;
  header: string[];
  rows: string[][];
}

export interface Calibration {
  first: Month;
  last: Month;
  months: number;
  clients: number;
  estimates: Estimate[];
  segments: SegmentFit[];
  seasonality: { factors: number[] | undefined; steps: number; note: string };
  /** each segment's own response and drift values, where its clients differ from the whole history's */
  segmentQuality: Map<string, SegmentValue[]>;
  /** how clients pay, from the due and paid dates (undefined: no due dates in the history) */
  payment: PaymentFit | undefined;
  /** reps employed at the end of the history */
  reps: { count: number };
  /** each rep's hours month by month (activity.csv): his low and high months, the level and the split */
  hours: HourObservations;
  /** the plan columns of reps.csv (plans.csv) across reps, for the scenario's synthetic reps */
  planColumns: PlanColumn[];
  book: { prospects: number; signed: number; active: number };
  newProspects: { value: number; note: string } | undefined;
  /** the log-likelihood of the three response models at their optima */
  logLik: number;
  tables: FitTable[];
  warnings: string[];
  followed: number;
}

export interface CalibrateOptions {
  /** months to a full relationship (not identified apart from churn_cut: assumed) */
  monthsToFull?: number;
}

/**
 * Estimate a scenario from a history (docs/cli.md, motiv calibrate). The
 * reps' prospecting skills are integrated out of the signing likelihood
 * (lognormal, their spread estimated); elsewhere every rep's skill is taken
 * as 1, the median of a scenario's skill distribution.
 */
export const SKILL_SIGMA = 'reps.skill.prospect.sigma';

export function calibrate(data: Dataset<Q>, options: CalibrateOptions = {}): Calibration | undefined {
  const history = readHistory(data);
  return history && calibrateHistory(history, options);
}

/**
 * What the fits read of a history, read at once: the panel and every count
 * taken from the rows. The fits then run without the dataset, which a
 * caller can let go (on a million transactions it is some 350 MB, and a
 * larger live heap lets the fits' garbage grow further before it is
 * collected).
 */
export interface HistoryReadings {
  panel: Panel;
  clients: number;
  /** reps employed at the end of the history (at least 1) */
  employed: number;
  hours: HourObservations;
  planColumns: PlanColumn[];
  newProspects: Calibration['newProspects'];
  payment: PaymentFit | undefined;
  segments: SegmentMembers;
  /** whether a firm of the data never signed (neverSigned): else it lists only the firms that did */
  neverSigned: boolean;
}

export function readHistory(data: Dataset<Q>): HistoryReadings | undefined {
  const panel = buildPanel(data);
  if (!panel) return undefined;
  const employed = Math.max(1, data.reps.filter((r) => r.end === undefined || r.end >= lastDay(panel.last)).length);
  return {
    panel, clients: data.clients.length, employed,
    hours: observeHours(data, panel),
    planColumns: planColumns(data),
    newProspects: newProspects(data, panel, employed),
    payment: fitPayment(data),
    segments: segmentMembers(data, panel),
    neverSigned: panel.endBook.prospects > 0 || data.clients.some(neverSigned),
  };
}

export function calibrateHistory(history: HistoryReadings, options: CalibrateOptions = {}): Calibration {
  const { panel, employed } = history;
  const monthsToFull = options.monthsToFull ?? DEFAULTS['relationship.months_to_full'];
  const warnings: string[] = [];
  const estimates: Estimate[] = [];
  const tables: FitTable[] = [];
  let logLik = 0;
  const keepDefaults = (keys: string[], note: string) => {
    for (const key of keys) estimates.push({ key, value: DEFAULTS[key], source: 'default', note });
  };
  const fromFit = (fit: MleFit, keys: Record<string, string>, observations: number, basis: string, events: Record<string, number>) => {
    fit.names.forEach((name, i) => {
      const key = keys[name];
      if (!key) return;
      const e: Estimate = { key, value: fit.estimates[i], source: 'mle', error: fit.errors[i], observations, basis, events: events[name] };
      // a curve's half hours run off towards 0 where any attention has its full effect: written as the least a scenario reads apart
      // from none, not as 0, which no scenario takes (QA: a calibrated scenario that did not load)
      if (name === 'half_hours' && !(e.value >= MIN_HALF_HOURS)) {
        warnings.push(`${key} = ${e.value.toPrecision(2)}: any hours at all have the full effect in this history; written as ${MIN_HALF_HOURS}, the least calibrate writes`);
        e.value = MIN_HALF_HOURS;
      }
      estimates.push(e);
      const se = fit.errors[i];
      if (se === undefined) warnings.push(`${key}: no standard error (the likelihood is flat or undefined around the estimate ${round(e.value)}: it sits on a bound of its range, or this history does not tell it apart)`);
      else if (se > 0.5 * Math.abs(e.value)) warnings.push(`${key} = ${round(e.value)} ± ${round(se)}: poorly identified by this history (the error is over half the estimate)`);
    });
  };

  // prospects sign
  const signings = countOf(panel.prospect.signed, 1);
  if (panel.clientless.rows > 0) {
    warnings.push(`response.prospect: ${clientlessNote(panel.clientless)}`);
  }
  const signKeys = ['response.prospect.sign', 'response.prospect.half_hours'];
  if (signings < MIN_EVENTS) {
    const note = `too few signings (${signings}, fewer than ${MIN_EVENTS})`;
    warnings.push(`response.prospect: ${note} in ${count(panel.prospect.length)} prospect-months with hours: kept the defaults`);
    keepDefaults(signKeys, note);
  } else if (!history.neverSigned) {
    // every firm of the data signed: an export of customers leaves out the prospects that never did, and the months worked on those
    // that did read as a signing rate far too high (QA: half_hours 0.29 for a truth of 5, and 760 signings a year for 140)
    const note = 'no firm of the data never signed (none a prospect at its end, none lost as one): it lists only the firms that signed (an export of customers, a CRM import of clients), so the months of prospects that never signed are missing';
    warnings.push(`response.prospect: ${note}: kept the defaults; give clients.csv the firms still prospects (status prospect) to fit the signing curve`);
    keepDefaults(signKeys, note);
  } else {
    const fit = fitSigning(panel.prospect);
    logLik += fit.logLik;
    fromFit(fit, { sign: signKeys[0], half_hours: signKeys[1], skill_sigma: SKILL_SIGMA }, panel.prospect.length, 'prospect-months with hours', { sign: signings, half_hours: signings, skill_sigma: signings });
    const { hours, signed } = panel.prospect;
    tables.push(bucketTable('Prospects: signing rate by hours in the month', hours, (i) => signed[i] === 1, (i) => fit.rate(hours[i]), 'signed'));
  }

  // signed clients activate or go cold
  const activations = countOf(panel.signed.outcome, ACTIVATED);
  const colds = countOf(panel.signed.outcome, COLD);
  const signedKeys = ['response.signed.activate', 'drift.activate', 'drift.signed_cold', 'response.signed.keep', 'response.signed.half_hours'];
  if (activations < MIN_EVENTS || colds < MIN_EVENTS) {
    const note = `too few ${activations < MIN_EVENTS ? `activations (${activations}` : `signed clients gone cold (${colds}`}, fewer than ${MIN_EVENTS})`;
    warnings.push(`response.signed and drift.activate, drift.signed_cold: ${note} in ${count(panel.signed.length)} signed-months: kept the defaults`);
    keepDefaults(signedKeys, note);
  } else {
    const fit = fitSigned(panel.signed);
    logLik += fit.logLik;
    fromFit(fit, { activate: signedKeys[0], drift_activate: signedKeys[1], signed_cold: signedKeys[2], keep: signedKeys[3], half_hours: signedKeys[4] }, panel.signed.length, 'signed-months', {
      activate: activations, drift_activate: activations, signed_cold: colds, keep: colds, half_hours: activations,
    });
    const [a, d, , , half] = fit.estimates;
    const { hours, outcome } = panel.signed;
    tables.push(bucketTable('Signed clients: activation rate by hours in the month', hours, (i) => outcome[i] === ACTIVATED, (i) => Math.min(1, d + a * sat(hours[i], half)), 'activated'));
  }

  // seasonality (the revenue paths below are read net of it)
  const season = fitSeasonality(panel);
  let seasonNote: string;
  const bridged = panel.months < 13 ? [] : season.bridged;
  for (const b of bridged) warnings.push(`seasonality: ${bridgedNote(b)}; check that the history's export covers ${gapsOf(b)} (a month with truly no sale is no seasonal dip this can show)`);
  if (!season.factors || season.steps < MIN_EVENTS) {
    seasonNote = panel.months < 13 ? `history of ${counted(panel.months, 'month')}, shorter than the 13 that cover every month-to-month step` : fewStepsNote(season.stepsInto, bridged);
    warnings.push(`seasonality: ${seasonNote}: kept twelve 1s`);
    season.factors = undefined;
  } else {
    const over = bridged.map((b) => `${MONTHS[b.into]} and ${MONTHS[b.after]} bridged over ${gapsOf(b)}, ${b.gaps.length === 1 ? 'a month' : 'months'} with no sale`);
    seasonNote = `from ${count(season.steps)}+ client month-to-month steps per month, log error up to ± ${round(season.logError ?? 0)}${over.length ? ` (${over.join('; ')})` : ''}`;
  }
  const logSeason = (season.factors ?? new Array<number>(12).fill(1)).map(Math.log);

  // active clients: losses, and the share of wallet from the revenue paths, sharing the curve
  const losses = countOf(panel.active.lost, 1);
  const churnKeys = ['drift.churn', 'response.active.keep', 'response.active.half_hours', 'relationship.churn_cut'];
  const walletKeys = ['response.active.wallet', 'drift.wallet_erosion', 'drift.wallet_start', 'relationship.wallet_boost'];
  const paths = usablePaths(panel.wallets);
  let walletObservations = 0;
  for (const p of paths) for (const r of p.revenue) if (r > 0) walletObservations++;
  const walletBasis = `client-months of revenue of ${count(paths.length)} clients activated in the history`;
  const enoughLosses = losses >= MIN_EVENTS, enoughPaths = paths.length >= MIN_EVENTS;
  let keepActive = DEFAULTS['response.active.keep'], halfActive = DEFAULTS['response.active.half_hours'];
  let churnFit: number[] | undefined;
  if (!enoughLosses) {
    const note = `too few active clients lost (${losses}, fewer than ${MIN_EVENTS})`;
    const kept = enoughPaths ? [churnKeys[3]] : churnKeys.slice(1);
    if (losses > 0) {
      // some losses, too few for the curve: the plain rate, not the default's 0 (QA: 9 losses in 1,444 active-months kept churn at 0)
      const plain = plainChurn(panel, losses, monthsToFull);
      estimates.push(plain);
      warnings.push(`drift.churn: ${note} for the loss curve in ${count(panel.active.length)} active-months: written as the plain rate, ${plain.note}`);
      warnings.push(`${kept.join(', ')}: ${note}: kept the defaults`);
    } else {
      warnings.push(`drift.churn, relationship.churn_cut${enoughPaths ? '' : ', response.active.keep, response.active.half_hours'}: ${note} in ${count(panel.active.length)} active-months: kept the defaults`);
      kept.unshift(churnKeys[0]);
    }
    keepDefaults(kept, note);
  }
  if (!enoughPaths) {
    const note = `too few clients activated in the history with 3 months of revenue (${paths.length}, fewer than ${MIN_EVENTS})`;
    warnings.push(`share of wallet (response.active.wallet, drift.wallet_erosion, drift.wallet_start, relationship.wallet_boost, drift.wallet_signed, drift.revenue_noise): ${note}: kept the defaults`);
    keepDefaults([...walletKeys, 'drift.wallet_signed', 'drift.revenue_noise'], note);
  }
  if (enoughLosses && enoughPaths) {
    const fitActive = activeFitter(panel.active, paths, monthsToFull);
    let fit = fitActive(logSeason);
    // the season again from the paths at these shares of wallet, and the fit again at that season, till the season settles
    for (let round = 0; round < 3 && season.factors; round++) {
      const [, keep, half, , gain, erosion, w0, boost] = fit.estimates;
      const factors = pathSeasonality(paths, monthsToFull, [gain, erosion, w0, boost, keep, half]);
      if (!factors) break;
      const moved = Math.max(...factors.map((f, k) => Math.abs(Math.log(f) - logSeason[k])));
      season.factors = factors;
      factors.forEach((f, k) => (logSeason[k] = Math.log(f)));
      seasonNote = `from the revenue paths of ${count(paths.length)} clients activated in the history, fitted with their share of wallet`;
      if (moved < 0.002) break;
      fit = fitActive(logSeason, fit.estimates);
    }
    logLik += fit.logLik;
    const n = panel.active.length + walletObservations;
    fromFit(fit, { churn: churnKeys[0], keep: churnKeys[1], half_hours: churnKeys[2], churn_cut: churnKeys[3] }, n, `active-months and revenue-months`, { churn: losses, churn_cut: losses });
    fromFit(fit, { wallet: walletKeys[0], wallet_erosion: walletKeys[1], wallet_start: walletKeys[2], wallet_boost: walletKeys[3] }, walletObservations, walletBasis, {});
    churnFit = fit.estimates.slice(0, 4);
  } else if (enoughLosses) {
    const fit = fitChurn(panel.active, monthsToFull, true);
    logLik += fit.logLik;
    fromFit(fit, { churn: churnKeys[0], keep: churnKeys[1], half_hours: churnKeys[2], churn_cut: churnKeys[3] }, panel.active.length, 'active-months', { churn: losses, keep: losses, half_hours: losses, churn_cut: losses });
    churnFit = fit.estimates;
  }
  if (churnFit) {
    const [churn, keep, half, cut] = churnFit;
    keepActive = keep;
    halfActive = half;
    const { hours, lost, relationshipMonths } = panel.active;
    tables.push(bucketTable('Active clients: loss rate by hours in the month', hours, (i) => lost[i] === 1, (i) => churn * (1 - keep * sat(hours[i], half)) * (1 - cut * Math.min(1, relationshipMonths[i] / monthsToFull)), 'lost'));
  }
  estimates.push({ key: 'relationship.months_to_full', value: monthsToFull, source: 'default', note: 'assumed: not identified apart from churn_cut' });

  let wallet: WalletFit | undefined;
  if (enoughPaths) {
    // conditional on the curve: the potentials, the noise, and (without enough losses) the wallet parameters themselves
    wallet = fitWallet(panel.wallets, { keep: keepActive, halfHours: halfActive, monthsToFull, logSeason });
    if (!enoughLosses) fromFit({ names: wallet.names, estimates: wallet.estimates, errors: wallet.errors, logLik: 0 }, { wallet: walletKeys[0], wallet_erosion: walletKeys[1], wallet_start: walletKeys[2], wallet_boost: walletKeys[3] }, wallet.observations, walletBasis, {});
    estimates.push({ key: 'drift.revenue_noise', value: wallet.noise, source: 'moment', observations: wallet.observations, basis: 'client-months', note: 'sd of log revenue around each client\'s fitted path' });
    if (wallet.walletSigned && wallet.walletSigned.months >= MIN_EVENTS) {
      estimates.push({ key: 'drift.wallet_signed', value: wallet.walletSigned.value, source: 'moment', observations: wallet.walletSigned.months, basis: 'signed-months with revenue', note: 'revenue while signed over the same client\'s potential' });
    } else {
      const note = `too few signed-months with revenue (${wallet.walletSigned?.months ?? 0})`;
      warnings.push(`drift.wallet_signed: ${note}: kept the default`);
      keepDefaults(['drift.wallet_signed'], note);
    }
  }

  const segments = segmentFits(history.segments, panel, wallet, warnings);
  const book = {
    prospects: Math.round(panel.endBook.prospects / employed),
    signed: Math.round(panel.endBook.signed / employed),
    active: Math.round(panel.endBook.active / employed),
  };

  return {
    first: panel.first, last: panel.last, months: panel.months, clients: history.clients,
    estimates, segments,
    seasonality: { factors: season.factors, steps: season.steps, note: seasonNote },
    reps: { count: employed },
    hours: history.hours,
    planColumns: history.planColumns,
    book,
    newProspects: history.newProspects,
    payment: history.payment,
    segmentQuality: segmentQuality(panel, new Map(estimates.map((e) => [e.key, e])), monthsToFull),
    logLik, tables, warnings, followed: panel.followed,
  };
}


const BUCKETS: [number, number, string][] = [[0, 0, '0'], [0, 1, '0-1'], [1, 2, '1-2'], [2, 4, '2-4'], [4, 8, '4-8'], [8, Infinity, '8+']];

/** observed against fitted by bucket of hours, in one pass over the rows (row i: its hours, event and fitted chance) */
function bucketTable(title: string, hours: Float64Array, event: (i: number) => boolean, p: (i: number) => number, noun: string): FitTable {
  const n = new Array<number>(BUCKETS.length).fill(0), events = new Array<number>(BUCKETS.length).fill(0), expected = new Array<number>(BUCKETS.length).fill(0);
  for (let r = 0; r < hours.length; r++) {
    const h = hours[r];
    const b = BUCKETS.findIndex(([lo, hi]) => (hi === 0 ? h === 0 : h > lo && h <= hi));
    if (b < 0) continue;
    n[b]++;
    if (event(r)) events[b]++;
    expected[b] += p(r);
  }
  const out: string[][] = [];
  BUCKETS.forEach(([, , label], b) => {
    if (n[b] > 0) out.push([label, count(n[b]), count(events[b]), pct(events[b] / n[b]), pct(expected[b] / n[b])]);
  });
  return { title, header: ['hours', 'months', noun, 'observed', 'fitted'], rows: out };
}

/** each segment (sorted by name; 'all' for clients without one): its clients (by their first place in clients.csv), and their revenue and gross profit */
interface SegmentMembers {
  total: number;
  groups: { name: string; members: Int32Array; revenue: number; profit: number }[];
}

function segmentMembers(data: Dataset<Q>, panel: Panel): SegmentMembers {
  const names = [...new Set(data.clients.map((c) => c.segment ?? 'all'))].sort();
  const cells = panel.revenue;
  const groups = names.map((name) => {
    const members = Int32Array.from(data.clients.filter((c) => (c.segment ?? 'all') === name), (c) => panel.clientIndex.get(c.id)!);
    let revenue = 0, profit = 0;
    for (const at of members) {
      for (let cell = cells.first(at); cell < cells.end(at); cell++) {
        revenue += cells.revenue(cell);
        profit += cells.profit(cell);
      }
    }
    return { name, members, revenue, profit };
  });
  return { total: data.clients.length, groups };
}

function segmentFits({ total, groups }: SegmentMembers, panel: Panel, wallet: WalletFit | undefined, warnings: string[]): SegmentFit[] {
  const all = wallet?.potentials ?? [];
  const lognormal = (xs: { logPotential: number; months: number }[]) => {
    const mu = xs.reduce((a, x) => a + x.logPotential, 0) / xs.length;
    const v = xs.reduce((a, x) => a + (x.logPotential - mu) ** 2, 0) / Math.max(1, xs.length - 1);
    // less the noise each client's mean carries
    const noiseVar = wallet ? xs.reduce((a, x) => a + (wallet.noise * wallet.noise) / x.months, 0) / xs.length : 0;
    return { median: Math.exp(mu), sigma: Math.sqrt(Math.max(0, v - noiseVar)) };
  };
  return groups.map(({ name, members, revenue, profit }) => {
    const mine = all.filter((p) => (p.segment ?? 'all') === name);
    // (too few of the segment in the book: its clients activated in the history too, before every segment's potential; QA: a
    // segment of 24 book clients and 515 in the data took the all-segment median, 4,791 for 9,000)
    const grown = (wallet?.grown ?? []).filter((p) => (p.segment ?? 'all') === name);
    let fit: { median: number; sigma: number }, note: string, potentialClients = mine.length;
    if (mine.length >= MIN_EVENTS) {
      fit = lognormal(mine);
      note = `potential from ${count(mine.length)} clients' revenue over their fitted share of wallet and the seasonality`;
    } else if (mine.length + grown.length >= MIN_EVENTS) {
      fit = lognormal([...mine, ...grown]);
      potentialClients = mine.length + grown.length;
      note = `potential from ${count(mine.length)} clients of the book and ${count(grown.length)} activated in the history (too few in the book alone): revenue over their fitted share of wallet and the seasonality`;
    } else if (all.length >= MIN_EVENTS) {
      fit = lognormal(all);
      potentialClients = 0;
      note = `too few clients of the segment (${mine.length}): the all-segment potential`;
      warnings.push(`segments.${name}.revenue: ${note}`);
    } else {
      // no share of wallet fitted: each client's mean monthly purchase over the share its starting book buys at (book.wallet's
      // default), spread as they are (QA: the median purchase with no spread, at a full share, wrote potentials 2.5 times too low)
      const share = mean(readDistribution(SCENARIO_DEFAULTS.bookWallet, ['book', 'wallet'], () => undefined));
      const logs: number[] = [];
      for (const at of members) {
        let sum = 0, months = 0;
        for (let cell = panel.revenue.first(at); cell < panel.revenue.end(at); cell++) {
          if (panel.revenue.revenue(cell) <= 0) continue;
          sum += panel.revenue.revenue(cell);
          months++;
        }
        if (months > 0) logs.push(Math.log(sum / months / share));
      }
      const mu = logs.reduce((a, x) => a + x, 0) / Math.max(1, logs.length);
      const sd = logs.length > 1 ? Math.sqrt(logs.reduce((a, x) => a + (x - mu) ** 2, 0) / (logs.length - 1)) : 0;
      fit = { median: logs.length ? Math.exp(mu) : 1000, sigma: Math.min(LOGNORMAL_MAX_SIGMA, sd) };
      potentialClients = 0;
      note = logs.length
        ? `too little history for the share of wallet: ${count(logs.length)} clients' mean monthly purchase over book.wallet's ${round(share)} as the potential`
        : 'no purchases: a placeholder of 1,000';
      warnings.push(`segments.${name}.revenue: ${note}`);
    }
    return { name, share: members.length / total, clients: members.length, margin: revenue > 0 ? profit / revenue : undefined, revenueMedian: fit.median, revenueSigma: fit.sigma, potentialClients, note };
  });
}

/** prospects first worked after the first month, per rep and month: new prospects reach a rep at least this fast */
function newProspects(data: Dataset<Q>, panel: Panel, reps: number): Calibration['newProspects'] {
  if (panel.months < 3) return undefined;
  const firstWorked = new Map<string, Month>();
  const activity = activityFacts(data);
  for (let i = 0; i < activity.length; i++) {
    const client = activity.client(i), month = activity.month(i);
    // (a blank activity is the client's state that month, as payout reads it: the panel's index of clients.csv)
    const at = client === undefined ? undefined : panel.clientIndex.get(client);
    if (client === undefined || (activity.activity(i) ?? activityOf(at === undefined ? undefined : data.clients[at], month)) !== 'prospect') continue;
    const seen = firstWorked.get(client);
    if (seen === undefined || month < seen) firstWorked.set(client, month);
  }
  let fresh = 0;
  for (const m of firstWorked.values()) if (m > panel.first + 1) fresh++;
  const value = fresh / (panel.months - 2) / reps;
  return { value, note: `rough: ${count(fresh)} prospects first worked after the second month, per rep and month (a prospect may wait before it is worked)` };
}

/**
 * drift.churn from losses too few for the curve: the plain monthly rate,
 * losses over the active client-months at risk, with its binomial standard
 * error. The scenario's loss chance is churn × (1 − keep × s(h)) ×
 * (1 − churn_cut × ℓ): with keep and churn_cut at their defaults (0) churn
 * is that rate; were they not, it is divided by their mean over the same
 * months, so the history's hours give back the rate observed.
 */
function plainChurn(panel: Panel, losses: number, monthsToFull: number): Estimate {
  const { hours, relationshipMonths, length } = panel.active;
  const keep = DEFAULTS['response.active.keep'], half = DEFAULTS['response.active.half_hours'], cut = DEFAULTS['relationship.churn_cut'];
  let modifier = 0;
  for (let i = 0; i < length; i++) modifier += (1 - keep * sat(hours[i], half)) * (1 - cut * Math.min(1, relationshipMonths[i] / monthsToFull));
  modifier /= length;
  const rate = losses / length;
  const scaled = modifier === 1 ? '' : ` over ${round(modifier)}, the mean of (1 − keep × s(h)) × (1 − churn_cut × ℓ) at the defaults in those months`;
  return {
    key: 'drift.churn',
    value: rate / modifier,
    source: 'moment',
    error: Math.sqrt((rate * (1 - rate)) / length) / modifier,
    observations: length,
    basis: 'active-months',
    events: losses,
    note: `plain rate: ${count(losses)} active clients lost in ${count(length)} active client-months (${round(100 * rate)} % a month)${scaled}; too few losses for the curve (fewer than ${MIN_EVENTS}), so no effect of hours or of the relationship is fitted`,
  };
}

/** the least half hours of a response curve calibrate writes: a tenth of an hour (a curve whose full effect any call has) */
const MIN_HALF_HOURS = 0.1;

export function round(x: number, digits = 3): string {
  if (x === 0) return '0';
  const p = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(p, 8))).toString();
}
const count = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** a firm of the data that never signed: no signing or activation date, and a prospect, or lost as one (status lost with no date; review: a CRM that closes its dead prospects as lost) */
function neverSigned(c: Client): boolean {
  return isUndated(c) && (c.status === 'prospect' || (c.status === 'lost' && c.lost === undefined));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Which calendar months have too few client month-to-month steps into them
 * (QA: one month of the history with no sale left August and September with
 * none, said as "too few steps (0)" with no month named): each factor is
 * chained from all twelve steps, so one month short keeps all twelve at 1.
 */
function fewStepsNote(stepsInto: readonly number[], bridged: readonly BridgedGap[]): string {
  const over = new Set(bridged.flatMap((b) => [b.into, b.after]));
  const short = stepsInto.flatMap((n, k) => (n < MIN_EVENTS && !over.has(k) ? [`${MONTHS[k]} (${n})`] : []));
  const none = stepsInto.some((n, k) => n === 0 && !over.has(k));
  const gaps = bridged.flatMap((b) => b.gaps);
  if (short.length === 0) return `too few two-month steps over ${listAnd(bridged.map(gapsOf), false)} (${bridged.map((b) => b.steps).join(', ')}, fewer than ${MIN_EVENTS}), ${gaps.length === 1 ? 'a month' : 'months'} with no sale`;
  return `too few client month-to-month steps (fewer than ${MIN_EVENTS}) into ${short.join(', ')}${none ? ': a month of the history with no sale, or no client buying in it and the month before, breaks the steps into it and out of it' : ''}; each month's factor is chained from all twelve steps`;
}

/** what a bridge over a month with no sale did, for the warning */
function bridgedNote(b: BridgedGap): string {
  const into = MONTHS[b.into], after = MONTHS[b.after];
  const how =
    b.split === 'evenly'
      ? `split evenly between ${into} and ${after} (the two-month change is measured, not how it splits: ${into}'s factor is interpolated on the log scale between ${MONTHS[(b.into + 11) % 12]}'s and ${after}'s)`
      : b.split === 'after'
        ? `less ${into}'s own steps from another year, for ${after}`
        : `less ${after}'s own steps from another year, for ${into}`;
  return `${gapsOf(b)} ${b.gaps.length === 1 ? 'has' : 'have'} no sale: the steps into ${into} and ${after} ${b.gaps.length === 1 ? 'it breaks' : 'they break'} are bridged by ${count(b.steps)} ${b.gaps.length === 1 ? "clients' two-month steps" : `two-month steps of clients (over the ${b.gaps.length} months alike)`} from ${MONTHS[(b.into + 11) % 12]} to ${after}, ${how}`;
}

/** the months of no sale a bridge is over: '2025-05', '2025-05 and 2026-05' */
const gapsOf = (b: BridgedGap): string => listAnd(b.gaps.map(formatMonth), false);
