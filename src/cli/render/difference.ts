import { groupThousands } from '../../core/money/format.js';
import type { MetricSpec } from '../../core/sim/metrics.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { round } from './simulate.js';

/** a number's text with its sign: "+12", "−12" (a true minus); none where it shows as zero ("0.00", not "+0.00" or "-0.00") */
export const signed = (text: string) => (/^-?[0.,]+$/.test(text) ? text.replace(/^-/, '') : text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`);

/** a difference as the table shows it: money whole, counts to a tenth, shares in percentage points */
export function showDifference(x: number, spec: MetricSpec): string {
  switch (spec.unit) {
    case 'money':
      return signed(groupThousands(x.toFixed(0)));
    case 'count':
    case 'hours':
      return signed(groupThousands(x.toFixed(1)));
    case 'share':
    case 'ratio':
      return `${signed((x * 100).toFixed(2))} pt`;
  }
}

/** a paired difference's 95 % interval as the table shows it: "−42,768 .. −37,577" ("-" without one) */
export function showInterval(d: PairedDifference, spec: MetricSpec): string {
  if (!d.ci95) return '-';
  return `${showDifference(d.ci95[0], spec)} .. ${showDifference(d.ci95[1], spec)}`;
}

/** a paired difference at JSON's precision: mean, paired and unpaired 95 % intervals, their width ratio */
export function differenceJson(d: PairedDifference | null, m: MetricSpec): unknown {
  if (!d) return null;
  const pair = (p: [number, number] | null) => (p ? [round(p[0], m), round(p[1], m)] : null);
  return {
    mean: round(d.mean, m),
    ci95: pair(d.ci95),
    significant: d.significant,
    unpaired_ci95: pair(d.unpairedCi95),
    paired_width_ratio: d.widthRatio === null ? null : Math.round(d.widthRatio * 1e6) / 1e6,
  };
}

/** a paired difference's CSV cells at JSON's precision: mean, 95 % interval, significant, unpaired interval (empty without one) */
export function differenceCsvCells(d: PairedDifference | null, m: MetricSpec): unknown[] {
  const cell = (x: number | null) => (x === null ? '' : x);
  return [
    d ? cell(round(d.mean, m)) : '',
    d?.ci95 ? cell(round(d.ci95[0], m)) : '',
    d?.ci95 ? cell(round(d.ci95[1], m)) : '',
    d ? d.significant : '',
    d?.unpairedCi95 ? cell(round(d.unpairedCi95[0], m)) : '',
    d?.unpairedCi95 ? cell(round(d.unpairedCi95[1], m)) : '',
  ];
}
