import { componentType } from '../../components/registry.js';
import { nameKind } from '../../components/rep-formula.js';
import { formulaVariables } from '../../formula/parse.js';
import { problem } from '../../problems/problem.js';
import { PERIOD_MONTHS } from '../../time/period.js';
import type { Basis, ComponentSpec, Path } from '../../types.js';
import { componentFormulas } from '../formulas-of.js';
import type { Rule } from './rule.js';

/** where a component names another: the id, the place, and whether it adjusts it (a multiplier's applies_to) or reads it */
interface Naming {
  id: string;
  path: Path;
  valueIndex?: number;
  adjusts: boolean;
}

function namings(c: ComponentSpec, scheme: Parameters<Rule>[0]): Naming[] {
  const out: Naming[] = [];
  const basis = (b: Basis | undefined) => {
    if (b?.kind === 'component') out.push({ id: b.component, path: b.path, adjusts: false });
  };
  for (const r of componentType(c.type)?.references(c.spec, scheme) ?? []) {
    if (r.kind === 'component') out.push({ id: r.id, path: [...c.path, ...r.path], adjusts: true });
    if (r.kind === 'basis') basis(r.basis);
  }
  basis(c.gate?.basis);
  for (const f of componentFormulas(c)) {
    // (a component inside prior() is an error of its own: references.ts)
    for (const name of formulaVariables(f.ast, new Set(), false)) {
      if (nameKind(scheme, name) === 'component') out.push({ id: name, path: f.path, valueIndex: nameIndex(f.text, name), adjusts: false });
    }
  }
  return out;
}

/**
 * Draws are paid last, after every other component and the variable cap
 * (engine.ts: `final`), so a component that is not itself a draw never sees
 * a draw's line of the month it is paid in: a formula, `component:` basis or
 * gate reading one over a period no longer than the draw's reads 0 (over a
 * quarter, a monthly draw's lines of its earlier months alone), and a
 * multiplier applying to one, which takes its target's lines of the month,
 * never adjusts anything. Said at the reference. (A draw may read another:
 * draws run in dependency order.)
 */
export const drawsRead: Rule = (scheme, report) => {
  const byId = new Map<string, ComponentSpec>();
  for (const c of scheme.components) if (!byId.has(c.id)) byId.set(c.id, c);
  const final = (c: ComponentSpec) => componentType(c.type)?.final === true;
  for (const c of scheme.components) {
    if (final(c)) continue;
    const seen = new Set<string>();
    const named = namings(c, scheme);
    // the months it reads over: its period's, or, for what adjusts others (a multiplier), its targets' periods'
    const targets = named.filter((n) => n.adjusts).flatMap((n) => byId.get(n.id) ?? []);
    const months = Math.max(...(targets.length ? targets : [c]).map((t) => PERIOD_MONTHS[t.period]));
    for (const n of named) {
      const target = byId.get(n.id);
      // (a component naming itself is a loop: the cycle rule says so)
      if (!target || target === c || !final(target)) continue;
      const key = `${n.id}|${n.path.join('.')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report(
        problem(
          'conflict',
          n.adjusts
            ? `'${c.id}' applies to '${n.id}', a ${target.type}: a ${target.type} is paid after every other component, so '${c.id}' never finds a line of '${n.id}' to adjust`
            : `'${c.id}' reads '${n.id}', a ${target.type}: a ${target.type} is paid after every other component, so '${c.id}' ${
                months <= PERIOD_MONTHS[target.period] ? 'would always read 0 there' : "would never see its line of the month it is paid in, only those of its period's earlier months"
              }`,
          {
            path: n.path,
            valueIndex: n.valueIndex,
            hint: n.adjusts
              ? `list the components whose pay the ${target.type} tops up instead, or drop '${n.id}'`
              : `read what the ${target.type} tops up instead: the components whose pay it counts`,
          },
        ),
      );
    }
  }
};

/** where a name is first written in a formula's text */
function nameIndex(text: string, name: string): number | undefined {
  return new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).exec(text)?.index;
}
