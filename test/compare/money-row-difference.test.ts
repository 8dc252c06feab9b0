import { describe, expect, it } from 'vitest';
import { compared } from '../helpers/compared-rows.js';

/** a table's money figure as a number: "+1,001" -> 1001, "−5" -> -5 */
const amount = (text: string) => Number(text.replace(/,/g, '').replace('−', '-').replace(/ n\.s\.$/, ''));

describe("compare's money rows", () => {
  it('show as B − A the B mean less the A mean as shown, not the paired mean rounded on its own (100.4 -> 1,100.6: +1,001, not +1,000)', () => {
    const { row } = compared({ revenue: [100.4, 100.4, 100.4] }, { revenue: [1000.6, 1100.6, 1200.6] });
    const [a, b, difference, interval] = row('revenue');
    expect([a, b, difference]).toEqual(['100', '1,101', '+1,001']);
    expect(amount(difference)).toBe(amount(b) - amount(a));
    // the interval stays the paired differences' (1,000.2 ± t·100/√3)
    expect(interval).toBe('+752 .. +1,249');
  });

  it('keep the paired mean where a difference is not significant, marked so, still B less A as shown', () => {
    const { row } = compared({ 'rep_pay.mean': [3000.4, 3000.4, 3000.4] }, { 'rep_pay.mean': [2900.6, 3100.6, 3000.6] });
    const [a, b, difference] = row('rep_pay.mean');
    expect([a, b, difference]).toEqual(['3,000', '3,001', '+1 n.s.']);
  });

  it("agree with the cost line on pay_total, each mean rounded from the cent as JSON gives it (100.4951 is 100.50, then 101)", () => {
    const { row, cost } = compared({ pay_total: [100.4951, 100.4951, 100.4951] }, { pay_total: [1000.6, 1100.6, 1200.6] });
    const [a, b, difference] = row('pay_total');
    expect([a, b, difference]).toEqual(['101', '1,101', '+1,000']);
    expect(cost).toContain(`(pay_total B − A): ${difference} EUR`);
  });
});
