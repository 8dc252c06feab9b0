import { formatMoney } from '../money/format.js';
import * as R from '../money/rational.js';
import { problem, type Problem } from '../problems/problem.js';
import type { Path, Q, Scheme } from '../types.js';
import { locate, type YamlSource } from '../yaml/source.js';
import type { TestCase } from './suite.js';

/** what an expectation compares: its total, variable pay and components, each with its YAML path */
function expectedAmounts(c: TestCase): { item: string; rep: string | undefined; expected: Q; path: Path }[] {
  return c.expect.flatMap((e) => [
    ...(e.total === undefined ? [] : [{ item: 'total', rep: e.rep, expected: e.total, path: [...e.path, 'total'] }]),
    ...(e.variable === undefined ? [] : [{ item: 'variable', rep: e.rep, expected: e.variable, path: [...e.path, 'variable'] }]),
    ...[...e.components].map(([id, expected]) => ({ item: id, rep: e.rep, expected, path: [...e.path, 'components', id] })),
  ]);
}

/**
 * Expected amounts no pay can equal: written with more decimals than the
 * scheme's currency has (pay is rounded to its minor unit), farther from an
 * amount in that unit than the case's tolerance. `motiv test` fails such a
 * case whatever the scheme pays, and its report says why beside the diff;
 * `motiv validate` says it before anything is paid, in the same words, at
 * the value.
 */
export function expectedDecimalsProblems(c: TestCase, scheme: Scheme, source: YamlSource): Problem[] {
  const digits = scheme.minorDigits;
  const out: Problem[] = [];
  for (const { item, rep, expected, path } of expectedAmounts(c)) {
    const payable = R.roundTo(expected, digits, 'half-up');
    const off = R.sub(expected, payable);
    if (R.cmp(R.sign(off) < 0 ? R.neg(off) : off, c.tolerance) <= 0) continue;
    const written = R.toDecimalString(expected);
    out.push(
      problem(
        'bad-value',
        `case '${c.name}', ${rep === undefined ? '' : `${rep} `}${item}: ${written} has more decimals than ${scheme.currency} has (${digits}), and pay is rounded to ${digits}: write it as ${formatMoney(expected, digits, false)}`,
        { ...locate(source, path), hint: `no amount paid can equal ${written}; a case whose figures are approximate says by how much with 'tolerance:'` },
      ),
    );
  }
  return out;
}
