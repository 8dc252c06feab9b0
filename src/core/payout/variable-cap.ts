import { formatPeriod, type Period } from '../time/period.js';
import type { Line, VariableCap } from '../types.js';
import type { PayoutEngine } from './engine.js';
import { moneyMinus } from './format.js';

/**
 * The variable cap's line of a month (docs/schemes.md#the-variable-cap): a
 * cut (`amount` below 0) of the period's variable pay so far (`variable`)
 * down to `limit`, or a give-back (above 0) of cuts made earlier in the
 * period, of which `open` were not yet given back, as far as the period's
 * variable pay is below the cap.
 */
export function variableCapLine<T>(engine: PayoutEngine<T>, vc: VariableCap, period: Period, limit: T, variable: T, amount: T, open?: T): Line<T> {
  const { A, fmt, scheme } = engine;
  const label = formatPeriod(period, scheme.fiscalYearStart);
  const rule = `variable pay capped at ${fmt.money(limit)} per ${vc.period}`;
  const givesBack = A.sign(amount) > 0 && open !== undefined;
  return {
    component: 'variable_cap',
    type: 'cap',
    kind: 'cap',
    period: label,
    amount,
    variable: true,
    explain: !engine.explain
      ? undefined
      : givesBack
        ? {
            rule: `${rule}: what was cut earlier in the ${vc.period} is given back as far as its variable pay is below the cap`,
            measure: `variable pay ${label} = ${fmt.money(variable)}, after cuts of ${fmt.money(open)} not yet given back`,
            arithmetic: `the lesser of ${moneyMinus(A, fmt, limit, variable)} and ${fmt.money(open)} = ${fmt.money(amount)}`,
          }
        : {
            rule,
            measure: `variable pay ${label} = ${fmt.money(variable)}`,
            arithmetic: `${moneyMinus(A, fmt, limit, variable)} = ${fmt.money(amount)}`,
          },
  };
}
