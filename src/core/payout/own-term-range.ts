import * as R from '../money/rational.js';
import { parseNumberCell } from '../data/numbers.js';
import { cellAt } from '../data/cell-at.js';
import { problem, warning, type Problem } from '../problems/problem.js';
import { componentFormulas } from '../scheme/formulas-of.js';
import type { Formula } from '../formula/formula-node.js';
import type { ComponentSpec, Dataset, Path, Rep, Scheme } from '../types.js';

/**
 * What a term of a rep's own (a `{column: NAME}` or `{formula: ...}` term, a
 * plan's `column:` or formula) is read as, where a value below 0 is a
 * mistake of his data: a cap (no pay allowed: an error, as a written
 * negative cap is, and the line pays nothing), a rate of pay (a warning, as
 * a written negative rate is: it turns the line's sign), a plan (a warning:
 * no plan, attainment 0 %), or a salary's or bonus's amount (a warning, as a
 * written negative amount is: it takes pay off).
 */
export type OwnTermRole = 'cap' | 'rate' | 'plan' | 'amount';

/** where a rep's value below 0 was read: his cell (reps.csv, or plans.csv for a month), or a formula worked out for him */
export type OwnTermSource =
  | { kind: 'cell'; column: string; file: string; written: string; at: { file: string; line: number; column: number } | Record<string, never> }
  | { kind: 'formula'; text: string; shown: string; at: { file: string; line: number; column: number } | { path: Path }; month: string };

/** the key a term is written under, for its note: 'rate', 'cap', 'threshold' (not a dated entry's index, 'value', 'formula' or 'column') */
export function termKey(path: readonly (string | number)[], componentPath: readonly (string | number)[]): string {
  const own = path.slice(componentPath.length).filter((p) => typeof p === 'string' && !['value', 'formula', 'column'].includes(p));
  return own.join('.') || 'term';
}

/** each term's role, worked out once (the engine reads a rep's column term every month of every rep) */
const roles = new WeakMap<Formula, OwnTermRole | null>();

/** the role of a component's term of the rep's own (termRole of its termKey), or none */
export function roleOfTerm(t: Formula, c: Pick<ComponentSpec, 'path' | 'type'>): OwnTermRole | undefined {
  let role = roles.get(t);
  if (role === undefined) roles.set(t, (role = termRole(termKey(t.path, c.path), c.type) ?? null));
  return role ?? undefined;
}

/** the role of a component's term by the key it is written under ('rate', 'tiers.bands.rate', 'cap', 'amount'), or none */
function termRole(key: string, componentType: string): OwnTermRole | undefined {
  if (key === 'cap') return 'cap';
  if (/(^|\.)rate$/.test(key)) return 'rate';
  if (/(^|\.)amount$/.test(key) && (componentType === 'salary' || componentType === 'bonus')) return 'amount';
  return undefined;
}

/**
 * The problem with a rep's own value below 0, once worded for payout,
 * simulate and validate alike. `reader`: who reads it (`component 'x'`,
 * `plan 'y'`); `what`: for an amount, the component's type.
 */
export function belowZeroProblem(role: OwnTermRole, reader: string, rep: string, src: OwnTermSource, what = 'an amount'): Problem {
  const cell = src.kind === 'cell';
  const fix = cell ? `correct his value in ${src.file}` : 'correct the formula, or the columns of his it reads';
  const at = src.at;
  switch (role) {
    case 'cap':
      return problem(
        'negative-cap',
        cell
          ? `${reader} reads column '${src.column}' as a cap, and rep '${rep}' has ${src.written} there: a cap below 0 allows no pay, so the line pays nothing`
          : `${reader} works out rep '${rep}''s cap as ${src.text} = ${src.shown} for ${src.month}: a cap below 0 allows no pay, so the line pays nothing`,
        { ...at, hint: `a cap is the most one line pays, 0 or more (a fine is limited to minus it): ${fix}` },
      );
    case 'rate': {
      return warning(
        'rate-range',
        cell
          ? `${reader} reads column '${src.column}' as a rate, and rep '${rep}' has ${src.written} there: below 0, it turns the line's sign (a commission takes pay off, a fine adds pay)`
          : `${reader} works out rep '${rep}''s rate as ${src.text} = ${src.shown} for ${src.month}: below 0, it turns the line's sign (a commission takes pay off, a fine adds pay)`,
        { ...at, hint: `a rate of pay is 0 or more (${cell ? `${src.file} takes 5%, 5 % or 0.05 for 5 %` : 'max(0, ...) keeps it so'}); pay is taken off by a fine: ${fix}` },
      );
    }
    case 'plan':
      return warning(
        'negative-value',
        cell
          ? `${reader} reads column '${src.column}', and rep '${rep}' has ${src.written} there: a plan below 0 is no plan (his attainment is 0 %)`
          : `${reader} works out rep '${rep}''s plan as ${src.text} = ${src.shown} for ${src.month}: a plan below 0 is no plan (his attainment is 0 %)`,
        { ...at, hint: `a plan is 0 or more: ${fix}` },
      );
    case 'amount':
      return warning(
        'negative-value',
        cell
          ? `${reader} reads column '${src.column}' as ${what}, and rep '${rep}' has ${src.written} there: below 0, it takes pay off`
          : `${reader} works out rep '${rep}''s ${what.replace(/^an? /, '')} as ${src.text} = ${src.shown} for ${src.month}: below 0, it takes pay off`,
        { ...at, hint: `a deduction says so (type: deduction, with the amount it takes off); else ${fix}` },
      );
  }
}

