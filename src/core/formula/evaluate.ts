import type { Arith } from '../money/arith.js';
import type { FormulaNode } from './formula-node.js';

export interface FormulaScope<T> {
  variable(name: string): T;
  column(name: string): T;
  /** an expression over an earlier period (`prior(EXPR, PERIOD, N)`) */
  prior(node: Extract<FormulaNode, { kind: 'prior' }>): T;
  /** a division by zero, which gives 0: a component's formula reports it, a plan's takes the 0 */
  divisionByZero?(node: Extract<FormulaNode, { kind: 'binary' }>): void;
}

/** Evaluate a formula in the engine's arithmetic; a division by zero gives zero (and tells the scope). */
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
          if (!A.isZero(r)) return A.div(l, r);
          scope.divisionByZero?.(node);
          return A.zero;
      }
      break;
    }
    case 'if':
      // only the branch taken: if(quota > 0, revenue / quota, 0) never divides by zero
      return evaluateFormula(holds(node.condition, A, scope) ? node.then : node.else, A, scope);
    case 'call': {
      const args = node.args.map((a) => evaluateFormula(a, A, scope));
      switch (node.fn) {
        case 'min':
          return args.reduce((a, b) => A.min(a, b));
        case 'max':
          return args.reduce((a, b) => A.max(a, b));
        case 'clamp':
          return A.min(A.max(args[0], args[1]), args[2]);
        case 'round':
          return A.round(args[0], 0, 'half-up');
        case 'floor':
          return A.round(args[0], 0, 'floor');
        case 'ceil':
          return A.round(args[0], 0, 'ceiling');
      }
      break;
    }
    default:
      break;
  }
  return A.zero;
}

/** whether a condition holds (the parser lets conditions stand only where one is read) */
function holds<T>(node: FormulaNode, A: Arith<T>, scope: FormulaScope<T>): boolean {
  switch (node.kind) {
    case 'not':
      return !holds(node.arg, A, scope);
    case 'logic':
      return node.op === '&&' ? holds(node.left, A, scope) && holds(node.right, A, scope) : holds(node.left, A, scope) || holds(node.right, A, scope);
    case 'compare': {
      const c = A.cmp(evaluateFormula(node.left, A, scope), evaluateFormula(node.right, A, scope));
      switch (node.op) {
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
        case '==':
          return c === 0;
        case '!=':
          return c !== 0;
      }
      break;
    }
    default:
      break;
  }
  return false;
}
