import { problem, type Problem } from '../problems/problem.js';
import { didYouMean } from '../problems/suggest.js';
import type { Formula } from './formula-node.js';
import { formulaPriors, formulaVariables } from './parse.js';

/** what the names of a formula may be, and what it says when one is none of them */
export interface FormulaNames {
  /** 'plan 'x'' or 'component 'y'': whose formula */
  whose: string;
  /** whether a name may be read (over the period it is paid for) */
  known(name: string): boolean;
  /** the names a misspelling is checked against */
  candidates: readonly string[];
  /** other names of candidates, [other name, candidate]: a misspelling of one is offered its candidate */
  aliases?: readonly (readonly [string, string])[];
  /** what the known names are, for the message: 'a measure nor a plan' */
  kinds: string;
  /** names prior() may not read (plans, components: prior() reads measures over an earlier period) */
  notInPrior(name: string): string | undefined;
}

/**
 * A formula's unknown names, and names prior() may not read, as problems
 * placed at the character where each is written.
 */
export function formulaNameProblems(f: Formula, names: FormulaNames): Problem[] {
  const out: Problem[] = [];
  for (const v of formulaVariables(f.ast)) {
    if (names.known(v)) continue;
    const dym = didYouMean(v, names.candidates, names.aliases);
    out.push(
      problem('unknown-reference', `formula of ${names.whose} uses '${v}', which is neither ${names.kinds}${dym ? `; ${dym}` : ''}`, {
        path: f.path,
        valueIndex: nameIndex(f.text, v),
        hint: "rep columns are written 'rep.<column>'",
      }),
    );
  }
  for (const prior of formulaPriors(f.ast)) {
    for (const v of prior.names) {
      const what = names.notInPrior(v);
      if (what === undefined) continue;
      out.push(
        problem('unknown-reference', `formula of ${names.whose} reads ${what} '${v}' inside prior(): prior() reads measures over an earlier period, not ${what}s`, {
          path: f.path,
          valueIndex: nameIndex(f.text, v, /\bprior\s*\(/),
          hint: what === 'plan' ? `write the plan's own formula inside prior(), e.g. prior(revenue, year) * 1.05` : 'read measures inside prior(), e.g. prior(revenue, quarter)',
        }),
      );
    }
  }
  return out;
}

/** where a name is first written (after `after`, when given) in a formula's text */
function nameIndex(text: string, name: string, after?: RegExp): number | undefined {
  const from = after ? after.exec(text)?.index : 0;
  if (from === undefined) return undefined;
  const at = new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).exec(text.slice(from));
  return at ? from + at.index : undefined;
}
