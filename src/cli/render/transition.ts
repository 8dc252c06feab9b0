import { CUMULATIVE_METRICS, TRANSITION_METRICS, type CumulativeMetricName, type Transition, type TransitionMetricName } from '../../core/compare/transition.js';
import { groupThousands } from '../../core/money/format.js';
import type { MetricSpec } from '../../core/sim/metrics.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import type { CompareMeta } from './compare.js';
import { differenceCells, differenceCsvCells, differenceJson, markSignificance, NOT_SIGNIFICANT_NOTE, sameInEveryRun, showDifference, showInterval, signed } from './difference.js';
import type { ReportRow, ReportTable, ReportTransition } from './report-model.js';

/** a switch played against staying (compare --switch-at): the plays' labels and the transition between them */
export interface SwitchTransition {
  /** the label of the play that switches (B, C, ...) */
  scheme: string;
  /** the label of the play that stays (A) */
  baseline: string;
  transition: Transition;
}

type Meta = Pick<CompareMeta, 'currency' | 'monthLabels' | 'start' | 'months'>;

const spec = (name: TransitionMetricName): MetricSpec => TRANSITION_METRICS.find((m) => m.name === name)!;
const PROFIT = spec('profit_after_pay');
/** what the month-by-month table shows; JSON and CSV have every TRANSITION_METRICS */
const TABLE_METRICS: TransitionMetricName[] = ['revenue', 'pay_total', 'profit_after_pay', 'effort.active'];

/** said of a dip whose interval contains 0, in words */
const NOT_SIGNIFICANT_WORDS = 'not significant, its 95 % interval contains 0';

/** "1st", "2nd", "3rd", "11th", "22nd" */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** a month difference in one cell: "−26,000 ± 2,100", "−22.33 ± 0.41 pt" (the half-width of its 95 % interval); "0" when the same in every run */
export function plusMinus(d: PairedDifference, m: MetricSpec): string {
  if (sameInEveryRun(d)) return '0';
  if (!d.ci95) return showDifference(d.mean, m);
  const half = (d.ci95[1] - d.ci95[0]) / 2;
  switch (m.unit) {
    case 'money':
      return `${showDifference(d.mean, m)} ± ${groupThousands(half.toFixed(0))}`;
    case 'count':
    case 'hours':
      return `${showDifference(d.mean, m)} ± ${groupThousands(half.toFixed(1))}`;
    case 'share':
    case 'ratio':
      return `${signed((d.mean * 100).toFixed(2))} ± ${(half * 100).toFixed(2)} pt`;
  }
}

/** "2026-09, the 3rd month since the switch" */
function sinceSwitch(month: number, t: Transition, meta: Meta): string {
  return `${meta.monthLabels[month]}, the ${ordinal(month - t.switchMonth + 1)} month since the switch`;
}

const money = (x: number) => showDifference(x, PROFIT);
const withInterval = (d: PairedDifference, cur: string) => `${money(d.mean)} ${cur}${d.ci95 ? ` (95 % interval ${showInterval(d, PROFIT)})` : ''}`;

