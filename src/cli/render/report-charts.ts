import { sharedBins } from './histogram.js';
import { ACTIVITY_COLOURS, ACTUAL_COLOUR, BUCKET_COLOURS, GAIN_COLOUR, LOSS_COLOUR, NEUTRAL_COLOUR, schemeColour } from './report-palette.js';
import { amountText } from './report-format.js';
import { BUCKETS, BUCKET_LABELS, type EffortSplit, type FanSeries, type ReportCurve, type ReportModel, type ReportWinners } from './report-model.js';

/** the value of `data-chart` on each canvas */
export type ChartKind = 'effort' | 'effort-roles' | 'fan-revenue' | 'fan-pay' | 'transition' | 'rep-pay' | 'winners-buckets' | 'winners-reps' | 'sweep' | 'tornado';

/** how the page formats values on the value axis and in tooltips */
export type ValueUnit = 'money' | 'percent' | 'count';

export interface ChartDataset {
  label: string;
  data: number[];
  /** one colour, or one per bar */
  colour: string | string[];
  /**
   * part of a P5-P95 band, drawn without a line: the lower edge (not in the
   * legend), then the upper edge, filled down to the lower one
   */
  band?: 'lower' | 'upper';
  /** the median of a fan: its tooltip also shows the band of the two datasets before it */
  median?: boolean;
  /** what the tooltip calls that band: 'P5–P95' unless given */
  bandLabel?: string;
}

/**
 * One chart, as data: what the page's small script turns into a Chart.js
 * configuration. Everything is computed here (shares, bins, sorting), so the
 * browser only draws.
 */
export interface ChartSpec {
  kind: ChartKind;
  caption: string;
  type: 'bar' | 'line';
  /** bars along the x axis (categories on the y axis) */
  horizontal: boolean;
  stacked: boolean;
  /** a label given as lines is drawn on several lines */
  labels: (string | string[])[];
  datasets: ChartDataset[];
  value: { title: string; unit: ValueUnit; max?: number };
  category: { title: string };
  legend: boolean;
  heightPx: number;
  /** how many of the first labels are actual months (the data's), not simulated: the page shades them and marks them so */
  actualMonths?: number;
  /** what a band is, in a median's tooltip (default: P5–P95) */
  bandLabel?: string;
}

/** a long category label on lines of about `width` characters, so the axis does not crop it */
export function wrapLabel(text: string, width = 28): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

const ACTIVITIES: { key: keyof EffortSplit; label: string }[] = [
  { key: 'prospect', label: 'prospects' },
  { key: 'signed', label: 'signed clients' },
  { key: 'active', label: 'active clients' },
  { key: 'leads', label: 'leads' },
  { key: 'collect', label: 'overdue invoices' },
];

/** shares in %, whatever the split was given in (fractions or hours) */
function effortPercents(split: EffortSplit): Record<keyof EffortSplit, number> {
  const total = ACTIVITIES.reduce((t, a) => t + split[a.key], 0);
  const pct = (x: number) => (total > 0 ? Math.round((x / total) * 1000) / 10 : 0);
  return Object.fromEntries(ACTIVITIES.map((a) => [a.key, pct(split[a.key])])) as Record<keyof EffortSplit, number>;
}

function effortChart(kind: 'effort' | 'effort-roles', caption: string, rows: { label: string; split: EffortSplit }[]): ChartSpec {
  const shares = rows.map((r) => effortPercents(r.split));
  return {
    kind,
    caption,
    type: 'bar',
    horizontal: true,
    stacked: true,
    labels: rows.map((r) => wrapLabel(r.label)),
    // chasing invoices only where some rep did (clients pay late)
    datasets: ACTIVITIES.filter((a) => a.key !== 'collect' || shares.some((s) => s.collect > 0)).map((a) => ({ label: a.label, data: shares.map((s) => s[a.key]), colour: ACTIVITY_COLOURS[a.key] })),
    value: { title: 'share of hours (%)', unit: 'percent', max: 100 },
    category: { title: '' },
    legend: true,
    heightPx: 90 + rows.reduce((h, r) => h + 18 + 14 * [wrapLabel(r.label)].flat().length, 0),
  };
}

export function effortCharts(model: ReportModel): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const schemes = model.schemes.filter((s) => s.effort);
  if (schemes.length > 0) {
    charts.push(effortChart('effort', "Effort split: share of reps' hours by activity", schemes.map((s) => ({ label: s.name, split: s.effort! }))));
  }
  // a no-break space keeps "· role" together when a long label wraps
  const roles = model.schemes.flatMap((s) => (s.roles ?? []).map((r) => ({ label: `${s.name} ·\u00a0${r.role}`, split: r.effort })));
  if (roles.length > 0) charts.push(effortChart('effort-roles', 'Effort split by role', roles));
  return charts;
}

