import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';

const schemeWith = (roles: string) => `name: s
currency: EUR
components:
  - {id: salary, type: salary, amount: 1000}
  - {id: am_rate, type: commission, roles: [${roles}], measure: revenue, rate: 3%}
organisation:
  roles:
    hunter: {count: 3, activities: [prospect, signed]}
    am: {activities: [signed, active]}
`;

describe("a component's roles where the scheme declares none but organisation.roles shares some out", () => {
  it("warns, at the role, of one none of organisation.roles is: no simulated rep holds it (QA: 'AM' beside 'am', validate silent)", () => {
    const { scheme, problems } = loadScheme('s.yaml', schemeWith('AM'));
    expect(scheme).toBeDefined();
    expect(problems.map((p) => [p.severity, p.code, p.line, p.column, p.message])).toEqual([
      ['warning', 'unknown-reference', 5, 45, "role 'AM' is none of organisation.roles: no simulated rep holds it, and payout pays it only to reps whose role is 'AM'; did you mean 'am'?"],
    ]);
  });

  it('says nothing of one it shares out', () => {
    expect(loadScheme('s.yaml', schemeWith('am')).problems).toEqual([]);
  });
});
