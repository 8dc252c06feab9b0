import { childrenOf, type CompareOp, type FormulaNode } from '../formula/formula-node.js';
import { TENURE } from '../payout/tenure.js';

/** a comparison written the other way round: `12 >= tenure` is `tenure <= 12` */
const MIRROR: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/**
 * The months of his tenure (his first month is 1) at which a formula's
 * comparison of `tenure` with a number turns (`if(tenure <= 12, 15%, 8%)`
 * turns at 13), added to `into`: such a formula's rate or quota changes
 * there as a component's `tenure_months` would, and he foresees it alike
 * (later-change.ts). A comparison with anything else (a column, a measure)
 * turns nowhere he can tell in advance.
 */
export function tenureThresholds(node: FormulaNode, into: Set<number>): void {
  if (node.kind === 'compare') {
    const tenureLeft = node.left.kind === 'variable' && node.left.name === TENURE && node.right.kind === 'number';
    const tenureRight = node.right.kind === 'variable' && node.right.name === TENURE && node.left.kind === 'number';
    if (tenureLeft || tenureRight) {
      const k = (tenureLeft ? node.right : node.left) as Extract<FormulaNode, { kind: 'number' }>;
      const x = k.value.f;
      const op = tenureLeft ? node.op : MIRROR[node.op];
      // the first month past which the comparison's answer changes
      const at = op === '<=' || op === '>' ? Math.floor(x) + 1 : op === '<' || op === '>=' ? Math.ceil(x) : Number.isInteger(x) ? x : 0;
      if (at >= 1) into.add(at);
      if ((op === '==' || op === '!=') && Number.isInteger(x) && x >= 1) into.add(x + 1);
    }
  }
  for (const c of childrenOf(node)) tenureThresholds(c, into);
}
