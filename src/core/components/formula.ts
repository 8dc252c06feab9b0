import type { Formula } from '../formula/formula-node.js';
import { FilterSchema } from '../scheme/schema-parts.js';
import type { ComponentType } from './component.js';
import { evaluateForRep } from './rep-formula.js';

export interface FormulaSpec {
  /** with the filter every measure it names is read through */
  formula: Formula | undefined;
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
  normalise(raw, n, path) {
    const filter = n.filter(raw.filter, [...path, 'filter']);
    const f = n.formula(raw.formula, [...path, 'formula'], `component '${String(raw.id)}'`, "write it like 'revenue * 0.05' or 'min(revenue / revenue_plan, 1.5) * rep.bonus'");
    return { formula: f && { ...f, filter } };
  },
  // what its formula reads is read off the formula itself, as for any per-rep term (rep-formula.ts: referencesOf)
  references: () => [],
  rule: (c) => (c.spec.formula ? `formula ${c.spec.formula.text}` : `formula ${c.id}`),
  pay(c, ctx) {
    const f = c.spec.formula;
    if (!f) return [];
    const reads: string[] | undefined = ctx.explain ? [] : undefined;
    const amount = evaluateForRep(ctx, f, `component '${c.id}'`, reads);
    return [
      {
        amount,
        explain: ctx.explain
          ? {
              rule: c.label ?? formula.rule!(c),
              ...(reads!.length ? { measure: reads!.join('; ') } : {}),
              arithmetic: `${f.text} = ${ctx.fmt.money(amount)}`,
            }
          : undefined,
      },
    ];
  },
};
