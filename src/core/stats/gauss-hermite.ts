/**
 * An n-point Gauss-Hermite rule for a standard normal: E f(Z) ≈ Σ
 * weights[i] f(nodes[i]), exact for polynomials up to degree 2n - 1. The
 * roots of the n-th Hermite polynomial by Newton's method on the orthonormal
 * recurrence (Numerical Recipes' gauher), scaled from the weight e^(-x²) to
 * the normal density.
 */
export function normalRule(n: number): { nodes: number[]; weights: number[] } {
  const x = new Array<number>(n).fill(0);
  const w = new Array<number>(n).fill(0);
  const PIM4 = Math.PI ** -0.25;
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = PIM4, p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2 / (pp * pp);
  }
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  return { nodes: order.map((i) => x[i] * Math.SQRT2), weights: order.map((i) => w[i] / Math.sqrt(Math.PI)) };
}
