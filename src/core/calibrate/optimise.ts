/**
 * A small Nelder-Mead minimiser and the observed information (a numerical
 * Hessian) for maximum-likelihood fits of a few parameters. Written by hand:
 * the npm optimisers on offer are unmaintained or bring no Hessian, and the
 * fits here have at most five parameters.
 */

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

/** minimise f from x0 with simplex steps `step` (per coordinate); deterministic */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], step: readonly number[], maxIterations = 2000, tolerance = 1e-9): Minimum {
  const n = x0.length;
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: safe([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] += step[i];
    simplex.push({ x, v: safe(x) });
  }
  let it = 0;
  for (; it < maxIterations; it++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0], worst = simplex[n];
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance) && it > 10) break;
    const centre = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centre[i] += simplex[k].x[i] / n;
    const along = (t: number) => centre.map((c, i) => c + t * (worst.x[i] - c));
    const reflected = along(-1);
    const vr = safe(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = safe(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = safe(contracted);
      if (vc < Math.min(vr, worst.v)) simplex[n] = { x: contracted, v: vc };
      else {
        // shrink towards the best point
        simplex = simplex.map((p, k) => {
          if (k === 0) return p;
          const x = p.x.map((xi, i) => best.x[i] + 0.5 * (xi - best.x[i]));
          return { x, v: safe(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, iterations: it };
}

/** restarts Nelder-Mead from its own optimum until it stops improving (escapes a collapsed simplex) */
export function minimise(f: (x: number[]) => number, x0: readonly number[], step: readonly number[]): Minimum {
  let m = nelderMead(f, x0, step);
  for (let k = 0; k < 4; k++) {
    const again = nelderMead(f, m.x, step.map((s) => s / (k + 2)));
    const better = again.value < m.value - 1e-10;
    m = again.value <= m.value ? { ...again, iterations: m.iterations + again.iterations } : m;
    if (!better) break;
  }
  return m;
}

/** the Hessian of f at x by central differences, steps relative to each coordinate */
export function hessian(f: (x: number[]) => number, x: readonly number[]): number[][] {
  const n = x.length;
  const h = x.map((xi) => 1e-4 * Math.max(Math.abs(xi), 1e-2));
  const at = (d: [number, number][]) => {
    const y = [...x];
    for (const [i, s] of d) y[i] += s;
    return f(y);
  };
  const f0 = f([...x]);
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    H[i][i] = (at([[i, h[i]]]) - 2 * f0 + at([[i, -h[i]]])) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v = (at([[i, h[i]], [j, h[j]]]) - at([[i, h[i]], [j, -h[j]]]) - at([[i, -h[i]], [j, h[j]]]) + at([[i, -h[i]], [j, -h[j]]])) / (4 * h[i] * h[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/** the inverse of a symmetric matrix by Gauss-Jordan; undefined when singular */
export function invert(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (!(Math.abs(a[p][c]) > 1e-300)) return undefined;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const q = a[r][c];
      if (q !== 0) for (let k = 0; k < 2 * n; k++) a[r][k] -= q * a[c][k];
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Standard errors from the observed information: the square roots of the
 * diagonal of the inverse Hessian of -log L. Where the whole Hessian is not
 * positive definite (an estimate on a bound of its range, where the
 * likelihood is flat or undefined a step away, or one the data do not
 * identify), the estimates that are not to blame keep theirs: the largest
 * set of them whose own block inverts with positive variances, each error
 * then conditional on the others held where they are (their uncertainty is
 * not carried). Undefined for the rest. A fit here has at most five
 * parameters: every subset is tried, largest first.
 */
export function standardErrors(negLogLik: (x: number[]) => number, x: readonly number[]): (number | undefined)[] {
  const H = hessian(negLogLik, x);
  const n = x.length;
  const errors = (keep: readonly number[]): number[] | undefined => {
    const block = keep.map((i) => keep.map((j) => H[i][j]));
    if (block.some((row) => row.some((v) => !Number.isFinite(v)))) return undefined;
    const inv = invert(block);
    const out = keep.map((_, k) => inv?.[k][k] ?? NaN);
    return out.every((v) => Number.isFinite(v) && v > 0) ? out.map(Math.sqrt) : undefined;
  };
  // (of as many as can keep theirs, the estimates left out are those the data inform least: their information on their own scale)
  const informed = x.map((xi, i) => (Number.isFinite(H[i][i]) ? H[i][i] * Math.max(Math.abs(xi), 1e-2) ** 2 : -Infinity));
  const subsets = Array.from({ length: 2 ** n - 1 }, (_, k) => k + 1).map((bits) => x.map((_, i) => i).filter((i) => bits & (1 << i)));
  const leftOut = (keep: readonly number[]) => informed.reduce((a, v, i) => (keep.includes(i) ? a : a + v), 0);
  subsets.sort((a, b) => b.length - a.length || leftOut(a) - leftOut(b));
  for (const keep of subsets) {
    const se = errors(keep);
    if (!se) continue;
    const out: (number | undefined)[] = new Array(n).fill(undefined);
    keep.forEach((i, k) => (out[i] = se[k]));
    return out;
  }
  return new Array(n).fill(undefined);
}
