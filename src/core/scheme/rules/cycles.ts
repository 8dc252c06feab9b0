import { formulaVariables } from '../../formula/parse.js';
import { problem } from '../../problems/problem.js';
import type { Basis, Path, Scheme } from '../../types.js';
import type { Rule } from './rule.js';
import { referencesOf } from '../../components/references-of.js';

export interface DependencyNode {
  deps: string[];
  path: Path;
  /** where each dependency is written, to point a cycle at the reference that closes it */
  via: Map<string, { path: Path; valueIndex?: number }>;
}

/** the nodes a component or plan reads: "component:x" and "plan:y" */
export function dependencies(scheme: Scheme): Map<string, DependencyNode> {
  const graph = new Map<string, DependencyNode>();
  const basisNode = (b: Basis): string | undefined => (b.kind === 'plan' ? `plan:${b.plan}` : b.kind === 'component' ? `component:${b.component}` : undefined);
  for (const c of scheme.components) {
    const node: DependencyNode = { deps: [], path: c.path, via: new Map() };
    const add = (dep: string | undefined, path: Path) => {
      if (dep === undefined) return;
      node.deps.push(dep);
      if (!node.via.has(dep)) node.via.set(dep, { path });
    };
    for (const r of referencesOf(c, scheme)) {
      if (r.kind === 'component') add(`component:${r.id}`, [...c.path, ...r.path]);
      if (r.kind === 'plan') add(`plan:${r.name}`, [...c.path, ...r.path]);
      if (r.kind === 'basis') add(basisNode(r.basis), r.basis.path);
    }
    if (c.gate) add(basisNode(c.gate.basis), c.gate.basis.path);
    graph.set(`component:${c.id}`, node);
  }
  for (const p of scheme.plans.values()) {
    const node: DependencyNode = { deps: [], path: p.path, via: new Map() };
    if (p.source.kind === 'formula') {
      const text = p.source.text;
      // (a plan read inside prior() is an error of its own: references.ts)
      for (const v of formulaVariables(p.source.ast, new Set(), false)) {
        if (!scheme.plans.has(v)) continue;
        node.deps.push(`plan:${v}`);
        const at = new RegExp(`(?<![\\w.])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).exec(text);
        node.via.set(`plan:${v}`, { path: [...p.path, 'formula'], valueIndex: at?.index });
      }
    }
    graph.set(`plan:${p.name}`, node);
  }
  return graph;
}

const nameOf = (node: string) => node.replace(/^(component|plan):/, '');

/** a component or plan that depends on itself, directly or through others */
export const noCycles: Rule = (scheme, report) => {
  const graph = dependencies(scheme);
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (node: string, stack: string[]) => {
    const s = state.get(node);
    if (s === 'done') return;
    if (s === 'open') {
      const cycle = [...stack.slice(stack.indexOf(node)), node];
      const key = [...cycle].sort().join('|');
      if (!reported.has(key)) {
        reported.add(key);
        // point at the reference that leaves the first node of the loop
        const from = graph.get(cycle[0]);
        const ref = from?.via.get(cycle[1]);
        const kinds = new Set(cycle.map((n) => n.split(':')[0]));
        const what = kinds.size === 1 ? `${[...kinds][0]}s` : 'components and plans';
        report(
          problem(
            'circular-reference',
            cycle.length === 2
              ? `circular reference: '${nameOf(cycle[0])}' depends on itself`
              : `circular reference: ${cycle.map((n) => `'${nameOf(n)}'`).join(' -> ')}; these ${what} depend on each other, so none can be worked out`,
            {
              path: ref?.path ?? from?.path,
              valueIndex: ref?.valueIndex,
              hint: cycle[0].startsWith('plan:')
                ? 'define one of the plans without the other: by a monthly amount, a column, or a formula of measures only'
                : 'base one of them on a plan or a measure instead of the other component',
            },
          ),
        );
      }
      return;
    }
    state.set(node, 'open');
    for (const d of graph.get(node)?.deps ?? []) if (graph.has(d)) visit(d, [...stack, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
};

/** components in an order where each comes after what it reads (ties keep file order) */
export function evaluationOrder(scheme: Scheme): string[] {
  const graph = dependencies(scheme);
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (node: string, guard: Set<string>) => {
    if (done.has(node) || guard.has(node)) return;
    guard.add(node);
    for (const d of graph.get(node)?.deps ?? []) if (d.startsWith('component:')) visit(d, guard);
    done.add(node);
    if (node.startsWith('component:')) order.push(node.slice('component:'.length));
  };
  for (const c of scheme.components) visit(`component:${c.id}`, new Set());
  return order;
}