/** under the cumulative table: the dip, when it pays back, and where the horizon ends */
export function paybackLines(s: SwitchTransition, meta: Meta): string[] {
  const t = s.transition;
  const { dip, worstMonth, paysBackFrom, end } = t.payback;
  const cur = meta.currency;
  const last = meta.monthLabels[meta.months - 1];
  const lines: string[] = [];
  if (dip) {
    const shaky = dip.cumulative.ci95 && !dip.cumulative.significant ? `, ${NOT_SIGNIFICANT_WORDS}` : '';
    // lowest in the last month: a fall the horizon does not see the end of
    const where = dip.month === meta.months - 1 ? `is lowest at the horizon's end, still falling, in ${sinceSwitch(dip.month, t, meta)}` : `falls lowest in ${sinceSwitch(dip.month, t, meta)}`;
    lines.push(`dip: the cumulative profit after pay ${where}: ${withInterval(dip.cumulative, cur)}${shaky}`);
  } else {
    lines.push(`no dip: the cumulative profit after pay is not below staying's, on average, in any month since the switch`);
  }
  if (worstMonth) lines.push(`worst month: ${sinceSwitch(worstMonth.month, t, meta)}, profit after pay ${withInterval(worstMonth.difference, cur)}`);
  if (paysBackFrom) {
    lines.push(`pays back from ${sinceSwitch(paysBackFrom.month, t, meta)}: from then to ${last} the cumulative profit after pay's 95 % interval lies above 0`);
  } else if (end && !end.ci95) {
    lines.push(`pays back: cannot tell from a single run, which gives no interval; give more --runs`);
  } else {
    lines.push(`does not pay back within the horizon (to ${last}): the cumulative profit after pay's 95 % interval does not lie above 0 from any month on`);
  }
  const endOf = (name: CumulativeMetricName) => t.months[t.months.length - 1]?.cumulative[name];
  const profit = endOf('profit_after_pay');
  const revenue = endOf('revenue');
  if (profit && revenue) lines.push(`by ${last}, the horizon's end: profit after pay ${withInterval(profit, cur)}, revenue ${withInterval(revenue, cur)}, summed from ${meta.start}`);
  return lines;
}

/** per switch: the month-by-month table, and the cumulative one with the dip and the payback under it */
export function transitionTables(s: SwitchTransition, meta: Meta): ReportTable[] {
  const t = s.transition;
  const at = meta.monthLabels[t.switchMonth];
  const specs = TABLE_METRICS.map(spec);
  const monthly: ReportRow[] = t.months.map((m) => {
    const faint: number[] = [];
    const cells = [meta.monthLabels[m.month]];
    specs.forEach((x, i) => {
      const d = m.differences[x.name as TransitionMetricName];
      // (marked as compare's table marks one, for plain text has no dimming; a difference of 0 in every run is '0', unmarked, as there)
      const shown = d && !sameInEveryRun(d);
      if (shown && !d.significant) faint.push(i + 1);
      cells.push(!d ? '-' : shown ? markSignificance(plusMinus(d, x), d) : plusMinus(d, x));
    });
    return { cells, faint };
  });
  const { dip, paysBackFrom } = t.payback;
  const cumulative: ReportRow[] = t.months.map((m) => {
    const faint: number[] = [];
    const cells = [meta.monthLabels[m.month]];
    for (const x of CUMULATIVE_METRICS) {
      const c = differenceCells(m.cumulative[x.name], (d) => showDifference(d.mean, x), (d) => showInterval(d, x));
      if (c.faint) faint.push(cells.length, cells.length + 1);
      cells.push(...c.cells);
    }
    cells.push(dip?.month === m.month ? 'dip' : paysBackFrom?.month === m.month ? 'pays back' : '');
    return { cells, faint };
  });
  const pair = `${s.scheme} − ${s.baseline}`;
  return [
    {
      title: `transition month by month, ${pair} (switch in ${at} minus stay), ${meta.currency} per month: mean over runs ± half its 95 % interval`,
      head: ['month', ...specs.map((x) => x.name)],
      rows: monthly,
      notes: [
        `effort in points of the month's hours; ${NOT_SIGNIFICANT_NOTE}`,
        `before ${at} both play the same scheme on the same runs, and nothing differs`,
      ],
    },
    {
      title: `cumulative difference, ${pair}, ${meta.currency} summed from ${meta.start} to each month's end: mean over runs`,
      head: ['month', ...CUMULATIVE_METRICS.flatMap((x) => [x.name, '95 % interval']), ''],
      align: ['left', 'right', 'right', 'right', 'right', 'left'],
      rows: cumulative,
      notes: [NOT_SIGNIFICANT_NOTE, ...paybackLines(s, meta)],
    },
  ];
}

