import * as R from '../money/rational.js';
import { problem, warning, type Path, type Problem } from '../problems/problem.js';
import { Amount, dated, FilterSchema, Rate, term } from '../scheme/schema-parts.js';
import type { Dated, MeasureRef, Term } from '../types.js';
import type { ComponentType } from './component.js';
import { measureText } from './rating.js';

export interface FineSpec {
  measure: MeasureRef;
  rate: Dated<Term> | undefined;
  amount: Dated<Term> | undefined;
}

/**
 * A deduction: a share of a money measure (overdue receivables: the company
 * lends the client money for free) or an amount per unit of a count. `cap`
 * limits the size of the fine.
 */
export const fine: ComponentType<FineSpec> = {
  type: 'fine',
  description: 'A deduction: a rate on a money measure (e.g. overdue receivables) or an amount per unit of a count.',
  properties: {
    measure: { type: 'string', description: 'What is fined: overdue (money), or a count such as lost_clients.' },
    filter: FilterSchema,
    rate: { ...dated(term(Rate)), description: 'Share of a money measure deducted.' },
    amount: { ...dated(term(Amount)), description: 'Deducted per unit of a count measure.' },
  },
  required: ['measure'],
  variable: true,
  // (a shut gate's line: the open lines' rule reads the period's terms, the rate or amount)
  rule: ({ spec }) => `fine on ${spec.measure.name}`,
  normalise(raw, n, path) {
    if ((raw.rate === undefined) === (raw.amount === undefined)) {
      n.report(
        problem(raw.rate === undefined ? 'missing-key' : 'conflict', "a fine needs exactly one of 'rate' (on money) or 'amount' (per unit)", {
          path,
          hint: "e.g. 'measure: overdue' with 'rate: 1%'",
        }),
      );
    }
    const amount = raw.amount === undefined ? undefined : n.datedAmount(raw.amount, [...path, 'amount']);
    amount?.forEach((d, i) => negativeAmount(d.value, Array.isArray(raw.amount) ? [...path, 'amount', i, 'value'] : [...path, 'amount'], n.report.bind(n)));
    return {
      measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
      rate: raw.rate === undefined ? undefined : n.datedRate(raw.rate, [...path, 'rate'], true),
      amount,
    };
  },
  // a fine takes pay away: the fix for the wrong kind of measure is the fine's other key, never a type that pays
  references: (s) => [
    {
      kind: 'measure',
      ref: s.measure,
      use: s.rate ? 'money' : 'count',
      instead: s.rate
        ? "fine an amount per unit of a count with 'amount:' in place of 'rate:', like 'amount: 300' for each client lost; or fine a share of a money measure such as overdue"
        : "fine a share of money with 'rate:' in place of 'amount:', like 'rate: 1%' of what is overdue; or fine an amount per unit of a count such as lost_clients",
    },
  ],
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const value = ctx.measure(c.spec.measure);
    const kind = c.spec.rate ? 'money' : 'count';
    const factor = c.spec.rate ? ctx.term(c.spec.rate) : ctx.term(c.spec.amount!);
    if (factor === undefined) return [];
    const amount = A.neg(A.mul(value, factor));
    return [
      {
        amount,
        explain: ctx.explain
          ? {
              rule: c.label ?? (c.spec.rate ? `fine of ${fmt.value(factor, 'ratio')} of ${c.spec.measure.name}` : `fine of ${fmt.money(factor)} per unit of ${c.spec.measure.name}`),
              measure: measureText(ctx, c.spec.measure, value, kind),
              rate: c.spec.rate ? fmt.value(factor, 'ratio') : undefined,
              arithmetic: `-(${kind === 'money' ? fmt.moneyAsIs(value) : fmt.num(value)} × ${c.spec.rate ? fmt.value(factor, 'ratio') : fmt.money(factor)}) = ${fmt.money(amount)}`,
            }
          : undefined,
      },
    ];
  },
};

/**
 * A fine pays -(count x amount), so an amount below 0 adds pay for each unit
 * (each client lost): a warning at the amount, as for a negative bonus amount
 * (the same code) and a fine's negative rate (rate-range).
 */
function negativeAmount(value: Term, path: Path, report: (p: Problem) => void): void {
  if (!(value instanceof R.Q) || R.sign(value) >= 0) return;
  const positive = R.toDecimalString(R.neg(value));
  report(
    warning('negative-value', `a fine of ${R.toDecimalString(value)} per unit is negative: the fine then adds pay instead of taking it away`, {
      path,
      hint: `a fine's amount is written positive: ${positive} takes ${positive} off per unit`,
    }),
  );
}
