import { componentType } from '../../components/registry.js';
import { formulaVariables } from '../../formula/parse.js';
import { problem } from '../../problems/problem.js';
import type { Basis, Path, Scheme } from '../../types.js';
import type { Rule } from './rule.js';

/** the nodes a component or plan reads: "component:x" and "plan:y" */
export function dependencies(scheme: Scheme): Map<string, { deps: string[]; path: Path }> {
  const graph = new Map<string, { deps: string[]; path: Path }>();
  const fromBasis = (b: Basis | undefined): string[] =>
    !b ? [] : b.kind === 'plan' ? [`plan:${b.plan}`] : b.kind === 'component' ? [`component:${b.component}`] : [];
  for (const c of scheme.components) {
    const deps: string[] = [];
    for (const r of componentType(c.type)!.references(c.spec)) {
      if (r.kind === 'component') deps.push(`component:${r.id}`);
      if (r.kind === 'plan') deps.push(`plan:${r.name}`);
      if (r.kind === 'basis') deps.push(...fromBasis(r.basis));
    }
    deps.push(...fromBasis(c.gate?.basis));
    graph.set(`component:${c.id}`, { deps, path: c.path });
  }
  for (const p of scheme.plans.values()) {
    const deps = p.source.kind === 'formula' ? [...formulaVariables(p.source.ast)].filter((v) => scheme.plans.has(v)).map((v) => `plan:${v}`) : [];
    graph.set(`plan:${p.name}`, { deps, path: p.path });
  }
  return graph;
}

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
        report(
          problem('circular-reference', `circular reference: ${cycle.map((n) => n.replace(/^(component|plan):/, '')).join(' -> ')}`, {
            path: graph.get(node)?.path,
            hint: 'a component or plan cannot depend on itself; break the loop',
          }),
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
