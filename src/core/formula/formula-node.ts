import type { Q } from '../money/rational.js';
import type { Filter } from '../types.js';

/** the comparisons a condition may make */
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * A formula's syntax tree (src/core/formula/parse.ts makes it, evaluate.ts
 * reads it). A node is a number, or a condition (a comparison, `&&`, `||`,
 * `!`), which only `if()` and the logical operators take.
 */
export type FormulaNode =
  | { kind: 'number'; value: Q }
  | { kind: 'variable'; name: string }
  | { kind: 'column'; column: string }
  | { kind: 'unary'; op: '-' | '+'; arg: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; fn: 'min' | 'max' | 'round' | 'floor' | 'ceil' | 'clamp'; args: FormulaNode[] }
  /** `if(condition, then, else)`: only the branch taken is evaluated */
  | { kind: 'if'; condition: FormulaNode; then: FormulaNode; else: FormulaNode }
  | { kind: 'compare'; op: CompareOp; left: FormulaNode; right: FormulaNode }
  | { kind: 'logic'; op: '&&' | '||'; left: FormulaNode; right: FormulaNode }
  | { kind: 'not'; arg: FormulaNode }
  /** an expression of measures over an earlier period: the `back`-th period of this kind before the one the month is in (ratchets) */
  | { kind: 'prior'; arg: FormulaNode; period: 'month' | 'quarter' | 'year'; back: number };

/** a formula as a scheme holds it: its text, its tree, where it is written, and (once the file is read) its line and column */
export interface Formula {
  text: string;
  ast: FormulaNode;
  path: (string | number)[];
  /** the filter a component's formula reads its measures through (none: unfiltered) */
  filter?: Filter;
  /** where the formula's text starts in its file, for problems found while paying */
  at?: { file: string; line: number; column: number };
}

/** a node's sub-expressions, in the order written */
export function childrenOf(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case 'unary':
    case 'not':
    case 'prior':
      return [node.arg];
    case 'binary':
    case 'compare':
    case 'logic':
      return [node.left, node.right];
    case 'call':
      return node.args;
    case 'if':
      return [node.condition, node.then, node.else];
    default:
      return [];
  }
}

/** a condition gives yes or no, not a number */
export function isCondition(node: FormulaNode): boolean {
  return node.kind === 'compare' || node.kind === 'logic' || node.kind === 'not';
}
