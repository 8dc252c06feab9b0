import { Amount, dated, term } from '../scheme/schema-parts.js';
import type { Dated, Term } from '../types.js';
import type { ComponentType } from './component.js';

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
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const full = ctx.term(c.spec.amount);
    if (full === undefined) return [];
    const { days, total } = ctx.employment();
    if (!c.spec.prorate || days === total) {
      return [{ amount: full, explain: ctx.explain ? { rule: `base salary ${fmt.money(full)} per ${c.period}`, arithmetic: `${fmt.money(full)}` } : undefined }];
    }
    const paid = A.div(A.mul(full, A.int(days)), A.int(total));
    return [
      {
        amount: paid,
        explain: ctx.explain
          ? {
              rule: `base salary ${fmt.money(full)} per ${c.period}, prorated`,
              measure: `${ctx.rep.spans && c.roles ? `as ${c.roles.join(' or ')}` : 'employed'} ${days} of ${total} days in ${ctx.periodLabel}`,
              arithmetic: `${fmt.money(full)} × ${days}/${total} = ${fmt.money(paid)}`,
            }
          : undefined,
      },
    ];
  },
};
