/**
 * A multiplicative noise factor exp(spread (u - 1/2)) of a uniform draw u,
 * read off a table of 4097 points (the hot loop draws one per client and
 * month). With `meanOne`, the factors are divided by their mean, so that the
 * noise moves revenue around its expectation without shifting it.
 */
export function noiseFactor(spread: number, meanOne: boolean): (u: number) => number {
  const table = Float64Array.from({ length: 4097 }, (_, k) => Math.exp(spread * (k / 4096 - 0.5)));
  if (meanOne) {
    const mean = table.reduce((a, b) => a + b, 0) / table.length;
    for (let k = 0; k < table.length; k++) table[k] /= mean;
  }
  return (u: number) => table[(u * 4096 + 0.5) | 0];
}
