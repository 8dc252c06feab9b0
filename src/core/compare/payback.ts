import type { PairedDifference } from '../stats/paired-difference.js';

/**
 * When a switch of schemes pays back, read from its transition: the dip
 * while reps adapt (how far, and until when, the cumulative profit after pay
 * falls behind staying), and the month from which it is ahead for good.
 */
export interface Payback {
  /** the month the cumulative difference's mean is lowest, when it falls below 0 (the earliest of equals); null when it never does */
  dip: { month: number; cumulative: PairedDifference } | null;
  /** the month whose own difference's mean is lowest, when below 0 (the earliest of equals) */
  worstMonth: { month: number; difference: PairedDifference } | null;
  /**
   * the first month from which the cumulative difference's 95 % interval
   * lies above 0 in that month and every later one of the horizon; null when
   * there is none within the horizon, or no interval (fewer than 2 runs)
   */
  paysBackFrom: { month: number; cumulative: PairedDifference } | null;
  /** the cumulative difference in the horizon's last month */
  end: PairedDifference | null;
}

/** `months` labels the entries of the two series (their months' indices in the horizon) */
export function paybackOf(months: readonly number[], monthly: readonly (PairedDifference | null)[], cumulative: readonly (PairedDifference | null)[]): Payback {
  if (monthly.length !== months.length || cumulative.length !== months.length) throw new RangeError('a payback needs one monthly and one cumulative difference per month');
  const lowest = (series: readonly (PairedDifference | null)[]): number => {
    let at = -1;
    for (let k = 0; k < series.length; k++) {
      const d = series[k];
      if (d && d.mean < 0 && (at < 0 || d.mean < series[at]!.mean)) at = k;
    }
    return at;
  };
  const dip = lowest(cumulative);
  const worst = lowest(monthly);
  let from = -1;
  for (let k = cumulative.length - 1; k >= 0; k--) {
    const ci = cumulative[k]?.ci95;
    if (!ci || !(ci[0] > 0)) break;
    from = k;
  }
  return {
    dip: dip < 0 ? null : { month: months[dip], cumulative: cumulative[dip]! },
    worstMonth: worst < 0 ? null : { month: months[worst], difference: monthly[worst]! },
    paysBackFrom: from < 0 ? null : { month: months[from], cumulative: cumulative[from]! },
    end: cumulative.length > 0 ? cumulative[cumulative.length - 1] : null,
  };
}
