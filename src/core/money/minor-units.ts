/**
 * An amount of a double in whole minor units of a currency with `digits`
 * decimals (cents: 1234.565 -> 123457): how a simulated sale is booked
 * (SimLedger.money) and how generate writes it (generate/tables.ts), one
 * rounding for both, so the files hold what the run booked.
 */
export function toMinorUnits(x: number, digits: number): number {
  return Math.round(x * 10 ** digits);
}
