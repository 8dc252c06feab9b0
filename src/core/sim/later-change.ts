import type { Month } from '../time/month.js';

/**
 * The first month past the next period, within his horizon, in which a term
 * of the scheme changes for him (0: none): a dated term of the scheme
 * (`changes`, calendar months), or one his tenure turns (`tenureAt`, months
 * of his tenure, his first month 1; `served`: his tenure now, 0 before he
 * starts). He asks what outcomes are worth in the period it starts in, and a
 * client won now is worth those rates from then on (ask-rates.ts,
 * client-worth.ts): a rate raised from July is foreseen in March, a
 * commission from a hire's third month in his first.
 */
export function laterChange(month: Month, left: number, horizon: number, changes: readonly Month[], tenureAt: ReadonlySet<number>, served: number): Month {
  let later = 0;
  const consider = (c: Month) => {
    if (c > month + left && c < month + horizon && (later === 0 || c < later)) later = c;
  };
  for (const c of changes) consider(c);
  if (served > 0) for (const a of tenureAt) consider(month + a - served);
  return later;
}
