import * as R from '../money/rational.js';
import type { FormulaNode } from './formula-node.js';

/** a formula (or a part of one) written back as text, for messages: `rep.ote - rep.base`, `(a + b) * 2` */
export function showFormula(node: FormulaNode): string {
  const inner = (n: FormulaNode) => (n.kind === 'binary' || n.kind === 'compare' || n.kind === 'logic' ? `(${showFormula(n)})` : showFormula(n));
  switch (node.kind) {
    case 'number':
      return R.toDecimalString(node.value);
    case 'variable':
      return node.name;
    case 'column':
      return `rep.${node.column}`;
    case 'unary':
      return `${node.op}${inner(node.arg)}`;
    case 'not':
      return `!${inner(node.arg)}`;
    case 'binary':
    case 'compare':
    case 'logic':
      return `${inner(node.left)} ${node.op} ${inner(node.right)}`;
    case 'call':
      return `${node.fn}(${node.args.map(showFormula).join(', ')})`;
    case 'if':
      return `if(${showFormula(node.condition)}, ${showFormula(node.then)}, ${showFormula(node.else)})`;
    case 'prior':
      return `prior(${showFormula(node.arg)}, ${node.period}${node.back === 1 ? '' : `, ${node.back}`})`;
  }
}
