import { describe, expect, it } from 'vitest';
import { sortProblems } from '../../src/core/problems/format.js';
import { loadScheme } from '../../src/core/scheme/load.js';

/** as validate prints them: in file order, with line, column, code and the message's first words */
const said = (text: string) => sortProblems(loadScheme('s.yaml', text).problems).map((p) => [p.line, p.column, p.code, p.message.split(';')[0]]);

describe('a component of an unknown type', () => {
  it('does not hide the errors of meaning in the rest of the scheme', () => {
    // QA16 F-unknown-type: only the type was reported; fixing it revealed the other two
    const text = `name: dup ids
currency: EUR
components:
  - id: salary
    type: salery
    amount: 1000
  - id: c
    type: commission
    measure: deals
    rate: "5 %"
  - id: c
    type: commission
    measure: revenue
    rate: 5%
`;
    expect(said(text)).toEqual([
      [5, 11, 'unknown-component-type', "unknown type 'salery' at components[0]"],
      [9, 14, 'wrong-measure-kind', "a commission component's rate is a share of money, but 'deals' is a count"],
      [11, 5, 'duplicate-id', "component id 'c' is already used by components[1]"],
    ]);
  });

  it('is left out of the meaning checks, but references to its id still resolve', () => {
    // its keys mean nothing without a type (a negative cap, an undeclared role: not said); a multiplier, formula,
    // bonus basis or gate naming it is not an unknown reference; a misspelt measure beside it still is
    const text = `name: u
currency: EUR
roles: [hunter]
plans:
  p: {measure: revenue, monthly: 100}
components:
  - {id: s, type: salery, amount: 1000, cap: -5, roles: [nobody]}
  - {id: m, type: multiplier, applies_to: [s], plan: p, bands: [{from: 0, factor: 2}]}
  - {id: f, type: formula, formula: "s * 2 + revenu"}
  - {id: b, type: bonus, component: s, threshold: 1, amount: 5, gate: {component: s, min: 1}}
`;
    expect(said(text)).toEqual([
      [7, 19, 'unknown-component-type', "unknown type 'salery' at components[0]"],
      [9, 46, 'unknown-reference', "formula of component 'f' uses 'revenu', which is neither a measure, a plan, a component nor tenure"],
    ]);
  });

  it('still counts for duplicate ids: its id is written, whatever its type', () => {
    const text = 'name: u\ncurrency: EUR\ncomponents:\n  - {id: s, type: salery, amount: 1000}\n  - {id: s, type: salary, amount: 1}\n';
    expect(said(text)).toEqual([
      [4, 19, 'unknown-component-type', "unknown type 'salery' at components[0]"],
      [5, 6, 'duplicate-id', "component id 's' is already used by components[0]"],
    ]);
  });
});
