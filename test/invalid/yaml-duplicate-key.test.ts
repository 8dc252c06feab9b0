import { describe, expect, it } from 'vitest';
import { sortProblems } from '../../src/core/problems/format.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { loadScenario } from '../../src/core/scenario/load.js';

/** as validate prints them: in file order */
const said = (problems: Parameters<typeof sortProblems>[0]) => sortProblems(problems).map((p) => [p.line, p.column, p.severity, p.code, p.message.split(':')[0]]);

const scheme = `name: a duplicate and more
currency: euro
components:
  - id: comm
    type: commission
    measure: revenue
    rate: 5%
    rate: 6%
  - id: comm
    type: salary
    amount: 100
`;

describe('a key given twice in a scheme', () => {
  it('is reported with the scheme\'s other problems, each at its line, not instead of them', () => {
    const loaded = loadScheme('s.yaml', scheme);
    expect(loaded.scheme).toBeUndefined();
    expect(said(loaded.problems)).toEqual([
      [2, 11, 'error', 'bad-value', "'euro' is not an ISO 4217 currency code; did you mean 'EUR'?"],
      [8, 5, 'error', 'duplicate-key', "duplicate key 'rate', already given on line 7"],
      [9, 5, 'error', 'duplicate-id', "component id 'comm' is already used by components[0]"],
    ]);
  });

  it('is an error even where the rest of the scheme is right', () => {
    const fine = scheme.replace('currency: euro', 'currency: EUR').replace('  - id: comm\n    type: salary', '  - id: base\n    type: salary');
    const loaded = loadScheme('s.yaml', fine);
    expect(loaded.scheme).toBeUndefined();
    expect(said(loaded.problems)).toEqual([[8, 5, 'error', 'duplicate-key', "duplicate key 'rate', already given on line 7"]]);
  });

  it('a key given twice at the top, with a mistake inside its later value, says both', () => {
    const top = 'name: x\ncurrency: EUR\ncomponents: []\ncomponents:\n  - {id: c, type: commission, measure: revenu, rate: 5%}\n';
    expect(said(loadScheme('s.yaml', top).problems)).toEqual([
      [4, 1, 'error', 'duplicate-key', "duplicate key 'components', already given on line 3"],
      [5, 40, 'error', 'unknown-reference', "unknown measure 'revenu'; did you mean 'revenue'?"],
    ]);
  });
});

describe('a key given twice in a scenario', () => {
  it('stops it at the YAML stage, as before', () => {
    const problems = loadScenario('sc.yaml', 'months: 12\nmonths: 24\n').problems;
    expect(problems.map((p) => p.code)).toEqual(['duplicate-key']);
  });
});
