import * as R from '../money/rational.js';

/**
 * A bound on how many reps would lose more than a share of their pay, paid
 * on actual data under a point's scheme against the scheme as it stands:
 * `--subject-to "reps_losing_over_5% <= 2"`. Exact (the payout engine on
 * the data), so it needs no interval.
 */
export interface LosersBound {
  text: string;
  /** the share of pay lost above which a rep counts, e.g. 5 % */
  over: R.Q;
  /** the most such reps allowed */
  most: number;
}

const FORM = /^\s*reps_losing_over_([\d.]+)\s*%\s*(<=|≤|<)\s*(\d+)\s*$/;

/** a --subject-to of this form, or undefined for another (a run metric's bound); a string says what is wrong with one that looks like it */
export function parseLosersBound(text: string): LosersBound | string | undefined {
  if (!/^\s*reps_losing/.test(text)) return undefined;
  const m = FORM.exec(text);
  if (!m) return `--subject-to "${text}": a bound on losers is written reps_losing_over_X% <= N, e.g. "reps_losing_over_5% <= 2": how many reps may lose more than X % of their pay on actual data (--actual DIR)`;
  const over = R.parseDecimal(m[1]);
  if (!over) return `--subject-to "${text}": '${m[1]}' is not a percentage`;
  const most = Number(m[3]) - (m[2] === '<' ? 1 : 0);
  if (most < 0) return `--subject-to "${text}": no number of reps is below 0; write <= 0 for none`;
  return { text: text.trim(), over: R.div(over, R.q(100)), most };
}

/** how many reps lose more than `over` of their pay from `base` to `other` (each rep's pay over the same months, in one order); a rep paid nothing before loses nothing */
export function repsLosing(base: readonly R.Q[], other: readonly R.Q[], over: R.Q): number {
  let n = 0;
  base.forEach((b, i) => {
    if (R.sign(b) <= 0) return;
    // lost share = (b - o) / b > over
    if (R.cmp(R.div(R.sub(b, other[i]), b), over) > 0) n++;
  });
  return n;
}
