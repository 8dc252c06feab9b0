import { byRun } from './by-run.js';
import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { P, REP_METRICS, RUN_METRICS, type RunResult } from './metrics.js';

/**
 * Schemes played on common random numbers: run i of every scheme saw the same
 * luck, so the difference of run i's metrics is the scheme's effect plus
 * much less noise than two independent runs would carry.
 */
export interface RunComparison {
  /** per scheme after the first (index 0 is empty): per run metric, the paired difference to the first */
  differences: Record<string, PairedDifference | null>[];
  /** how much narrower the paired intervals are than unpaired ones: 1 - paired/unpaired width, over metrics */
  narrowing: { median: number; min: number; max: number; metrics: number } | null;
  /** per scheme, per rep slot: pay over the horizon (a replacement's included), mean over runs (needs per-rep results); the slots add up to pay_total */
  repPay: number[][] | undefined;
}


export function compareRuns(perScheme: readonly (readonly RunResult[])[]): RunComparison {
  const sorted = perScheme.map(byRun);
  const base = sorted[0];
  for (const s of sorted) {
    if (s.length !== base.length || s.some((r, i) => r.run !== base[i].run)) throw new RangeError('every scheme must be played on the same runs');
  }
  const column = (rs: readonly RunResult[], i: number) => rs.map((r) => r.metrics[i]);
  const ratios: number[] = [];
  const differences = sorted.map((rs, k) => {
    const out: Record<string, PairedDifference | null> = {};
    if (k === 0) return out;
    RUN_METRICS.forEach((m, i) => {
      const d = pairedDifference(column(base, i), column(rs, i));
      out[m.name] = d;
      if (d?.widthRatio !== null && d?.widthRatio !== undefined) ratios.push(1 - d.widthRatio);
    });
    return out;
  });
  ratios.sort((a, b) => a - b);
  const narrowing = ratios.length
    ? { median: ratios.length % 2 ? ratios[(ratios.length - 1) / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2, min: ratios[0], max: ratios[ratios.length - 1], metrics: ratios.length }
    : null;
  let repPay: number[][] | undefined;
  if (base.length > 0 && base[0].reps !== undefined) {
    const reps = base[0].reps.length / REP_METRICS.length;
    repPay = sorted.map((rs) =>
      Array.from({ length: reps }, (_, rep) => {
        let sum = 0;
        let n = 0;
        for (const r of rs) {
          const v = r.reps![rep * REP_METRICS.length + P.pay_total];
          if (Number.isFinite(v)) {
            sum += v;
            n++;
          }
        }
        return n > 0 ? sum / n : NaN;
      }),
    );
  }
  return { differences, narrowing, repPay };
}

/** each rep's average monthly pay in each run (rep-run pairs), for the distribution of pay */
export function repPayValues(results: readonly RunResult[]): number[] {
  const out: number[] = [];
  for (const r of byRun(results)) {
    if (!r.reps) continue;
    for (let o = P.pay; o < r.reps.length; o += REP_METRICS.length) if (Number.isFinite(r.reps[o])) out.push(r.reps[o]);
  }
  return out;
}
