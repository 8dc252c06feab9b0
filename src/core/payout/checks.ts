import { suggest } from '../problems/suggest.js';
import { formulaVariables } from '../formula/parse.js';
import { warning, type Problem } from '../problems/problem.js';
import { TENURE } from './tenure.js';
import type { Basis, ComponentSpec, Dataset, Plan, Scheme } from '../types.js';
import { referencesOf } from '../components/references-of.js';
import { currencyProblems } from './currency-column.js';

/** the measures a plan reads: its own, and those its formula names (other plans aside) */
function planMeasures(scheme: Scheme, plan: Plan, out: Set<string>): void {
  out.add(plan.measure.name);
  if (plan.source.kind === 'formula') for (const v of formulaVariables(plan.source.ast)) if (!scheme.plans.has(v) && v !== TENURE) out.add(v);
}

/** the measures a component's pay depends on: its own, its bases' and its gate's, and those of the plans they read */
export function componentMeasures(scheme: Scheme, c: ComponentSpec): Set<string> {
  const out = new Set<string>();
  const plan = (name: string) => {
    const p = scheme.plans.get(name);
    if (p) planMeasures(scheme, p, out);
  };
  const basis = (b: Basis) => {
    if (b.kind === 'measure') out.add(b.measure.name);
    else if (b.kind === 'plan') plan(b.plan);
  };
  for (const r of referencesOf(c, scheme)) {
    if (r.kind === 'measure') out.add(r.ref.name);
    else if (r.kind === 'basis') basis(r.basis);
    else if (r.kind === 'plan') plan(r.name);
  }
  if (c.gate) basis(c.gate.basis);
  return out;
}

/** every measure a scheme reads, from its components, gates, tiers and plans */
export function measuresUsed(scheme: Scheme): Set<string> {
  const out = new Set<string>();
  for (const c of scheme.components) for (const m of componentMeasures(scheme, c)) out.add(m);
  for (const p of scheme.plans.values()) planMeasures(scheme, p, out);
  return out;
}

/** the measures that read payments (a sale's paid and due days): none of them reads more than its day where clients pay on it */
export const PAYMENT_MEASURES: readonly string[] = ['collected', 'overdue', 'deals_paid'];

/** whether the scheme reads payments: some measure it uses is one of PAYMENT_MEASURES */
export function readsPayments(used: ReadonlySet<string>): boolean {
  return PAYMENT_MEASURES.some((m) => used.has(m));
}

/** whether a client's loss can change what the scheme pays: it counts lost clients, or takes clawbacks */
export function countsLosses(scheme: Scheme): boolean {
  return scheme.components.some((c) => c.clawback !== undefined) || measuresUsed(scheme).has('lost_clients');
}

/**
 * What the data lacks or holds against this scheme: what it lacks is a
 * warning, since the payout can still be made (gross profit taken as
 * revenue, nothing overdue); amounts in another currency than the scheme's
 * an error (currency-column.ts), since they would be paid as its own.
 */
export function dataProblems<T>(scheme: Scheme, data: Dataset<T>): Problem[] {
  const used = measuresUsed(scheme);
  // (and, an error, amounts in another currency than the scheme's)
  const out: Problem[] = currencyProblems(scheme, data);
  if (!data.hasCosts && (used.has('gross_profit') || used.has('cost'))) {
    out.push(
      warning('csv-missing-column', 'the scheme pays on gross profit, but transactions.csv has no cost or gross_profit column: gross profit is taken to equal revenue', {
        hint: "add a 'cost' or 'gross_profit' column to transactions.csv",
      }),
    );
  }
  if (!data.hasPayments && readsPayments(used)) {
    out.push(
      warning('csv-missing-column', "the scheme reads payments, but transactions.csv has no paid_date column: every sale counts as paid on its day and nothing is overdue", {
        hint: "add 'paid_date' (and 'due_date') columns to transactions.csv",
      }),
    );
  }
  if (scheme.roles) {
    const roles = scheme.roles;
    for (const r of data.reps) {
      // assignments name his roles (then reps.csv's is not read)
      if (r.assignments?.length) {
        for (const a of r.assignments) {
          if (roles.includes(a.role)) continue;
          const dym = suggest(a.role, roles);
          out.push(
            warning('unknown-reference', `rep '${r.id}' is assigned role '${a.role}', which the scheme does not declare${dym ? `; did you mean '${dym}'?` : ''}: no role-bound component pays him for it`, {
              ...(a.source ? { file: a.source.file, line: a.source.line, column: 1 } : {}),
              hint: `the scheme's roles: ${roles.join(', ')}`,
            }),
          );
        }
        continue;
      }
      if (r.role !== undefined && !scheme.roles.includes(r.role)) {
        out.push(
          warning('unknown-reference', `rep '${r.id}' has role '${r.role}', which the scheme does not declare: components for other roles skip him`, {
            ...(r.source ? { file: r.source.file, line: r.source.line, column: 1 } : {}),
            hint: `the scheme's roles: ${scheme.roles.join(', ')}`,
          }),
        );
      }
    }
  }
  return out;
}
