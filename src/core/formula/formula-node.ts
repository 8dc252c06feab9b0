import type { Q } from '../money/rational.js';

/** A plan formula's syntax tree (src/core/formula/parse.ts makes it, evaluate.ts reads it). */
export type FormulaNode =
  | { kind: 'number'; value: Q }
  | { kind: 'variable'; name: string }
  | { kind: 'column'; column: string }
  | { kind: 'unary'; op: '-' | '+'; arg: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; fn: 'min' | 'max' | 'round' | 'floor' | 'ceil'; args: FormulaNode[] }
  /** an expression of measures over an earlier period: the `back`-th period of this kind before the one the month is in (ratchets) */
  | { kind: 'prior'; arg: FormulaNode; period: 'month' | 'quarter' | 'year'; back: number };
