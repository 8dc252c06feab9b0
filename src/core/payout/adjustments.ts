import type { Formatter } from '../components/component.js';
import type { Arith } from '../money/arith.js';
import { formatDay, formatMonth, monthOfDay, type Month } from '../time/month.js';
import type { Adjustment, Line, Scheme } from '../types.js';

/** the lines of a month without adjustments: none, and never added to */
const NO_LINES: readonly Line<never>[] = Object.freeze([]);

/** the component name of the lines adjustments.csv pays (what a test's expectation names) */
export const ADJUSTMENTS = 'adjustments';

/** what an adjustments.csv row's line says it is: its kind and note (a late change names a row added after a lock by it) */
export function adjustmentRule(a: Pick<Adjustment, 'kind' | 'note'>): string {
  return `${a.kind}${a.note ? `: ${a.note}` : ''}`;
}

/**
 * The rows of adjustments.csv by rep and month: each is a line of the rep's
 * pay in the month of its day, rounded like any line, and explained by its
 * kind and note, its amount and the row it came from.
 */
export class AdjustmentBook {
  private readonly byRepMonth = new Map<string, Adjustment[]>();

  constructor(adjustments: readonly Adjustment[] = []) {
    for (const a of adjustments) {
      const key = `${a.rep}|${monthOfDay(a.day)}`;
      const list = this.byRepMonth.get(key);
      if (list) list.push(a);
      else this.byRepMonth.set(key, [a]);
    }
  }

  /** the lines of a rep's month, in the file's order; none for most months */
  lines<T>(rep: string, month: Month, engine: { A: Arith<T>; fmt: Formatter<T>; scheme: Scheme; explain: boolean }): readonly Line<T>[] {
    // (the engine asks for every month it pays: no list made for none)
    if (this.byRepMonth.size === 0) return NO_LINES;
    const list = this.byRepMonth.get(`${rep}|${month}`);
    if (!list) return NO_LINES;
    const { A, fmt, scheme, explain } = engine;
    return list.map((a) => {
      const amount = A.round(A.of(a.amount), scheme.minorDigits, scheme.rounding);
      const where = a.source ? `${a.source.file}:${a.source.line}` : 'adjustments.csv';
      return {
        component: ADJUSTMENTS,
        type: a.kind,
        kind: 'adjustment',
        period: formatMonth(month),
        amount,
        variable: a.variable,
        explain: explain
          ? {
              rule: adjustmentRule(a),
              arithmetic: fmt.money(amount),
              notes: [`from ${where}, dated ${formatDay(a.day)}; ${a.variable ? 'variable pay' : 'not variable pay'}`],
            }
          : undefined,
      };
    });
  }
}
