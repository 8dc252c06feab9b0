import type { Formatter } from '../components/component.js';
import type { Arith } from '../money/arith.js';
import { formatMoney, formatPercent, groupThousands } from '../money/format.js';
import { toDecimalString, type Q, type RoundingMode } from '../money/rational.js';

/**
 * Number formatting for audit trails, in the engine's arithmetic; money to
 * the currency's digits by the scheme's rounding, as its lines are paid
 * (QA: under half-even a line of 0.00 was explained as 0.50 x 1 % = 0.01)
 */
export function makeFormatter<T>(A: Arith<T>, digits: number, rounding: RoundingMode = 'half-up'): Formatter<T> {
  const num = (q: Q) => groupThousands(toDecimalString(q, 4));
  const asQ = (q: Q, unit: 'ratio' | 'money' | 'count' | 'hours' = 'count') =>
    unit === 'ratio' ? formatPercent(q) : unit === 'money' ? formatMoney(q, digits, true, rounding) : unit === 'hours' ? `${num(q)} h` : num(q);
  return {
    money: (x) => formatMoney(A.toQ(x), digits, true, rounding),
    // (QA: a measure of 1,234.545 shown as 1,234.55 in "1,234.55 × 10 % = 123.45")
    moneyAsIs: (x) => (A.cmp(A.round(x, digits, 'half-up'), x) === 0 ? formatMoney(A.toQ(x), digits, true, rounding) : num(A.toQ(x))),
    pct: (x) => formatPercent(A.toQ(x)),
    num: (x) => num(A.toQ(x)),
    q: asQ,
    value: (x, unit) => asQ(A.toQ(x), unit),
  };
}

/**
 * `a − b` in an audit trail, money: a negative b is added as its size
 * (`1,500.00 + 125.00`, not `1,500.00 − -125.00`). Explains write a
 * number's sign with '-' and use '−' only between two terms, so a line
 * reads as one kind of arithmetic.
 */
export function moneyMinus<T>(A: Arith<T>, fmt: Formatter<T>, a: T, b: T): string {
  return A.sign(b) < 0 ? `${fmt.money(a)} + ${fmt.money(A.neg(b))}` : `${fmt.money(a)} − ${fmt.money(b)}`;
}
