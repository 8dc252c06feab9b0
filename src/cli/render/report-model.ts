import type { ActivityKind } from '../../core/scenario/types.js';
/**
 * What the HTML report shows, whatever command made it: `simulate` fills one
 * scheme, `compare` several (the first is the baseline), `compare --data`
 * (actual results, no simulation) only tables, rep pay and winners/losers.
 * Tables come preformatted, as the terminal shows them; charts get numbers.
 * A chart whose data is absent is not drawn.
 */
export interface ReportModel {
  /** the page title, e.g. "Freight - lifetime share vs Freight - new clients" */
  title: string;
  /** lines under the title: scenario, runs, months, seed, currency */
  subtitle: string[];
  /** the verdict in words, read before the tables */
  verdict?: string[];
  currency: string;
  /** metrics tables, preformatted cells */
  tables: ReportTable[];
  /** labels of the simulated months (YYYY-MM), for the fan charts */
  months?: string[];
  /** a simulation from data: the data's last months, which the revenue fan shows before the simulated ones, marked actual */
  actual?: { months: string[]; values: number[] };
  schemes: ReportScheme[];
  /** per scheme after the first: who gains and who loses against the baseline */
  winners?: ReportWinners[];
  /** compare --switch-at: per switch, its cumulative profit after pay against staying */
  transitions?: ReportTransition[];
  /** warnings printed by the command, shown in a box */
  notes?: string[];
  /** a sweep: metrics against a varied value, each with the band of its interval */
  curves?: ReportCurve[];
  /** --sensitivity: a headline metric's move as each parameter moves down and up */
  tornado?: ReportTornado;
}

/** a tornado chart: per parameter (largest swing first), the change of a metric when it moves down and when it moves up */
export interface ReportTornado {
  caption: string;
  valueTitle: string;
  rows: { label: string; low: number; high: number }[];
}

/** one chart of a sweep: a line per series over the varied value, with a band around each */
export interface ReportCurve {
  caption: string;
  unit: 'money' | 'percent' | 'count';
  /** the value axis's title, with its unit */
  valueTitle: string;
  /** the varied value: its path and each point's label */
  x: { title: string; labels: string[] };
  /** each line: its means and the lower and upper edge of its band (the 95 % interval of the mean); an activity's line takes its colour */
  series: { label: string; mean: number[]; lo: number[]; hi: number[]; activity?: string }[];
}

export interface ReportTable {
  title: string;
  head: string[];
  rows: ReportRow[];
  /** per column; default: the first left, the others right */
  align?: ('left' | 'right')[];
  /** lines under the table (legend of marks, how much narrower the paired intervals are...) */
  notes?: string[];
}

export interface ReportRow {
  cells: string[];
  /** a tooltip for the first cell: what the metric means */
  description?: string;
  /** cells (by index) to grey out: a difference that is not significant */
  faint?: number[];
}

/** the share (or hours) of each activity */
export type EffortSplit = Record<ActivityKind, number>;

/** the median and the 5th and 95th percentiles over runs, per month */
export interface FanSeries {
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface ReportScheme {
  name: string;
  file: string;
  /** share of hours by activity, means over runs (absent for actual data) */
  effort?: EffortSplit;
  /** per role of the scheme: effort split and average monthly pay of a rep */
  roles?: { role: string; effort: EffortSplit; pay: number }[];
  /** per month: revenue and pay (salary and variable) over runs */
  monthly?: { revenue: FanSeries; pay_total: FanSeries };
  /** average monthly pay of each rep (each rep and run in a simulation; each rep on actual data) */
  repPay?: number[];
}

/** a switch against staying (compare --switch-at), month by month from the switch */
export interface ReportTransition {
  /** the switching play as `schemes` names it ("B switch to ... in 2026-07") */
  scheme: string;
  /** its place in `schemes`, for its colour */
  index: number;
  /** the months from the switch to the horizon's end (YYYY-MM, among `months`) */
  months: string[];
  /** the cumulative difference of profit after pay, switch − stay: mean over runs and its 95 % interval, per month */
  mean: number[];
  low: number[];
  high: number[];
}

export { BUCKETS, BUCKET_LABELS, type Bucket } from '../../core/compare/winners.js';
import type { Bucket } from '../../core/compare/winners.js';

export interface ReportWinners {
  baseline: string;
  scheme: string;
  /** number of reps in each bucket */
  buckets: Record<Bucket, number>;
  reps: { rep: string; name?: string; base: number; other: number; change: number; bucket: Bucket }[];
  /** what the pay is, e.g. "pay per rep over the 36 months from 2026-01, mean over runs" or "pay per rep over 2026-01 to 2026-06 (6 months)" */
  what?: string;
  /** the headline: the total cost change over the horizon or the months paid (with its interval when simulated) */
  cost?: string;
  /** total pay under the baseline and under this scheme, over the same span as the reps' */
  total: { base: number; other: number; change: number };
}
