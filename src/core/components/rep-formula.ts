import { evaluateFormula } from '../formula/evaluate.js';
import type { Formula } from '../formula/formula-node.js';
import type { FormulaNames } from '../formula/name-problems.js';
import { showFormula } from '../formula/show.js';
import { MEASURE_ALIASES } from '../measures/measure-aliases.js';
import { MEASURES } from '../measures/registry.js';
import { priorPeriod } from '../payout/plans.js';
import { TENURE, tenureMonths } from '../payout/tenure.js';
import { formatMonth } from '../time/month.js';
import { problem } from '../problems/problem.js';
import type { Period } from '../time/period.js';
import type { Filter, MeasureRef, Scheme } from '../types.js';
import type { PayContext } from './component.js';

/**
 * What a name in a component's formula reads, for the rep being paid: a plan
 * (its value over the component's period), another component (its lines in
 * the period so far), a measure (the rep's, over the period, through the
 * component's filter), or `tenure` (his months since his start, at the month
 * paid). `tenure` first, then plans, components, measures.
 */
export type NameKind = 'tenure' | 'plan' | 'component' | 'measure';

const componentIds = new WeakMap<Scheme, Set<string>>();

export function nameKind(scheme: Scheme, name: string): NameKind | undefined {
  if (name === TENURE) return 'tenure';
  if (scheme.plans.has(name)) return 'plan';
  let ids = componentIds.get(scheme);
  if (!ids) componentIds.set(scheme, (ids = new Set(scheme.components.map((c) => c.id))));
  if (ids.has(name)) return 'component';
  return MEASURES.has(name) ? 'measure' : undefined;
}

/** the names a component's formula may read, for `formulaNameProblems` */
export function componentFormulaNames(scheme: Scheme, whose: string): FormulaNames {
  return {
    whose,
    known: (v) => nameKind(scheme, v) !== undefined,
    candidates: [...MEASURES.keys(), ...scheme.plans.keys(), ...scheme.components.map((c) => c.id), TENURE],
    aliases: MEASURE_ALIASES,
    kinds: 'a measure, a plan, a component nor tenure',
    notInPrior: (v) => {
      const kind = nameKind(scheme, v);
      return kind === 'measure' || kind === 'tenure' ? undefined : kind;
    },
  };
}

/** a formula's measures unfiltered, when it has no filter of its own */
export const NO_FILTER: Filter = { ageSince: 'activation' };

/** one measure reference per filter and name: the engine caches a measure by its reference */
const refs = new WeakMap<Filter, Map<string, MeasureRef>>();
function measureRef(name: string, filter: Filter, f: Formula): MeasureRef {
  let byName = refs.get(filter);
  if (!byName) refs.set(filter, (byName = new Map()));
  let ref = byName.get(name);
  if (!ref) byName.set(name, (ref = { name, filter, path: f.path }));
  return ref;
}

const UNIT = { money: 'money', count: 'count', ratio: 'ratio', hours: 'hours' } as const;

/**
 * A formula evaluated for the rep and period a component pays: the value, and
 * with --explain what each name read (`revenue 2026-03 = 30,000.00`). A
 * division by zero gives 0 and a problem at the formula naming the rep.
 */
export function evaluateForRep<T>(ctx: PayContext<T>, f: Formula, reader: string, reads?: string[]): T {
  const { A, fmt } = ctx;
  const filter = f.filter ?? NO_FILTER;
  const seen = reads ? new Set<string>() : undefined;
  const note = (name: string, text: () => string) => {
    if (!reads || seen!.has(name)) return;
    seen!.add(name);
    reads.push(text());
  };
  const measure = (name: string, p: Period) => ctx.measure(measureRef(name, filter, f), p);
  const column = (name: string, month = ctx.month) => {
    const v = ctx.repColumn(name, reader, month) ?? A.zero;
    note(`rep.${name}`, () => `rep.${name} = ${fmt.num(v)}`);
    return v;
  };
  return evaluateFormula(f.ast, A, {
    variable: (name) => {
      const kind = nameKind(ctx.scheme, name);
      let v: T;
      let unit: 'money' | 'count' | 'ratio' | 'hours' = 'money';
      if (kind === 'tenure') {
        const months = tenureMonths(ctx.rep, ctx.month);
        note(name, () => `tenure ${formatMonth(ctx.month)} = ${months} month${months === 1 ? '' : 's'}`);
        return A.int(months);
      }
      if (kind === 'plan') {
        v = ctx.plan(name);
        const m = MEASURES.get(ctx.scheme.plans.get(name)!.measure.name);
        unit = m ? UNIT[m.kind] : 'money';
      } else if (kind === 'component') v = ctx.basis({ kind: 'component', component: name, path: f.path }).value;
      else if (kind === 'measure') {
        v = measure(name, ctx.period);
        unit = UNIT[MEASURES.get(name)!.kind];
      } else v = A.zero;
      note(name, () => `${name} ${ctx.periodLabel} = ${fmt.value(v, unit)}`);
      return v;
    },
    column: (name) => column(name),
    prior: (node) => {
      const p = priorPeriod(node.period, node.back, ctx.month, ctx.scheme.fiscalYearStart);
      return evaluateFormula(node.arg, A, { variable: (name) => (name === TENURE ? A.int(tenureMonths(ctx.rep, p.end)) : measure(name, p)), column: (name) => column(name, p.end), prior: () => A.zero });
    },
    divisionByZero: (node) =>
      ctx.report(
        problem('formula', `formula of ${reader} divides by zero for rep '${ctx.rep.id}' in ${ctx.periodLabel}: ${showFormula(node.right)} is 0`, {
          // (its path too where it is placed already: what the simulation says after the runs leaves out the component it names)
          path: f.path,
          ...f.at,
          hint: `guard it, e.g. if(${showFormula(node.right)} != 0, ${showFormula(node)}, 0)`,
        }),
        // the first month it happens, once per rep and formula
        `divides|${reader}|${f.text}|${ctx.rep.id}`,
      ),
  });
}
