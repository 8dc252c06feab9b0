import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';

const scheme = (gate: string) => `name: g\ncurrency: EUR\ncomponents:\n  - id: comm\n    type: commission\n    measure: revenue\n    rate: 10%\n    gate: ${gate}\n`;
const said = (gate: string) => loadScheme('s.yaml', scheme(gate)).problems.map((p) => [p.line, p.column, p.severity, p.code, p.message]);

describe('a gate that can never open', () => {
  it('is an error at its below, naming both bounds in the basis\'s units', () => {
    expect(said('{measure: revenue, min: 50000, below: 10000}')).toEqual([
      [8, 49, 'error', 'bad-value', "this gate never opens: it needs at least 50000 and below 10000, so 'comm' never pays"],
    ]);
  });

  it('with min equal to below, on a plan, in percent', () => {
    const text = scheme('{plan: q, min: 80%, below: 80%}').replace('components:', 'plans:\n  q: {measure: revenue, monthly: 1000}\ncomponents:');
    expect(loadScheme('s.yaml', text).problems.map((p) => p.message)).toEqual(["this gate never opens: it needs at least 80% and below 80%, so 'comm' never pays"]);
  });

  it('is no problem where min is below below, or only one bound is given', () => {
    for (const gate of ['{measure: revenue, min: 10000, below: 50000}', '{measure: revenue, min: 50000}', '{measure: revenue, below: 10000}']) {
      expect(said(gate)).toEqual([]);
    }
  });
});