/**
 * Per scheme, the band of the 5th to 95th percentile over runs and the
 * median, month by month. With `actual` (a simulation from data), the data's
 * last months come first as a line of their own, and the schemes' series
 * start after them.
 */
function fanChart(
  model: ReportModel,
  kind: 'fan-revenue' | 'fan-pay',
  caption: string,
  valueTitle: string,
  pick: (m: { revenue: FanSeries; pay_total: FanSeries }) => FanSeries,
  actual?: { months: string[]; values: number[] },
): ChartSpec | undefined {
  const months = model.months ?? [];
  const schemes = model.schemes.map((s, index) => ({ s, index })).filter(({ s }) => s.monthly);
  if (months.length === 0 || schemes.length === 0) return undefined;
  const before = actual?.months.length ?? 0;
  // a gap (null in the page's JSON) where a series has no month
  const after = (xs: number[]) => [...new Array<number>(before).fill(NaN), ...xs];
  return {
    kind,
    caption,
    type: 'line',
    horizontal: false,
    stacked: false,
    labels: [...(actual?.months ?? []), ...months],
    datasets: [
      ...(actual && before > 0 ? [{ label: 'actual (the data)', data: [...actual.values, ...months.map(() => NaN)], colour: ACTUAL_COLOUR }] : []),
      // per scheme: the band's lower edge, the band filled down to it, then the median on top
      ...schemes.flatMap(({ s, index }) => {
        const fan = pick(s.monthly!);
        const colour = schemeColour(index);
        return [
          { label: `${s.name} P5`, data: after(fan.p5), colour, band: 'lower' as const },
          { label: `${s.name} P5–P95`, data: after(fan.p95), colour, band: 'upper' as const },
          { label: `${s.name} median`, data: after(fan.p50), colour, median: true },
        ];
      }),
    ],
    value: { title: `${valueTitle} (${model.currency})`, unit: 'money' },
    category: { title: 'month' },
    legend: true,
    heightPx: 340,
    ...(before > 0 ? { actualMonths: before } : {}),
  };
}

export function fanCharts(model: ReportModel): ChartSpec[] {
  const revenueCaption = model.actual ? 'Monthly revenue: the actual months of the data, then the median and 5th–95th percentile over runs' : 'Monthly revenue: median and 5th–95th percentile over runs';
  const revenue = fanChart(model, 'fan-revenue', revenueCaption, 'revenue per month', (m) => m.revenue, model.actual);
  const pay = fanChart(model, 'fan-pay', 'Monthly pay (salary and variable): median and 5th–95th percentile over runs', 'pay per month', (m) => m.pay_total);
  return [revenue, pay].filter((c): c is ChartSpec => c !== undefined);
}

/**
 * compare --switch-at: each switch's cumulative profit after pay against
 * staying, its mean and 95 % interval, from the earliest switch to the
 * horizon's end; a later switch's line starts at its month.
 */
export function transitionCharts(model: ReportModel): ChartSpec[] {
  const transitions = model.transitions ?? [];
  const months = model.months ?? [];
  if (transitions.length === 0 || months.length === 0) return [];
  const from = Math.min(...transitions.map((t) => months.indexOf(t.months[0])));
  const labels = months.slice(from);
  const along = (t: { months: string[] }, xs: number[]) => [...new Array<number>(labels.length - t.months.length).fill(NaN), ...xs];
  return [
    {
      kind: 'transition',
      caption: 'Cumulative profit after pay, switching minus staying: mean over runs and its 95 % interval',
      type: 'line',
      horizontal: false,
      stacked: false,
      labels,
      datasets: transitions.flatMap((t) => {
        const colour = schemeColour(t.index);
        return [
          { label: `${t.scheme} low`, data: along(t, t.low), colour, band: 'lower' as const },
          { label: `${t.scheme} 95 % interval`, data: along(t, t.high), colour, band: 'upper' as const },
          { label: `${t.scheme} − stay`, data: along(t, t.mean), colour, median: true, bandLabel: '95 % interval' },
        ];
      }),
      value: { title: `cumulative difference (${model.currency})`, unit: 'money' },
      category: { title: 'month' },
      legend: true,
      heightPx: 340,
    },
  ];
}

/** a histogram per scheme over the same bins, as grouped bars of the share of reps */
export function repPayCharts(model: ReportModel): ChartSpec[] {
  const schemes = model.schemes.map((s, index) => ({ s, index })).filter(({ s }) => (s.repPay ?? []).length > 0);
  if (schemes.length === 0) return [];
  const bins = sharedBins(schemes.map(({ s }) => s.repPay!));
  const digits = bins.step >= 1 ? 0 : 2;
  const labels = bins.edges.map((lo) => `${amountText(lo, digits)}–${amountText(lo + bins.step, digits)}`);
  return [
    {
      kind: 'rep-pay',
      caption: "Distribution of reps' average monthly pay",
      type: 'bar',
      horizontal: false,
      stacked: false,
      labels,
      datasets: schemes.map(({ s, index }, i) => {
        const n = s.repPay!.filter(Number.isFinite).length;
        return { label: s.name, data: bins.counts[i].map((c) => (n > 0 ? Math.round((c / n) * 10000) / 100 : 0)), colour: schemeColour(index) };
      }),
      value: { title: 'share of reps (%)', unit: 'percent' },
      category: { title: `average monthly pay (${model.currency})` },
      legend: true,
      heightPx: 340,
    },
  ];
}

