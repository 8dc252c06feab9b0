import { problem, type Problem } from '../problems/problem.js';
import type { Dataset, Scheme } from '../types.js';

/**
 * A transactions file whose currency column writes a currency other than
 * the scheme's: motiv converts none, so those amounts would be paid as if
 * they were in the scheme's currency (QA: a USD invoice paid as EUR, said
 * nowhere). An error at the first row of each such currency, counting its
 * rows; a blank cell is the scheme's currency.
 */
export function currencyProblems(scheme: Pick<Scheme, 'currency'>, data: Pick<Dataset<unknown>, 'currencies'>): Problem[] {
  const own = scheme.currency.trim().toUpperCase();
  return (data.currencies ?? [])
    .filter((c) => c.code !== own)
    .map((c) =>
      problem('currency-mismatch', `${c.rows.toLocaleString('en-US')} ${c.rows === 1 ? 'row is' : 'rows are'} in ${c.code} (the currency column), and the scheme pays in ${own}: motiv converts no currency, and would pay those amounts as ${own}`, {
        file: c.file,
        line: c.line,
        column: c.column,
        hint: `convert those amounts to ${own} before the export, or pay them with a scheme in ${c.code}; a blank currency cell is read as the scheme's`,
      }),
    );
}
