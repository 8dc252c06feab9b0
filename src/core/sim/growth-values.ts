/**
 * What pay on a client's growth over its trailing baseline of N months (an
 * upsell: SchemeView.growthMonths, Rates.growth) makes of a client's wallet,
 * for the client model (values.ts). A rise of a client's wallet now, pulled
 * back towards its long-run level at q a month, pays k months on q^k less
 * its average over the months of the baseline since the rise (what came
 * before did not rise), while that is above 0; a new client's climb from
 * walletStart pays on what it gains over its own last N months. Both only
 * from the age a client is eligible, N + 1 (its first N months are its
 * baseline). Growth below nothing pays nothing.
 *
 * `pays(k, age)`: what a unit of growth k months ahead pays a client then
 * of `age` (the age the rates go by), discounted and by the chance the
 * client is still his. Writes, by the client's age now, into `rise` (per
 * unit of a rise now) and `climb` (per unit of walletStart - wStar of a
 * client activating now: 0 or less).
 */
export function growthValues(rise: Float64Array, climb: Float64Array, months: number, q: number, H: number, pays: (k: number, age: number) => number): void {
  const N = months;
  const riseAt = new Float64Array(H);
  const climbAt = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const qk = q ** k;
    let since = 0;
    let window = 0;
    for (let j = Math.max(0, k - N); j < k; j++) since += q ** j;
    for (let j = k - N; j < k; j++) window += q ** j;
    riseAt[k] = N === 0 ? qk : Math.max(0, qk - since / N);
    climbAt[k] = N > 0 && k >= N ? Math.min(0, qk - window / N) : 0;
  }
  for (let a = 1; a < rise.length; a++) {
    let x = 0;
    let c = 0;
    for (let k = 0; k < H; k++) {
      const p = pays(k, a + k);
      if (a + k >= N + 1) x += p * riseAt[k];
      c += p * climbAt[k];
    }
    rise[a] = x;
    climb[a] = c;
  }
}
