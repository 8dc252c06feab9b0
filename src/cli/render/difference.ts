import { groupThousands } from '../../core/money/format.js';
import type { MetricSpec } from '../../core/sim/metrics.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { round } from './simulate.js';

/** a number's text with its sign: "+12", "−12" (a true minus); none where it shows as zero ("0.00", not "+0.00" or "-0.00") */
export const signed = (text: string) => (/^-?[0.,]+$/.test(text) ? text.replace(/^-/, '') : text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`);

/** the mark of a difference whose 95 % interval contains 0, in every table of differences (compare's, a switch's transition, sweep's steps, the tornado) */
export const NOT_SIGNIFICANT = 'n.s.';

/** the note under such a table saying what the mark means */
export const NOT_SIGNIFICANT_NOTE = `${NOT_SIGNIFICANT}: not significant, the 95 % interval of the paired difference contains 0`;

/** a difference of 0 in every run (the same scheme, or a metric the change does not touch): shown as 0, neither marked nor dimmed */
export const sameInEveryRun = (d: PairedDifference): boolean => d.ci95 !== null && d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0;

/** a difference's text, marked where it is not significant: "+1.1 n.s." */
export const markSignificance = (text: string, d: { significant: boolean }): string => (d.significant ? text : `${text} ${NOT_SIGNIFICANT}`);

/** a difference as the table shows it: money whole, counts to a tenth, shares in percentage points; `more`: digits past those */
export function showDifference(x: number, spec: MetricSpec, more = 0): string {
  switch (spec.unit) {
    case 'money':
      return signed(groupThousands(x.toFixed(more)));
    case 'count':
    case 'hours':
      return signed(groupThousands(x.toFixed(1 + more)));
    case 'share':
    case 'ratio':
      return `${signed((x * 100).toFixed(2 + more))} pt`;
  }
}

/** whether a difference shows as zero ("0.0", "0 pt") */
const showsZero = (text: string) => /^[0.,]+( pt)?$/.test(text);

/**
 * The digits past the usual a significant difference needs to show an
 * interval that does not contain 0 as one that does not ("0.0 .. 0.0"
 * for −0.05 .. −0.01): at most 3 more; 0 for any other.
 */
export function digitsFor(d: PairedDifference, spec: MetricSpec): number {
  if (!d.significant || !d.ci95) return 0;
  let more = 0;
  while (more < 3 && (showsZero(showDifference(d.ci95[0], spec, more)) || showsZero(showDifference(d.ci95[1], spec, more)))) more++;
  return more;
}

/** a paired difference's 95 % interval as the table shows it: "−42,768 .. −37,577" ("-" without one) */
export function showInterval(d: PairedDifference, spec: MetricSpec, more = digitsFor(d, spec)): string {
  if (!d.ci95) return '-';
  return `${showDifference(d.ci95[0], spec, more)} .. ${showDifference(d.ci95[1], spec, more)}`;
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

/**
 * A difference's two cells in a table, its value and its interval: '-' and
 * '-' where there is none; '0' and 'same in every run' where it is 0 in
 * every run; else the value marked n.s. where not significant (then `faint`)
 */
export function differenceCells(d: PairedDifference | null | undefined, text: (d: PairedDifference) => string, interval: (d: PairedDifference) => string): { cells: [string, string]; faint: boolean } {
  if (!d) return { cells: ['-', '-'], faint: false };
  if (sameInEveryRun(d)) return { cells: ['0', 'same in every run'], faint: false };
  return { cells: [markSignificance(text(d), d), interval(d)], faint: !d.significant };
}
