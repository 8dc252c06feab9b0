import { MIN_EVENTS } from './estimate.js';
import type { Panel } from './panel.js';
import type { Month } from '../time/month.js';

/** months of the history with no sale in one calendar month, each between two with sales, whose steps into and out of them were bridged by two-month steps */
export interface BridgedGap {
  /** the months of the history with no sale, one a year, in order */
  gaps: Month[];
  /** calendar months (0 = January) of the gap and of the month after it: the two factors the bridge is split between */
  into: number;
  after: number;
  /** clients' two-month steps over the gaps */
  steps: number;
  /** how the two-month change was split: evenly, or the rest of one month's own steps (from another year) */
  split: 'evenly' | 'into' | 'after';
}

export interface SeasonalityFit {
  /** twelve factors, January first, mean 1; undefined when the history does not cover every month-to-month step */
  factors: number[] | undefined;
  /** client month-to-month steps each factor rests on (the fewest of the twelve; a bridged month counts its two-month steps) */
  steps: number;
  /** the steps into each calendar month, January first, as observed (before any bridge) */
  stepsInto: number[];
  /** standard error of each month's log step, the largest of the twelve */
  logError: number | undefined;
  /** the months of no sale bridged (empty when none was) */
  bridged: BridgedGap[];
}

/**
 * Monthly revenue index from the same clients' revenue in consecutive
 * months: the mean log change into each calendar month, less the mean change
 * over the year (a growing or shrinking wallet), summed from January and
 * normalised to mean 1. Needs every one of the twelve steps (13 months).
 *
 * A month of the history with no sale at all (a month missing from an
 * export, most often) empties the steps into it and out of it. Where those
 * two calendar months are then short of steps (fewer than MIN_EVENTS), the
 * same clients' two-month change over the gap measures the sum of the two
 * steps, and only it: it is split evenly between them (the gap's factor
 * then lies on the log-line between its neighbours), or, where one of the
 * two has steps enough from another year, the other takes the rest. The
 * other ten factors keep their own steps (QA: one empty month kept all
 * twelve at 1). Gaps in one calendar month of several years make one
 * bridge; each bridge adds its steps to the month it informs, so gaps in
 * adjacent calendar months of different years (2025-05 and 2026-06, both
 * informing June) each count, weighed by their steps.
 */
export function fitSeasonality(panel: Panel): SeasonalityFit {
  const sum = new Array<number>(12).fill(0), sq = new Array<number>(12).fill(0), n = new Array<number>(12).fill(0);
  const cells = panel.revenue;
  // the months of the history with a sale: a gap is a month without, between two with
  const sold = new Set<Month>();
  for (const c of cells.buyers) for (let cell = cells.first(c); cell < cells.end(c); cell++) if (cells.revenue(cell) > 0) sold.add(cells.month(cell));
  const isGap = (m: Month) => !sold.has(m) && sold.has(m - 1) && sold.has(m + 1);
  // two-month steps over a gap, by the gap's calendar month
  const bridgeSum = new Array<number>(12).fill(0), bridgeSq = new Array<number>(12).fill(0), bridgeN = new Array<number>(12).fill(0);
  const gaps = new Map<number, Month[]>();
  // clients in the order of their first purchase, each one's months in the order first bought in: the sums' order, to the bit
  for (const c of cells.buyers) {
    cells.open(c);
    for (let cell = cells.first(c); cell < cells.end(c); cell++) {
      const m = cells.month(cell), revenue = cells.revenue(cell);
      if (!(revenue > 0)) continue;
      const prev = cells.revenueIn(m - 1);
      if (prev > 0) {
        const k = calendar(m);
        const d = Math.log(revenue / prev);
        sum[k] += d;
        sq[k] += d * d;
        n[k]++;
      } else if (isGap(m - 1)) {
        const before = cells.revenueIn(m - 2);
        if (!(before > 0)) continue;
        const k = calendar(m - 1);
        const d = Math.log(revenue / before);
        bridgeSum[k] += d;
        bridgeSq[k] += d * d;
        bridgeN[k]++;
        const named = gaps.get(k) ?? [];
        if (!named.includes(m - 1)) named.push(m - 1);
        gaps.set(k, named);
      }
    }
    cells.close(c);
  }
  const stepsInto = [...n];
  const mean = sum.map((s, k) => (n[k] > 0 ? s / n[k] : 0));
  const error = mean.map((m, k) => (n[k] > 0 ? Math.sqrt(Math.max(0, sq[k] / n[k] - m * m) / n[k]) : Infinity));
  const count = [...n];
  const bridged: BridgedGap[] = [];
  // what the bridges give each short month: their estimates weighed by their two-month steps (a month two bridges inform takes both)
  const given = Array.from({ length: 12 }, (): Given[] => []);
  const give = (k: number, value: number, valueError: number, weight: number, steps: number) => given[k].push({ value, error: valueError, weight, steps });
  for (const [into, named] of [...gaps].sort((a, b) => a[1][0] - b[1][0])) {
    const after = (into + 1) % 12, bn = bridgeN[into];
    const shortInto = n[into] < MIN_EVENTS, shortAfter = n[after] < MIN_EVENTS;
    if (!shortInto && !shortAfter) continue;
    const total = bridgeSum[into] / bn;
    const totalError = Math.sqrt(Math.max(0, bridgeSq[into] / bn - total * total) / bn);
    // a bridge reads only months with steps enough of their own, and gives only to short ones: the order of the bridges does not matter
    let split: BridgedGap['split'];
    if (!shortInto) {
      split = 'after';
      give(after, total - mean[into], Math.hypot(totalError, error[into]), bn, Math.min(bn, n[into]));
    } else if (!shortAfter) {
      split = 'into';
      give(into, total - mean[after], Math.hypot(totalError, error[after]), bn, Math.min(bn, n[after]));
    } else {
      split = 'evenly';
      give(into, total / 2, totalError / 2, bn, bn);
      give(after, total / 2, totalError / 2, bn, bn);
    }
    bridged.push({ gaps: named, into, after, steps: bn, split });
  }
  given.forEach((g, k) => {
    if (g.length === 0) return;
    // one bridge's estimate as it is (to the bit); several weighed by their steps, as steps of one month are averaged
    const weight = g.reduce((a, x) => a + x.weight, 0);
    mean[k] = g.length === 1 ? g[0].value : g.reduce((a, x) => a + x.weight * x.value, 0) / weight;
    error[k] = g.length === 1 ? g[0].error : Math.sqrt(g.reduce((a, x) => a + (x.weight * x.error) ** 2, 0)) / weight;
    count[k] = g.reduce((a, x) => a + x.steps, 0);
  });
  const steps = Math.min(...count);
  if (panel.months < 13 || steps === 0) return { factors: undefined, steps, stepsInto, logError: undefined, bridged };
  const drift = mean.reduce((a, b) => a + b, 0) / 12;
  const logs: number[] = [0];
  for (let k = 1; k < 12; k++) logs.push(logs[k - 1] + mean[k] - drift);
  const raw = logs.map(Math.exp);
  const avg = raw.reduce((a, b) => a + b, 0) / 12;
  return { factors: raw.map((x) => x / avg), steps, stepsInto, logError: Math.max(...error), bridged };
}

/** one bridge's estimate of a short month's mean log step: its error, the two-month steps it rests on (its weight) and the steps it counts */
interface Given {
  value: number;
  error: number;
  weight: number;
  steps: number;
}

const calendar = (m: Month) => ((m % 12) + 12) % 12;
