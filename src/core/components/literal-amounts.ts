import * as R from '../money/rational.js';
import { warning, type Path, type Problem } from '../problems/problem.js';
import type { Dated, Scheme, Term } from '../types.js';
import type { PayContext } from './component.js';

/**
 * An amount of pay as it is paid: rounded to the currency's minor unit, as
 * the warning of literalAmountProblems says, before anything is worked out
 * from it (a salary prorated by days), so the audit line's arithmetic is the
 * one a rep redoes by hand on the amount it shows.
 */
export function inCurrencyUnits<T>(ctx: Pick<PayContext<T>, 'A' | 'scheme'>, amount: T): T {
  return ctx.A.round(amount, ctx.scheme.minorDigits, ctx.scheme.rounding);
}

/**
 * An amount of pay written in the scheme (a salary, a bonus): one with more
 * decimals than the currency has is paid rounded (1500.5 JPY is 1,501), and
 * a negative one takes pay off (a deduction says so). Warnings at the value,
 * each dated value on its own; an amount of the rep's own is his column's.
 */
export function literalAmountProblems(amount: Dated<Term>, path: Path, scheme: Scheme, what: string): Problem[] {
  const out = finerThanCurrencyProblems(amount, path, scheme, what);
  amount.forEach((d, i) => {
    const v = d.value;
    if (!(v instanceof R.Q) || R.sign(v) >= 0) return;
    out.push(warning('negative-value', `${what} ${R.toDecimalString(v)} is negative: it takes pay off`, { path: valuePath(amount, path, i), hint: "a deduction says so: type: deduction, with the amount it takes off" }));
  });
  return out;
}

/**
 * An amount written in the scheme with more decimals than the currency has
 * (a salary, a bonus, a draw): a warning at the value that it is used
 * rounded (inCurrencyUnits), each dated value on its own.
 */
export function finerThanCurrencyProblems(amount: Dated<Term>, path: Path, scheme: Scheme, what: string): Problem[] {
  const out: Problem[] = [];
  amount.forEach((d, i) => {
    const v = d.value;
    if (!(v instanceof R.Q)) return;
    const paid = R.toMinor(v, scheme.minorDigits, scheme.rounding);
    if (R.eq(R.fromMinor(paid, scheme.minorDigits), v)) return;
    out.push(
      warning('bad-value', `${what} ${R.toDecimalString(v)} has more decimals than ${scheme.currency} has (${scheme.minorDigits}): it is paid rounded, ${R.formatMinor(paid, scheme.minorDigits)}`, {
        path: valuePath(amount, path, i),
        hint: `write it to the ${scheme.minorDigits === 0 ? 'whole unit' : `${scheme.minorDigits} decimal${scheme.minorDigits === 1 ? '' : 's'}`} ${scheme.currency} has`,
      }),
    );
  });
  return out;
}

/** where a dated amount's i-th value is written: the amount itself when it has one value */
function valuePath(amount: Dated<Term>, path: Path, i: number): Path {
  return amount.length > 1 ? [...path, i, 'value'] : path;
}
