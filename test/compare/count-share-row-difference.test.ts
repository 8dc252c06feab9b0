import { describe, expect, it } from 'vitest';
import { compared } from '../helpers/compared-rows.js';

/** a table's count or share figure as a number in its unit's smallest shown step: "+37.1" -> 371, "12.45 %" -> 1245, "−5.41 pt" -> -541 */
const steps = (text: string) => Number(text.replace(/ n\.s\.$/, '').replace(/ (%|pt)$/, '').replace(/,/g, '').replace('−', '-').replace('.', ''));

describe("compare's count and share rows, as its money rows", () => {
  it('show as B − A the B mean less the A mean as shown, not the paired mean rounded on its own (209.7 -> 246.8: +37.1, not +37.0)', () => {
    const { row } = compared({ clients_signed: [209.74, 209.74, 209.74] }, { clients_signed: [246.66, 246.76, 246.86] });
    const [a, b, difference, interval] = row('clients_signed');
    expect([a, b, difference]).toEqual(['209.7', '246.8', '+37.1']);
    expect(steps(difference)).toBe(steps(b) - steps(a));
    // the interval stays the paired differences' (37.02 ± t·0.1/√3)
    expect(interval).toBe('+36.8 .. +37.3');
  });

  it("show a share's means to the hundredth of a point its difference is shown to, and B − A as their difference (12.45 % -> 17.86 %: +5.41 pt, not +5.40 pt beside 12.5 % and 17.9 %)", () => {
    const { row } = compared({ 'effort.signed': [0.124549, 0.124549, 0.124549] }, { 'effort.signed': [0.178451, 0.178551, 0.178651] });
    const [a, b, difference, interval] = row('effort.signed');
    expect([a, b, difference]).toEqual(['12.45 %', '17.86 %', '+5.41 pt']);
    expect(steps(difference)).toBe(steps(b) - steps(a));
    expect(interval).toBe('+5.38 pt .. +5.43 pt');
  });

  it('take the digits an interval needs not to show as 0, the means too, and keep n.s. where the interval holds 0', () => {
    // a difference of 0.012 to 0.018: shown as +0.0 .. +0.0 to a tenth, so to a hundredth, the means too
    const { row } = compared({ hours_per_rep: [150.004, 150.004, 150.004] }, { hours_per_rep: [150.016, 150.019, 150.022] });
    const [a, b, difference, interval] = row('hours_per_rep');
    expect([a, b, difference]).toEqual(['150.00', '150.02', '+0.02']);
    expect(interval).toBe('+0.01 .. +0.02');
    const ns = compared({ clients_lost: [10.04, 10.04, 10.04] }, { clients_lost: [9, 10.16, 11.3] }).row('clients_lost');
    expect(ns.slice(0, 3)).toEqual(['10.0', '10.2', '+0.2 n.s.']);
  });
});
