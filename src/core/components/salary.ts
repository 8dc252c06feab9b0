import { Amount, dated, term } from '../scheme/schema-parts.js';
import type { Dated, Term } from '../types.js';
import type { ComponentType, PayContext } from './component.js';
import { inCurrencyUnits, literalAmountProblems } from './literal-amounts.js';

export interface SalarySpec {
  amount: Dated<Term>;
  prorate: boolean;
}

/** Base salary per period, prorated by the days a rep who joins or leaves mid-period was employed. */
export const salary: ComponentType<SalarySpec> = {
  type: 'salary',
  description: 'Base salary per period, prorated by days employed for a rep who joins or leaves mid-period.',
  properties: {
    amount: { ...dated(term(Amount)), description: 'Salary per period (per month unless `period` says otherwise).' },
    prorate: { type: 'boolean', description: 'Prorate by days employed in the period (default true).' },
  },
  required: ['amount'],
  variable: false,
  normalise: (raw, n, path) => ({ amount: n.datedAmount(raw.amount, [...path, 'amount']), prorate: raw.prorate !== false }),
  references: () => [],
  check: (c, scheme) => literalAmountProblems(c.spec.amount, [...c.path, 'amount'], scheme, 'a salary of'),
  pay(c, ctx) {
    const { fmt } = ctx;
    const written = ctx.term(c.spec.amount);
    if (written === undefined) return [];
    const full = inCurrencyUnits(ctx, written);
    const share = employedShare(ctx, full, c.spec.prorate, c.roles);
    if (!share.prorated) {
      return [{ amount: full, explain: ctx.explain ? { rule: `base salary ${fmt.money(full)} per ${c.period}`, arithmetic: `${fmt.money(full)}` } : undefined }];
    }
    return [
      {
        amount: share.amount,
        explain: ctx.explain
          ? {
              rule: `base salary ${fmt.money(full)} per ${c.period}, prorated`,
              measure: share.measure,
              arithmetic: `${fmt.money(full)} × ${share.fraction} = ${fmt.money(share.amount)}`,
            }
          : undefined,
      },
    ];
  },
};

/**
 * An amount per period for the days of it the rep was employed (a salary, a
 * deduction): the whole amount when he was employed throughout or `prorate`
 * is off, else `amount × days / days in the period`, with the words of it.
 */
export function employedShare<T>(ctx: PayContext<T>, full: T, prorate: boolean, roles?: readonly string[]): { prorated: false } | { prorated: true; amount: T; measure: string; fraction: string } {
  const { days, total } = ctx.employment();
  if (!prorate || days === total) return { prorated: false };
  const { A } = ctx;
  // a rep on several plans: the days he held this component's roles
  const held = ctx.rep.spans && roles ? `as ${roles.join(' or ')}` : 'employed';
  return { prorated: true, amount: A.div(A.mul(full, A.int(days)), A.int(total)), measure: `${held} ${days} of ${total} days in ${ctx.periodLabel}`, fraction: `${days}/${total}` };
}
