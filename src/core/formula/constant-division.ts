import { exactArith } from '../money/arith.js';
import * as R from '../money/rational.js';
import { evaluateFormula } from './evaluate.js';
import { childrenOf, type FormulaNode } from './formula-node.js';
import { showFormula } from './show.js';
import type { FormulaError } from './parse.js';

/**
 * A division whose divisor is written as 0 (`1 / 0`, `x / (2 - 2)`): it
 * divides by zero whatever the data, so it is said where the formula is
 * written, not found while paying. At the '/' it is written at: the n-th
 * division met in the order written is the n-th '/' of the text.
 */
export function constantDivisionByZero(ast: FormulaNode, text: string): FormulaError | undefined {
  const slashes = [...text.matchAll(/\//g)].map((m) => m.index);
  let divisions = 0;
  const visit = (node: FormulaNode): FormulaError | undefined => {
    if (node.kind !== 'binary') {
      for (const c of childrenOf(node)) {
        const found = visit(c);
        if (found) return found;
      }
      return undefined;
    }
    const left = visit(node.left);
    if (left) return left;
    const index = node.op === '/' ? (slashes[divisions++] ?? 0) : 0;
    // a division inside the divisor ('1 / (1 / 0)') is the one to say
    const right = visit(node.right);
    if (right || node.op !== '/' || !isConstantZero(node.right)) return right;
    return { message: `it divides by ${node.right.kind === 'number' ? '0' : `'${showFormula(node.right)}', which is always 0`}`, index };
  };
  return visit(ast);
}

/** a part of a formula that reads nothing from the data and comes to 0 */
function isConstantZero(node: FormulaNode): boolean {
  if (!readsNothing(node)) return false;
  const none = () => R.ZERO;
  return R.isZero(evaluateFormula(node, exactArith, { variable: none, column: none, prior: none }));
}

function readsNothing(node: FormulaNode): boolean {
  if (node.kind === 'variable' || node.kind === 'column' || node.kind === 'prior') return false;
  return childrenOf(node).every(readsNothing);
}
