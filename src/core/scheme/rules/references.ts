import { componentFormulaNames } from '../../components/rep-formula.js';
import { componentFormulas } from '../formulas-of.js';
import type { Reference } from '../../components/component.js';
import { formulaNameProblems } from '../../formula/name-problems.js';
import { TENURE } from '../../payout/tenure.js';
import { MEASURE_ALIASES } from '../../measures/measure-aliases.js';
import { MEASURES } from '../../measures/registry.js';
import type { FilterKey } from '../../measures/measure.js';
import { problem, warning } from '../../problems/problem.js';
import { didYouMean, listOr } from '../../problems/suggest.js';
import type { Basis, MeasureRef, Scheme } from '../../types.js';
import type { Rule } from './rule.js';
import { referencesOf } from '../../components/references-of.js';

const KIND_WORDS = { money: 'an amount of money', count: 'a count', ratio: 'a ratio', hours: 'hours' } as const;

function checkMeasure(ref: MeasureRef, use: 'money' | 'count' | 'any', report: Parameters<Rule>[1], where: string, instead?: string): void {
  const m = MEASURES.get(ref.name);
  if (!m) {
    const dym = didYouMean(ref.name, MEASURES.keys(), MEASURE_ALIASES);
    report(
      problem('unknown-reference', `unknown measure '${ref.name}'${dym ? `; ${dym}` : ''}`, {
        path: ref.path,
        hint: `measures: ${[...MEASURES.keys()].join(', ')}`,
      }),
    );
    return;
  }
  if (use === 'money' && m.kind !== 'money') {
    report(
      problem('wrong-measure-kind', `${where}'s rate is a share of money, but '${m.name}' is ${KIND_WORDS[m.kind]}`, {
        path: ref.path,
        hint: m.kind === 'count' ? (instead ?? "pay per unit with type 'per_unit', or use a money measure: revenue, gross_profit or collected") : 'use a money measure: revenue, gross_profit or collected',
      }),
    );
  }
  if (use === 'count' && m.kind === 'money') {
    report(
      problem('wrong-measure-kind', `${where}'s amount is per unit of a count, but '${m.name}' is money`, {
        path: ref.path,
        hint: instead ?? "pay a share of money with type 'commission'",
      }),
    );
  }
  const used: [FilterKey, unknown][] = [
    ['category', ref.filter.categories],
    ['segment', ref.filter.segments],
    ['age_months', ref.filter.ageMonths],
    ['activity', ref.filter.activities],
  ];
  for (const [key, value] of used) {
    if (value !== undefined && !m.filters.includes(key)) {
      report(
        problem('filter-not-applicable', `measure '${m.name}' cannot be filtered by ${key}`, {
          path: [...(ref.filter.path ?? ref.path), key],
          hint: m.filters.length ? `it can be filtered by ${listOr(m.filters)}` : 'it takes no filter',
        }),
      );
    }
  }
}

function checkBasis(b: Basis, scheme: Scheme, report: Parameters<Rule>[1]): void {
  if (b.kind === 'plan' && !scheme.plans.has(b.plan)) {
    const dym = didYouMean(b.plan, scheme.plans.keys());
    report(
      problem('unknown-reference', `unknown plan '${b.plan}'${dym ? `; ${dym}` : ''}`, {
        path: b.path,
        hint: scheme.plans.size ? `plans: ${[...scheme.plans.keys()].join(', ')}` : "declare it under 'plans:'",
      }),
    );
  }
  if (b.kind === 'measure') checkMeasure(b.measure, 'any', report, 'this');
  if (b.kind === 'component' && !scheme.components.some((c) => c.id === b.component)) {
    const dym = didYouMean(b.component, scheme.components.map((c) => c.id));
    report(
      problem('unknown-reference', `unknown component '${b.component}'${dym ? `; ${dym}` : ''}`, {
        path: b.path,
        hint: `components: ${scheme.components.map((c) => c.id).join(', ')}`,
      }),
    );
  }
}

/** every measure, plan, component and role a scheme names exists, and is of the right kind */
export const references: Rule = (scheme, report) => {
  const ids = scheme.components.map((c) => c.id);
  for (const c of scheme.components) {
    const refs: Reference[] = referencesOf(c, scheme);
    // the names of its formulas (a formula component's, its per-rep terms')
    for (const f of componentFormulas(c)) for (const p of formulaNameProblems(f, componentFormulaNames(scheme, `component '${c.id}'`))) report(p);
    for (const r of refs) {
      if (r.kind === 'measure') checkMeasure(r.ref, r.use, report, `a ${c.type} component`, r.instead);
      if (r.kind === 'basis') checkBasis(r.basis, scheme, report);
      if (r.kind === 'plan' && !scheme.plans.has(r.name)) {
        const dym = didYouMean(r.name, scheme.plans.keys());
        report(
          problem('unknown-reference', `unknown plan '${r.name}'${dym ? `; ${dym}` : ''}`, {
            path: [...c.path, ...r.path],
            hint: scheme.plans.size ? `plans: ${[...scheme.plans.keys()].join(', ')}` : "declare it under 'plans:'",
          }),
        );
      }
      if (r.kind === 'component') {
        if (!ids.includes(r.id)) {
          const dym = didYouMean(r.id, ids);
          report(
            problem('unknown-reference', `'${c.id}' refers to a component '${r.id}' that does not exist${dym ? `; ${dym}` : ''}`, {
              path: [...c.path, ...r.path],
              hint: `components: ${ids.join(', ')}`,
            }),
          );
        }
        // a component naming itself is a loop of one: the cycle rule reports it
      }
    }
    if (c.gate) checkBasis(c.gate.basis, scheme, report);
    if (c.roles && scheme.roles) {
      c.roles.forEach((role, i) => {
        if (!scheme.roles!.includes(role)) {
          const dym = didYouMean(role, scheme.roles!);
          report(
            problem('unknown-reference', `role '${role}' is not declared${dym ? `; ${dym}` : ''}`, {
              path: [...c.path, 'roles', i],
              hint: `declared roles: ${scheme.roles!.join(', ')}`,
            }),
          );
        }
      });
    } else if (c.roles && scheme.organisation.roles.length > 0) {
      // no 'roles:' declared, but the simulated team's: a role none of them is pays no simulated rep (QA: 'AM' beside 'am', only simulate said so)
      const team = scheme.organisation.roles.map((r) => r.name);
      c.roles.forEach((role, i) => {
        if (team.includes(role)) return;
        const dym = didYouMean(role, team);
        report(
          warning('unknown-reference', `role '${role}' is none of organisation.roles: no simulated rep holds it, and payout pays it only to reps whose role is '${role}'${dym ? `; ${dym}` : ''}`, {
            path: [...c.path, 'roles', i],
            hint: `organisation.roles: ${team.join(', ')}; or declare the roles payout knows with 'roles: [...]' at the top of the scheme`,
          }),
        );
      });
    }
  }
  for (const plan of scheme.plans.values()) {
    checkMeasure(plan.measure, 'any', report, `plan '${plan.name}'`);
    if (plan.source.kind === 'formula') {
      const problems = formulaNameProblems(plan.source, {
        whose: `plan '${plan.name}'`,
        known: (v) => v === TENURE || MEASURES.has(v) || scheme.plans.has(v),
        candidates: [...MEASURES.keys(), ...scheme.plans.keys(), TENURE],
        aliases: MEASURE_ALIASES,
        kinds: 'a measure, a plan nor tenure',
        notInPrior: (v) => (scheme.plans.has(v) ? 'plan' : undefined),
      });
      for (const p of problems) report(p);
    }
  }
};

