import { ACTIVITIES, type ActivityKind } from '../types.js';
import { annotate, int, num, obj, objectOr, oneKey, oneOf, withDefault, type Def, type Raw } from '../../yaml/schema-builder.js';

/** The parts several scenario keys share: numbers, distributions, per-activity values, curves, effects, drift rates, payment. */

type NumberOptions = { description?: string; hint?: string; maximum?: number; default?: number };
export const positive = <const O extends NumberOptions = {}>(opts: O = {} as O) => num({ exclusiveMinimum: 0, ...opts });
export const nonNegative = <const O extends NumberOptions = {}>(opts: O = {} as O) => num({ minimum: 0, ...opts });
export const probability = <const O extends NumberOptions = {}>(opts: O = {} as O) => num({ minimum: 0, maximum: 1, hint: 'a probability or share between 0 and 1', ...opts });

/**
 * A lognormal's sigma: at most 4, where its 1-in-1000 draw is already 230,000
 * times its median (QA: a sigma of 1000 passed, and revenue overflowed to no
 * value).
 */
export const LOGNORMAL_MAX_SIGMA = 4;
const sigma = () => nonNegative({ maximum: LOGNORMAL_MAX_SIGMA, hint: "a lognormal's spread: 0.5 is ordinary; 4, its most, puts 1 draw in 1000 at 230,000 times the median" });

/** the shape of a distribution, its values that place it (a number, a mean, a median, an upper bound) as `upper` and `median` allow */
function distributionOf(x: { upper: () => Def<number, number, false>; median: () => Def<number, number, false>; description: string; hint: string }) {
  return objectOr(
    oneKey({
      hint: 'one distribution: normal, lognormal, uniform or triangular',
      properties: {
        normal: obj({ required: ['mean', 'sd'], properties: { mean: x.upper(), sd: nonNegative(), min: num(), max: x.upper() } }),
        lognormal: obj({ required: ['median', 'sigma'], properties: { median: x.median(), sigma: sigma() } }),
        uniform: obj({ required: ['min', 'max'], properties: { min: num(), max: x.upper() } }),
        triangular: obj({ required: ['min', 'mode', 'max'], properties: { min: num(), mode: num(), max: x.upper() } }),
      },
    }),
    x.upper(),
    { description: x.description, hint: x.hint },
  );
}

const SHAPES = '{normal: {mean, sd}}, {lognormal: {median, sigma}}, {uniform: {min, max}}, {triangular: {min, mode, max}}';

/** a number, or one of the distributions */
export const Distribution = distributionOf({ upper: () => num(), median: () => positive(), description: `A number, or a distribution: ${SHAPES}.`, hint: `a number, or one of ${SHAPES}` });

/**
 * A distribution of a share of at most 1 (a margin: gross profit over
 * revenue): its number and the values that place it (a mean, a median, the
 * upper bound) at most 1, so that 25 for 25 % is refused with the fraction
 * it means (QA: a margin of 25 passed, and gross profit was 25 times revenue).
 */
const SHARE_HINT = 'a share of at most 1: 25 % is 0.25';
export const ShareDistribution = distributionOf({
  upper: () => num({ maximum: 1, hint: SHARE_HINT }),
  median: () => num({ exclusiveMinimum: 0, maximum: 1, hint: SHARE_HINT }),
  description: `A share of at most 1, or a distribution of one: ${SHAPES}.`,
  hint: `a share of at most 1 (25 % is 0.25), or one of ${SHAPES}`,
});

/** a share's distribution key with its own description, and its default */
export const shareDist = <const O extends { description: string; default?: RawDistribution }>(opts: O) => annotate(ShareDistribution, opts);

/** a distribution as a scenario file writes it: a number or `{normal: {mean, sd}}` and the like */
export type RawDistribution = Raw<typeof Distribution>;

/** a distribution key with its own description, and its default if it has one */
export const dist = <const O extends { description: string; default?: RawDistribution }>(opts: O) => annotate(Distribution, opts);

/**
 * A value per activity: `{prospect, signed, active, leads, collect}`, each
 * optional; with `fallback`, an activity left out takes it.
 */
export function perActivity<R, F>(value: Def<R, F, boolean>, description: string): Def<{ [A in ActivityKind]?: R }, { [A in ActivityKind]?: F }, false>;
export function perActivity<R, F>(value: Def<R, F, boolean>, description: string, fallback: (activity: ActivityKind) => R): Def<{ [A in ActivityKind]?: R }, Record<ActivityKind, F>, false>;
export function perActivity<R, F>(value: Def<R, F, boolean>, description: string, fallback?: (activity: ActivityKind) => R) {
  return obj({ description, properties: Object.fromEntries(ACTIVITIES.map((a) => [a, fallback ? withDefault(value, fallback(a)) : value])) });
}

/** a curve's half_hours (or scale_hours) when neither is given: on a client's account and on its overdue invoices */
export const CURVE_HALF_HOURS = 3;
export const COLLECT_HALF_HOURS = 1;

/** how an activity's hours on one client turn into its effect (no defaults: which key is given says which curve) */
export const CURVE = {
  half_hours: positive({ description: 'Hours on one client in a month that give half the full effect (saturating curve).' }),
  scale_hours: positive({ description: 'Hours per e-fold of the remaining effect (exponential curve).' }),
  curve: oneOf(['saturating', 'exponential'], { description: 'Shape of diminishing returns: h/(h+half_hours) or 1-exp(-h/scale_hours). Default saturating.' }),
};

/** the effects of attention a segment may set for itself (the scenario's own defaults are in `response`) */
export const EFFECT = {
  sign: probability({ description: 'P(prospect -> signed) this month at full attention.' }),
  activate: probability({ description: 'Added P(signed -> active) at full attention.' }),
  keepSigned: probability({ description: 'Share of the risk of going cold removed at full attention.', default: 0 }),
  keepActive: probability({ description: 'Share of the churn risk (and of wallet erosion) removed at full attention.', default: 0 }),
  wallet: probability({ description: 'Share of the missing wallet won in a month at full attention.', default: 0 }),
};

/** the drift rates a segment may set for itself, with the scenario's defaults */
export const DRIFT_RATES = {
  activate: probability({ description: 'P(signed -> active) without effort.', default: 0 }),
  signed_cold: probability({ description: 'P(signed -> lost): an almost-client goes cold.', default: 0 }),
  churn: probability({ description: 'P(active -> lost).', default: 0 }),
  wallet_erosion: probability({ description: 'Share of wallet lost to competitors.', default: 0 }),
  wallet_start: probability({ description: 'Share of wallet of a newly active client.', default: 0.3 }),
  wallet_signed: probability({ description: 'Share of wallet a signed, not yet active client buys.', default: 0 }),
};

/** how clients pay their invoices (at the top and per segment) */
export const Payment = obj({
  description: 'How clients pay their invoices: each sale is due some days after it and paid on time, late or never (default: every sale paid on the day).',
  properties: {
    terms_days: int({ minimum: 0, maximum: 365, hint: '0 to 365 days', description: 'Days from a sale to its due date (default 30).', default: 30 }),
    on_time: probability({ description: 'Share of invoices paid by their due date (default 0.8).', default: 0.8 }),
    days_late: dist({ description: 'Days past the due date of an invoice paid late (default lognormal, median 20, sigma 0.8).', default: { lognormal: { median: 20, sigma: 0.8 } } }),
    never: probability({ description: 'Share of invoices never paid (default 0).', default: 0 }),
  },
});