/** the once-key of a rep's value below 0: per rep and cell, or per rep and formula */
export function belowZeroKey(role: OwnTermRole, rep: string, src: OwnTermSource): string {
  const at = src.at as { file?: string; line?: number; column?: number; path?: Path };
  return `below-zero|${role}|${rep}|${at.file ?? ''}:${at.line ?? ''}:${at.column ?? ''}|${(at.path ?? []).join('.')}|${src.kind === 'cell' ? src.column : src.text}`;
}

/** what a component's type calls its amount, for the message */
export function amountWord(type: string): string {
  return type === 'salary' ? 'a salary' : type === 'bonus' ? 'a bonus' : 'an amount';
}

/** the columns a scheme reads in a rep's cells with a role where below 0 is a mistake, each with its first reader */
function roleColumns(scheme: Scheme): { column: string; role: OwnTermRole; reader: string; type: string }[] {
  const out = new Map<string, { column: string; role: OwnTermRole; reader: string; type: string }>();
  const add = (column: string, role: OwnTermRole, reader: string, type: string) => {
    const key = `${role}|${column}`;
    if (!out.has(key)) out.set(key, { column, role, reader, type });
  };
  for (const p of scheme.plans.values()) if (p.source.kind === 'column') add(p.source.column, 'plan', `plan '${p.name}'`, 'plan');
  for (const c of scheme.components as ComponentSpec[]) {
    for (const f of componentFormulas(c)) {
      if (f.ast.kind !== 'column') continue;
      const role = roleOfTerm(f, c);
      if (role) add(f.ast.column, role, `component '${c.id}'`, c.type);
    }
  }
  return [...out.values()];
}

/**
 * `validate SCHEME DATA`: every cell of reps.csv and plans.csv the scheme
 * reads as a cap, a rate of pay, a plan or a salary's or bonus's amount,
 * checked for a value below 0 as payout checks it when it reads the cell
 * (the same problem, at the same cell), whether or not a payout reaches it.
 */
export function ownCellProblems(scheme: Scheme, data: Pick<Dataset<unknown>, 'reps' | 'plans'>): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const ids = new Set(data.reps.map((r) => r.id));
  for (const { column, role, reader, type } of roleColumns(scheme)) {
    const rate = role === 'rate';
    // as PlanBook.cellValue reads a cell: the number the dataset made of it, else its text
    const check = (rep: string, written: string | undefined, read: R.Q | undefined, source: Rep['source'], file: string) => {
      if (written === undefined && read === undefined) return;
      const text = written ?? R.toDecimalString(read!);
      const q = read ?? (text === '' ? undefined : parseNumberCell(text, source?.decimal, rate));
      if (q === undefined || R.sign(q) >= 0) return;
      const src: OwnTermSource = { kind: 'cell', column, file, written: text, at: cellAt(source, column) };
      const key = belowZeroKey(role, rep, src);
      if (seen.has(key)) return;
      seen.add(key);
      out.push(belowZeroProblem(role, reader, rep, src, amountWord(type)));
    };
    for (const rep of data.reps) check(rep.id, rep.columns[column]?.trim(), undefined, rep.source, 'reps.csv');
    for (const row of data.plans ?? []) {
      if (!ids.has(row.rep)) continue;
      check(row.rep, row.written?.[column], row.values[column], row.source, 'plans.csv');
    }
  }
  return out;
}
