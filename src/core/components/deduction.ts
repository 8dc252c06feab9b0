import * as R from '../money/rational.js';
import { problem } from '../problems/problem.js';
import { Amount, dated, term } from '../scheme/schema-parts.js';
import type { Dated, Term } from '../types.js';
import type { ComponentType } from './component.js';
import { employedShare } from './salary.js';
import { inCurrencyUnits } from './literal-amounts.js';

export interface DeductionSpec {
  /** what is taken off per period, 0 or more: the line is its negative */
  amount: Dated<Term>;
  prorate: boolean;
}

/**
 * A fixed amount taken off pay each period (equipment, a benefits
 * contribution), prorated by days employed like a salary. The amount is
 * written as what is taken off, so it is 0 or more: a negative amount would
 * add pay, and is an error (a per-rep value below 0 is reported while paying
 * and takes nothing off).
 */
export const deduction: ComponentType<DeductionSpec> = {
  type: 'deduction',
  description: 'A fixed amount taken off pay each period (equipment, a benefits contribution), prorated by days employed like a salary; written positive, paid as a negative line.',
  properties: {
    amount: { ...dated(term(Amount)), description: "Taken off per period (per month unless `period` says otherwise), written as a positive amount; or the rep's own ({column: NAME}, {formula: ...})." },
    prorate: { type: 'boolean', description: 'Prorate by days employed in the period (default true).' },
  },
  required: ['amount'],
  variable: false,
  normalise(raw, n, path) {
    const amount = n.datedAmount(raw.amount, [...path, 'amount']);
    amount.forEach((d, i) => {
      if (d.value instanceof R.Q && R.sign(d.value) < 0) {
        const at = Array.isArray(raw.amount) ? [...path, 'amount', i, 'value'] : [...path, 'amount'];
        n.report(
          problem('negative-value', `a deduction's amount is what is taken off: ${R.toDecimalString(d.value)} would add pay`, {
            path: at,
            hint: `write it positive (${R.toDecimalString(R.neg(d.value))}); the deduction makes the line negative`,
          }),
        );
      }
    });
    return { amount, prorate: raw.prorate !== false };
  },
  references: () => [],
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const written = ctx.term(c.spec.amount);
    if (written === undefined) return [];
    // the amount as it is taken off, in the currency's units, is the one prorated
    const full = inCurrencyUnits(ctx, written);
    if (A.sign(full) < 0) {
      const written = ctx.value(c.spec.amount);
      const at = written !== undefined && !(written instanceof R.Q) && written.at ? written.at : { path: [...c.path, 'amount'] };
      ctx.report(
        problem('negative-value', `deduction '${c.id}': rep '${ctx.rep.id}' has ${fmt.money(full)} to take off in ${ctx.periodLabel}, below 0: nothing is taken off`, {
          ...at,
          hint: "the amount a deduction takes off is 0 or more; correct the rep's value",
        }),
        `deduction|${c.id}|${ctx.rep.id}`,
      );
      return [];
    }
    const rule = c.label ?? `deduction of ${fmt.money(full)} per ${c.period}`;
    const share = employedShare(ctx, full, c.spec.prorate, c.roles);
    if (!share.prorated) {
      const amount = A.neg(full);
      return [{ amount, explain: ctx.explain ? { rule, arithmetic: `-${fmt.money(full)} = ${fmt.money(amount)}` } : undefined }];
    }
    const amount = A.neg(share.amount);
    return [{ amount, explain: ctx.explain ? { rule: `${rule}, prorated`, measure: share.measure, arithmetic: `-${fmt.money(full)} × ${share.fraction} = ${fmt.money(amount)}` } : undefined }];
  },
};
