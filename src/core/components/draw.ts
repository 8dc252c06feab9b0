import { Amount, dated, term } from '../scheme/schema-parts.js';
import type { Dated, Term } from '../types.js';
import type { ComponentType } from './component.js';
import { finerThanCurrencyProblems, inCurrencyUnits } from './literal-amounts.js';

/** what a draw keeps from period to period: the amount advanced and not yet recovered */
export interface DrawState<T> {
  balance: T;
}

export interface DrawSpec {
  amount: Dated<Term>;
  recoverable: boolean;
}

/**
 * A draw against variable pay: when variable pay for the period falls short
 * of the draw, the rep is topped up to it. A recoverable draw is an advance:
 * the top-ups are owed back out of later variable pay above the draw. A
 * non-recoverable draw is a guaranteed minimum. Variable pay below 0 counts
 * as 0: a top-up is at most the draw, and a clawback stays in the pay.
 */
export const draw: ComponentType<DrawSpec> = {
  type: 'draw',
  description: 'Tops variable pay up to a minimum each period; recoverable draws are repaid from later variable pay above the draw.',
  properties: {
    amount: { ...dated(term(Amount)), description: 'The draw per period, prorated by days employed.' },
    recoverable: { type: 'boolean', description: 'true: an advance repaid from later earnings; false: a guarantee.' },
  },
  required: ['amount', 'recoverable'],
  variable: false,
  final: true,
  normalise: (raw, n, path) => ({ amount: n.datedAmount(raw.amount, [...path, 'amount']), recoverable: raw.recoverable === true }),
  references: () => [],
  // (a negative draw is not warned of as a salary is: it takes no pay off, it only tops up less)
  check: (c, scheme) => finerThanCurrencyProblems(c.spec.amount, [...c.path, 'amount'], scheme, 'a draw of'),
  advances: (spec) => spec.recoverable,
  floor: (spec) => !spec.recoverable,
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const written = ctx.term(c.spec.amount);
    if (written === undefined) return [];
    // in the currency's units before it is prorated, as a salary (1000.005 EUR is 1,000.01 a month)
    const full = inCurrencyUnits(ctx, written);
    const state = ctx.state(() => ({ balance: A.zero }));
    const { days, total } = ctx.employment();
    const drawAmount = A.div(A.mul(full, A.int(days)), A.int(total));
    const earned = ctx.variableInPeriod(ctx.period, c.roles);
    const kind = c.spec.recoverable ? 'recoverable draw' : 'guaranteed draw';
    // (a rep employed part of the period: the draw, as the salary, of his days; QA: 1,017.86 said with no 1,500 × 19/28),
    // shown with its own decimals (up to 4) as the arithmetic takes it, as a prorated quota: 1,000 × 16/31 = 516.129
    const drawText = days === total ? `${fmt.money(drawAmount)} per ${c.period}` : `${fmt.money(full)} per ${c.period}, prorated ${days}/${total} = ${fmt.moneyAsIs(drawAmount)}`;
    // the balance owed moves by the amounts actually paid, so recoveries net the advances to the cent
    const toMinor = (x: typeof earned) => A.round(x, ctx.scheme.minorDigits, ctx.scheme.rounding);
    // (a part of a line shared with another plan's draw is finer than the currency: then the draw and its variable pay are shown with their
    // own decimals, so the arithmetic holds: 535.7143 − 26.7857 = 508.93, not 535.71 − 26.79)
    const show = A.cmp(A.round(earned, ctx.scheme.minorDigits, 'half-up'), earned) === 0 ? fmt.money : fmt.moneyAsIs;
    if (A.cmp(earned, drawAmount) < 0) {
      // variable pay below 0 (a clawback, refunds) counts as 0: the top-up is at most the draw, so a guarantee
      // (or an advance) does not make up what a clawback takes back (QA: 1,000 drawn over a 2,000 clawback paid 3,000)
      const counted = A.sign(earned) < 0 ? A.zero : earned;
      const topUp = toMinor(A.sub(drawAmount, counted));
      if (c.spec.recoverable) state.balance = A.add(state.balance, topUp);
      return [
        {
          amount: topUp,
          kind: 'draw',
          explain: ctx.explain
            ? {
                rule: `${kind} of ${drawText}`,
                measure: `variable pay ${ctx.periodLabel} = ${show(earned)}`,
                arithmetic: `${fmt.moneyAsIs(drawAmount)} − ${A.sign(earned) < 0 ? `max(${show(earned)}, 0)` : show(earned)} = ${fmt.money(topUp)}${c.spec.recoverable ? `; owed back: ${fmt.money(state.balance)}` : ''}`,
              }
            : undefined,
        },
      ];
    }
    if (c.spec.recoverable && A.sign(state.balance) > 0) {
      const recovered = A.min(state.balance, toMinor(A.sub(earned, drawAmount)));
      if (A.sign(recovered) <= 0) return [];
      state.balance = A.sub(state.balance, recovered);
      return [
        {
          amount: A.neg(recovered),
          kind: 'draw',
          explain: ctx.explain
            ? {
                rule: `recovery of the ${kind} of ${drawText}`,
                measure: `variable pay ${ctx.periodLabel} = ${show(earned)}, above the draw by ${show(A.sub(earned, drawAmount))}`,
                arithmetic: `-min(owed ${fmt.money(A.add(state.balance, recovered))}, ${fmt.money(A.sub(earned, drawAmount))}) = ${fmt.money(A.neg(recovered))}; still owed: ${fmt.money(state.balance)}`,
              }
            : undefined,
        },
      ];
    }
    return [];
  },
};
