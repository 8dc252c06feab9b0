/** bins shared by several series, so their histograms can stand side by side */
export interface SharedBins {
  /** lower edges; bin i is [edges[i], edges[i] + step), the last one closed */
  edges: number[];
  step: number;
  /** per series, how many values fall in each bin */
  counts: number[][];
}

/** the smallest of 1, 2, 2.5, 5 x 10^k that is at least `raw` */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw * (1 - 1e-12)) return m * magnitude;
  return 10 * magnitude;
}

/** about `target` bins of a round width over the range of every series' values */
export function sharedBins(series: readonly (readonly number[])[], target = 20): SharedBins {
  const all = series.flat().filter(Number.isFinite);
  if (all.length === 0) return { edges: [], step: 1, counts: series.map(() => []) };
  // a loop, not Math.min(...all): a simulation has reps x runs values, too many for spread arguments
  let min = Infinity;
  let max = -Infinity;
  for (const v of all) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const step = max > min ? niceStep((max - min) / target) : niceStep(Math.abs(min) / 10 || 1);
  const first = Math.floor(min / step) * step;
  const binCount = Math.max(1, Math.ceil((max - first) / step - 1e-9) || 1);
  const edges = Array.from({ length: binCount }, (_, i) => first + i * step);
  const counts = series.map((values) => {
    const c = new Array<number>(binCount).fill(0);
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      c[Math.min(binCount - 1, Math.max(0, Math.floor((v - first) / step)))] += 1;
    }
    return c;
  });
  return { edges, step, counts };
}