/** the name a rep is shown by */
export function repLabel(r: { rep: string; name?: string }): string {
  return r.name && r.name !== r.rep ? `${r.name} (${r.rep})` : r.rep;
}

/** the bar chart of the five groups, and each rep's change in pay (other minus base), largest gain first */
/** (the section around them names the two schemes) */
export function winnersCharts(model: ReportModel, w: ReportWinners): ChartSpec[] {
  const reps = [...w.reps].map((r) => ({ label: repLabel(r), diff: r.other - r.base })).sort((a, b) => b.diff - a.diff);
  return [
    {
      kind: 'winners-buckets',
      caption: 'Reps by change in pay',
      type: 'bar',
      horizontal: false,
      stacked: false,
      labels: BUCKETS.map((b) => BUCKET_LABELS[b]),
      datasets: [{ label: 'reps', data: BUCKETS.map((b) => w.buckets[b] ?? 0), colour: BUCKETS.map((b) => BUCKET_COLOURS[b]) }],
      value: { title: 'reps', unit: 'count' },
      category: { title: 'change in pay' },
      legend: false,
      heightPx: 280,
    },
    {
      kind: 'winners-reps',
      caption: `Change per rep: ${w.what ?? 'average monthly pay'}`,
      type: 'bar',
      horizontal: true,
      stacked: false,
      labels: reps.map((r) => wrapLabel(r.label)),
      datasets: [{ label: 'change', data: reps.map((r) => Math.round(r.diff * 100) / 100), colour: reps.map((r) => (r.diff > 0 ? GAIN_COLOUR : r.diff < 0 ? LOSS_COLOUR : NEUTRAL_COLOUR)) }],
      value: { title: `change (${model.currency})`, unit: 'money' },
      category: { title: '' },
      legend: false,
      heightPx: 80 + 22 * reps.length,
    },
  ];
}

/** a sweep's curve: per series, its band (lower edge, then upper filled down to it) and its mean on top */
function curveChart(curve: ReportCurve): ChartSpec {
  return {
    kind: 'sweep',
    caption: curve.caption,
    type: 'line',
    horizontal: false,
    stacked: false,
    labels: curve.x.labels,
    datasets: curve.series.flatMap((s, index) => {
      const colour = s.activity ? ACTIVITY_COLOURS[s.activity as keyof EffortSplit] : schemeColour(index);
      return [
        { label: `${s.label} lower`, data: s.lo, colour, band: 'lower' as const },
        { label: `${s.label} 95 % interval`, data: s.hi, colour, band: 'upper' as const },
        { label: s.label, data: s.mean, colour, median: true },
      ];
    }),
    value: { title: curve.valueTitle, unit: curve.unit },
    category: { title: curve.x.title },
    legend: curve.series.length > 1,
    heightPx: 320,
    bandLabel: '95 % interval',
  };
}

/** --sensitivity: per parameter, the move down and the move up as two bars across 0 */
export function tornadoCharts(model: ReportModel): ChartSpec[] {
  const t = model.tornado;
  if (!t || t.rows.length === 0) return [];
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return [
    {
      kind: 'tornado',
      caption: t.caption,
      type: 'bar',
      horizontal: true,
      stacked: true,
      labels: t.rows.map((r) => wrapLabel(r.label)),
      datasets: [
        { label: 'moved down', data: t.rows.map((r) => round2(r.low)), colour: schemeColour(0) },
        { label: 'moved up', data: t.rows.map((r) => round2(r.high)), colour: schemeColour(1) },
      ],
      value: { title: t.valueTitle, unit: 'money' },
      category: { title: '' },
      legend: true,
      heightPx: 90 + 26 * t.rows.length,
    },
  ];
}

export function sweepCharts(model: ReportModel): ChartSpec[] {
  return (model.curves ?? []).map(curveChart);
}

/** every chart of the report, in page order: the count is what the page reports in data-charts-rendered */
export function reportCharts(model: ReportModel): ChartSpec[] {
  return [...sweepCharts(model), ...effortCharts(model), ...tornadoCharts(model), ...fanCharts(model), ...transitionCharts(model), ...repPayCharts(model), ...(model.winners ?? []).flatMap((w) => winnersCharts(model, w))];
}
