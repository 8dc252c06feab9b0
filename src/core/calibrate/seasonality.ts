import type { Panel } from './panel.js';

export interface SeasonalityFit {
  /** twelve factors, January first, mean 1; undefined when the history does not cover every month-to-month step */
  factors: number[] | undefined;
  /** client month-to-month steps each factor rests on (the fewest of the twelve) */
  steps: number;
  /** the steps into each calendar month, January first */
  stepsInto: number[];
  /** standard error of each month's log step, the largest of the twelve */
  logError: number | undefined;
}

/**
 * Monthly revenue index from the same clients' revenue in consecutive
 * months: the mean log change into each calendar month, less the mean change
 * over the year (a growing or shrinking wallet), summed from January and
 * normalised to mean 1. Needs every one of the twelve steps (13 months).
 */
export function fitSeasonality(panel: Panel): SeasonalityFit {
  const sum = new Array<number>(12).fill(0), sq = new Array<number>(12).fill(0), n = new Array<number>(12).fill(0);
  // clients in the order of their first purchase, each one's months in the order first bought in: the sums' order, to the bit
  const cells = panel.revenue;
  for (const c of cells.buyers) {
    cells.open(c);
    for (let cell = cells.first(c); cell < cells.end(c); cell++) {
      const m = cells.month(cell), revenue = cells.revenue(cell), prev = cells.revenueIn(m - 1);
      if (!(prev > 0) || !(revenue > 0)) continue;
      const k = ((m % 12) + 12) % 12;
      const d = Math.log(revenue / prev);
      sum[k] += d;
      sq[k] += d * d;
      n[k]++;
    }
    cells.close(c);
  }
  const steps = Math.min(...n);
  if (panel.months < 13 || steps === 0) return { factors: undefined, steps, stepsInto: n, logError: undefined };
  const mean = sum.map((s, k) => s / n[k]);
  const drift = mean.reduce((a, b) => a + b, 0) / 12;
  const logs: number[] = [0];
  for (let k = 1; k < 12; k++) logs.push(logs[k - 1] + mean[k] - drift);
  const raw = logs.map(Math.exp);
  const avg = raw.reduce((a, b) => a + b, 0) / 12;
  const logError = Math.max(...mean.map((m, k) => Math.sqrt(Math.max(0, sq[k] / n[k] - m * m) / n[k])));
  return { factors: raw.map((x) => x / avg), steps, stepsInto: n, logError };
}
