import type { Formula } from '../formula/formula-node.js';
import { formulaNameProblems } from '../formula/name-problems.js';
import { formulaVariables } from '../formula/parse.js';
import { FilterSchema } from '../scheme/schema-parts.js';
import type { Filter } from '../types.js';
import type { ComponentType, Reference } from './component.js';
import { componentFormulaNames, evaluateForRep, nameKind } from './rep-formula.js';

export interface FormulaSpec {
  formula: Formula | undefined;
  /** the filter every measure the formula names is read through */
  filter: Filter;
}

/**
 * Pay worked out by a formula, in the language of plan formulas: the rep's
 * measures over the period (through `filter`), plans, other components, his
 * own columns (`rep.ote`), min, max, clamp, if(). Exact like every line:
 * rationals, rounded once to the minor unit.
 */
export const formula: ComponentType<FormulaSpec> = {
  type: 'formula',
  description: "Pay worked out by a formula of the rep's measures, plans, other components and own columns (rep.ote), with min, max, clamp and if().",
  properties: {
    formula: {
      type: 'string',
      minLength: 1,
      description:
        "What the line pays, e.g. 'clamp(revenue / revenue_plan, 0, 1.5) * rep.ote * 0.1': measures, plan and component names, rep.<column>, + - * /, min, max, clamp, round, floor, ceil, if(condition, a, b) with < <= > >= == != && || !.",
    },
    filter: { ...FilterSchema, description: 'Which transactions or clients the measures the formula names count.' },
  },
  required: ['formula'],
  variable: true,
  normalise: (raw, n, path) => ({
    formula: n.formula(raw.formula, [...path, 'formula'], `component '${String(raw.id)}'`, "write it like 'revenue * 0.05' or 'min(revenue / revenue_plan, 1.5) * rep.bonus'"),
    filter: n.filter(raw.filter, [...path, 'filter']),
  }),
  references(s, scheme) {
    if (!s.formula) return [];
    const out: Reference[] = [];
    for (const name of formulaVariables(s.formula.ast)) {
      const kind = nameKind(scheme, name);
      if (kind === 'plan') out.push({ kind: 'plan', name, path: ['formula'] });
      else if (kind === 'component') out.push({ kind: 'component', id: name, path: ['formula'] });
      else if (kind === 'measure') out.push({ kind: 'measure', ref: { name, filter: s.filter, path: s.formula.path }, use: 'any' });
    }
    return out;
  },
  check: (c, scheme) => (c.spec.formula ? formulaNameProblems(c.spec.formula, componentFormulaNames(scheme, `component '${c.id}'`)) : []),
  pay(c, ctx) {
    const f = c.spec.formula;
    if (!f) return [];
    const reads: string[] | undefined = ctx.explain ? [] : undefined;
    const amount = evaluateForRep(ctx, f, `component '${c.id}'`, c.spec.filter, reads);
    return [
      {
        amount,
        explain: ctx.explain
          ? {
              rule: c.label ?? `formula ${f.text}`,
              ...(reads!.length ? { measure: reads!.join('; ') } : {}),
              arithmetic: `${f.text} = ${ctx.fmt.money(amount)}`,
            }
          : undefined,
      },
    ];
  },
};
