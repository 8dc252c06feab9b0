import type { Arith } from '../money/arith.js';
import type { FormulaNode } from './formula-node.js';

export interface FormulaScope<T> {
  variable(name: string): T;
  column(name: string): T;
  /** an expression over an earlier period (`prior(EXPR, PERIOD, N)`) */
  prior(node: Extract<FormulaNode, { kind: 'prior' }>): T;
}

/** Evaluate a plan formula in the engine's arithmetic; a division by zero gives zero. */
export function evaluateFormula<T>(node: FormulaNode, A: Arith<T>, scope: FormulaScope<T>): T {
  switch (node.kind) {
    case 'number':
      return A.of(node.value);
    case 'variable':
      return scope.variable(node.name);
    case 'column':
      return scope.column(node.column);
    case 'prior':
      return scope.prior(node);
    case 'unary': {
      const v = evaluateFormula(node.arg, A, scope);
      return node.op === '-' ? A.neg(v) : v;
    }
    case 'binary': {
      const l = evaluateFormula(node.left, A, scope);
      const r = evaluateFormula(node.right, A, scope);
      switch (node.op) {
        case '+':
          return A.add(l, r);
        case '-':
          return A.sub(l, r);
        case '*':
          return A.mul(l, r);
        case '/':
          return A.isZero(r) ? A.zero : A.div(l, r);
      }
      break;
    }
    case 'call': {
      const args = node.args.map((a) => evaluateFormula(a, A, scope));
      switch (node.fn) {
        case 'min':
          return args.reduce((a, b) => A.min(a, b));
        case 'max':
          return args.reduce((a, b) => A.max(a, b));
        case 'round':
          return A.round(args[0], 0, 'half-up');
        case 'floor':
          return A.round(args[0], 0, 'floor');
        case 'ceil':
          return A.round(args[0], 0, 'ceiling');
      }
    }
  }
  return A.zero;
}
