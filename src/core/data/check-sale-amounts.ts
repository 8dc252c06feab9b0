import * as R from '../money/rational.js';
import { capped } from '../problems/capped.js';
import { warning, type Problem } from '../problems/problem.js';
import type { Q } from '../types.js';
import { linesOf } from './far-dates.js';
import { POW10 } from './plain-units.js';

/** rows reported one by one; the rest in one more warning */
const MAX_SHOWN = 20;

interface Found {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A sale's cost and gross profit checked against its revenue as its row is
 * kept, warnings once all rows are in: a negative cost on a sale (its
 * gross profit above its revenue), a gross profit that is not revenue −
 * cost (by more than the currency's minor unit: a cent, a yen, a fils), and, once per file, the rows whose cost and
 * gross profit are both blank in a file with a cost column (their cost is
 * 0, a 100 % margin). A plain row is checked by its units, in floats, a
 * rational made only for a row that fails.
 */
export class SaleAmountChecks {
  private readonly negativeCosts: Found[] = [];
  private readonly profitsOff: Found[] = [];
  private readonly blankCosts = new Map<string, { lines: number[]; column: number }>();
  /** a gross profit this far from revenue − cost is a rounding, not a mistake: the currency's minor unit (0.01 for 2 digits) */
  private readonly minorUnit: Q;
  /** half of it, as a float: a plain row closer than this is checked no further */
  private readonly halfUnit: number;

  /** whether the data's currency is known (a scheme's): else amounts are checked to the cent, and the warning says so */
  private readonly currencyKnown: boolean;

  /** `minorDigits`: the currency's (see minorDigitsOf); without it (data read without a scheme) 2, a cent's */
  constructor(minorDigits?: number) {
    this.currencyKnown = minorDigits !== undefined;
    const digits = minorDigits ?? 2;
    this.minorUnit = R.q(1, 10 ** digits);
    this.halfUnit = 0.5 / 10 ** digits;
  }

  /** a row read cell by cell: its amounts as written (undefined: blank, or no such column); `costColumn` where its cost cell is, undefined when the file has none */
  check(file: string, line: number, costColumn: number | undefined, gpColumn: number, revenue: Q | undefined, cost: Q | undefined, gp: Q | undefined): void {
    if (costColumn !== undefined && cost === undefined && gp === undefined) {
      let blank = this.blankCosts.get(file);
      if (!blank) this.blankCosts.set(file, (blank = { lines: [], column: costColumn }));
      blank.lines.push(line);
    }
    if (revenue === undefined || cost === undefined) return;
    this.given(file, line, costColumn ?? 1, gpColumn, revenue, cost, gp);
  }

  /** a plain row (see PlainUnits): its three amounts as units of 10^-places */
  checkUnits(file: string, line: number, costColumn: number, gpColumn: number, ru: number, rp: number, cu: number, cp: number, gu: number, gp: number): void {
    const negative = cu < 0 && ru >= 0;
    // (floats within half a minor unit: the exact check below only where they are not)
    if (!negative && Math.abs(ru / POW10[rp] - cu / POW10[cp] - gu / POW10[gp]) <= this.halfUnit) return;
    this.given(file, line, costColumn, gpColumn, R.lowestTerms(ru, POW10[rp]), R.lowestTerms(cu, POW10[cp]), R.lowestTerms(gu, POW10[gp]));
  }

  private given(file: string, line: number, costColumn: number, gpColumn: number, revenue: Q, cost: Q, gp: Q | undefined): void {
    const text = (q: Q) => R.toDecimalString(q);
    if (R.sign(cost) < 0 && R.sign(revenue) >= 0) {
      this.negativeCosts.push({ file, line, column: costColumn, message: `cost: ${text(cost)} is negative on a sale of ${text(revenue)}, so its gross profit is more than its revenue` });
    }
    if (gp === undefined) return;
    const off = R.sub(R.sub(revenue, cost), gp);
    if (R.cmp(R.sign(off) < 0 ? R.neg(off) : off, this.minorUnit) <= 0) return;
    this.profitsOff.push({
      file,
      line,
      column: gpColumn,
      message: `gross_profit: ${text(gp)} is not revenue − cost (${text(revenue)} − ${text(cost)} = ${text(R.sub(revenue, cost))}); payout takes ${text(gp)} as written`,
    });
  }

  problems(): Problem[] {
    const out: Problem[] = [];
    for (const [file, { lines, column }] of this.blankCosts) {
      out.push(
        warning('bad-cell', `cost: blank on ${lines.length === 1 ? 'this row' : `${lines.length.toLocaleString('en-US')} rows (lines ${linesOf(lines)})`}, with no gross_profit: a blank cost is 0, so gross profit is the whole revenue`, {
          file,
          line: lines[0],
          column,
          hint: 'fill in the cost (0 where there truly is none), or the gross_profit',
        }),
      );
    }
    const found = (kind: string, hint: string) => (all: Found[]) =>
      capped(
        all,
        MAX_SHOWN,
        (f) => warning('bad-value', f.message, { file: f.file, line: f.line, column: f.column, hint }),
        (more) => warning('bad-value', `${more.length.toLocaleString('en-US')} more rows have ${kind}, on lines ${linesOf(more.map((f) => f.line))}`, { file: more[0].file, line: more[0].line, column: more[0].column, hint }),
      );
    out.push(...found('a negative cost', 'a sale costs 0 or more; a refund is a row of negative revenue (and cost)')(this.negativeCosts));
    const toTheCent = this.currencyKnown ? '' : "; checked to 0.01, as no scheme gives the data's currency: validate the data with its scheme (motiv validate scheme.yaml DIR) to check to its minor unit (1 JPY, 0.001 KWD)";
    out.push(...found('a gross profit other than revenue − cost', `fix the row, or leave cost or gross_profit blank: the other is worked out from revenue${toTheCent}`)(this.profitsOff));
    return out;
  }
}