/** a switch as the HTML report charts it: its cumulative profit after pay against staying, mean and 95 % interval (NaN where there is none) */
export function reportTransition(s: SwitchTransition, scheme: string, index: number, monthLabels: readonly string[]): ReportTransition {
  const cum = s.transition.months.map((m) => m.cumulative.profit_after_pay);
  return {
    scheme,
    index,
    months: s.transition.months.map((m) => monthLabels[m.month]),
    mean: cum.map((d) => d?.mean ?? NaN),
    low: cum.map((d) => d?.ci95?.[0] ?? NaN),
    high: cum.map((d) => d?.ci95?.[1] ?? NaN),
  };
}

/** JSON's `units.transition`: what each difference of a transition counts */
export function transitionUnits(meta: Meta): Record<string, string> {
  return {
    ...Object.fromEntries(TRANSITION_METRICS.map((m) => [m.name, m.unit === 'money' ? `${meta.currency} per month` : m.unit])),
    cumulative: `${meta.currency} summed from ${meta.start} to the month's end`,
  };
}

/** a transition at JSON's precision: every month from the switch, the dip, the worst month, the payback and the horizon's end */
export function transitionJson(s: SwitchTransition, meta: Meta): unknown {
  const t = s.transition;
  const cumulative = (m: Transition['months'][number]) => Object.fromEntries(CUMULATIVE_METRICS.map((x) => [x.name, differenceJson(m.cumulative[x.name], x)]));
  const { dip, worstMonth, paysBackFrom } = t.payback;
  const last = t.months[t.months.length - 1];
  return {
    scheme: s.scheme,
    baseline: s.baseline,
    switch_at: meta.monthLabels[t.switchMonth],
    months: t.months.map((m) => ({
      month: meta.monthLabels[m.month],
      ...Object.fromEntries(TRANSITION_METRICS.map((x) => [x.name, differenceJson(m.differences[x.name], x)])),
      cumulative: cumulative(m),
    })),
    dip: dip ? { month: meta.monthLabels[dip.month], cumulative_profit_after_pay: differenceJson(dip.cumulative, PROFIT) } : null,
    worst_month: worstMonth ? { month: meta.monthLabels[worstMonth.month], profit_after_pay: differenceJson(worstMonth.difference, PROFIT) } : null,
    pays_back_from: paysBackFrom ? { month: meta.monthLabels[paysBackFrom.month], cumulative_profit_after_pay: differenceJson(paysBackFrom.cumulative, PROFIT) } : null,
    end: last ? { month: meta.monthLabels[last.month], ...cumulative(last) } : null,
  };
}

/**
 * A transition's CSV rows, in compare's columns with `month` last: section
 * `transition` (a month's difference), `cumulative`, then one row each of
 * `dip`, `worst_month` and `pays_back` (cells empty when there is none).
 * `effort.collect` only where some rep chased invoices (`collect`).
 */
export function transitionCsvRows(s: SwitchTransition, meta: Meta, collect: boolean): unknown[][] {
  const t = s.transition;
  const row = (section: string, name: string, m: MetricSpec, d: PairedDifference | null, month: number | null): unknown[] => [
    section,
    name,
    s.scheme,
    '',
    '',
    '',
    '',
    ...differenceCsvCells(d, m),
    '',
    month === null ? '' : meta.monthLabels[month],
  ];
  const shown = TRANSITION_METRICS.filter((m) => !('whenUsed' in m) || collect);
  const rows: unknown[][] = [];
  for (const m of t.months) for (const x of shown) rows.push(row('transition', x.name, x, m.differences[x.name], m.month));
  for (const m of t.months) for (const x of CUMULATIVE_METRICS) rows.push(row('cumulative', x.name, x, m.cumulative[x.name], m.month));
  const { dip, worstMonth, paysBackFrom } = t.payback;
  rows.push(row('dip', 'profit_after_pay', PROFIT, dip?.cumulative ?? null, dip?.month ?? null));
  rows.push(row('worst_month', 'profit_after_pay', PROFIT, worstMonth?.difference ?? null, worstMonth?.month ?? null));
  rows.push(row('pays_back', 'profit_after_pay', PROFIT, paysBackFrom?.cumulative ?? null, paysBackFrom?.month ?? null));
  return rows;
}
