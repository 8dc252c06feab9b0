import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import type { Problem } from '../../src/core/problems/problem.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { targetsOf } from '../../src/core/sweep/point-schemes.js';
import { findTarget, textWith, written, type Target } from '../../src/core/sweep/set-value.js';
import { parseVary, type Vary } from '../../src/core/sweep/vary.js';
import { readYaml } from '../../src/core/yaml/source.js';

const TEXT = `# a scheme
name: t
currency: EUR
components:
  - id: salary
    type: salary
    amount: 1500 # fixed
  - id: maintenance
    type: commission
    measure: gross_profit
    rate: 1% # for old clients
`;
const src = readYaml('s.yaml', TEXT);
const target = (path: string) => findTarget(src, path.split('.'), `--vary ${path}`);
const isProblem = (t: Target | Problem): t is Problem => 'code' in t;

describe('finding a --vary path in a scheme', () => {
  it('reaches a component by id or by index, and a key in it', () => {
    expect(target('components.maintenance.rate')).toEqual({ keys: ['components', 1, 'rate'], current: '1%' });
    expect(target('components.0.amount')).toEqual({ keys: ['components', 0, 'amount'], current: 1500 });
  });

  it('takes a last key the scheme does not have yet, as new', () => {
    expect(target('components.maintenance.cap')).toEqual({ keys: ['components', 1, 'cap'], current: undefined });
  });

  it('says where the path stops, what is there and what was meant', () => {
    const t = target('components.maintenanse.rate');
    expect(isProblem(t) && t).toMatchObject({ code: 'unknown-key', file: 's.yaml', line: 5, column: 3 });
    expect((t as Problem).message).toContain("did you mean 'maintenance'?");
    expect((t as Problem).hint).toContain("'salary' or 'maintenance', or an index from 0 to 1");
    const deeper = target('components.maintenance.rates.x');
    expect((deeper as Problem).message).toContain("no 'rates' in components.maintenance; did you mean 'rate'?");
  });

  it('refuses a path to a mapping or a list, or through a single value', () => {
    expect((target('components.maintenance') as Problem).message).toContain('is a mapping; --vary sets one number');
    expect((target('components') as Problem).message).toContain('is a list');
    expect((target('components.maintenance.rate.x') as Problem).message).toContain('is a single value');
  });
});

describe('refusing a --vary path that does not hold a number', () => {
  const FORMULAS = `name: f
currency: EUR
components:
  - id: base
    type: salary
    amount: {column: base}
  - id: kicker
    type: formula
    formula: "if(revenue >= quota, 100, 0)"
  - id: maintenance
    type: commission
    label: Maintenance
    measure: gross_profit
    rate: "0.05"
    cap: 1500
  - id: old
    type: commission
    measure: revenue
    rate: 2 %
`;
  const fsrc = readYaml('f.yaml', FORMULAS);
  // as sweep and optimise place a --vary: through targetsOf
  const at = (path: string): Target | Problem => {
    const placed = targetsOf(fsrc, [parseVary(`${path}=1..2`) as Vary]);
    return 'problems' in placed ? placed.problems[0] : placed.targets[0];
  };

  it('refuses text (a formula, a column name) at the value, rather than overwrite it with a number', () => {
    const formula = at('components.kicker.formula') as Problem;
    expect(formula).toMatchObject({ code: 'bad-value', file: 'f.yaml', line: 9, column: 14 });
    expect(formula.message).toContain('components.kicker.formula is text (a formula or a column name); --vary sets one number');
    const column = at('components.base.amount.column') as Problem;
    expect(column).toMatchObject({ code: 'bad-value', line: 6, column: 22 });
    expect(column.message).toContain('is text');
    expect(at('components.maintenance.label')).toMatchObject({ code: 'bad-value' });
  });

  it('takes a string that reads as a number or a percentage', () => {
    expect(at('components.maintenance.rate')).toEqual({ keys: ['components', 2, 'rate'], current: '0.05' });
    expect(at('components.old.rate')).toEqual({ keys: ['components', 3, 'rate'], current: '2 %' });
  });

  it("still finds text for optimise's rewrite of the scenario: path", () => {
    const withScenario = readYaml('s.yaml', `scenario: ../scenarios/freight.yaml\n${FORMULAS}`);
    expect(findTarget(withScenario, ['scenario'], 'scenario')).toEqual({ keys: ['scenario'], current: '../scenarios/freight.yaml' });
  });

  it("names in a mapping's hint only the keys that hold a number, or says it holds none", () => {
    expect((at('components.maintenance') as Problem).hint).toBe("give the path of a number inside it: 'components.maintenance.rate' or 'components.maintenance.cap'");
    const none = at('components.base.amount') as Problem;
    expect(none.message).toContain('components.base.amount is a mapping; --vary sets one number');
    expect(none.hint).toBe("none of its keys ('column') holds a number; give the path of a number elsewhere in the scheme");
  });
});

describe('writing a value into the scheme', () => {
  it('writes a percentage when the bounds were percentages, else a plain number', () => {
    expect(written(R.parseDecimal('0.0525')!, true, '1%')).toBe('5.25%');
    expect(written(R.parseDecimal('0.043')!, false, '1%')).toBe(0.043);
    expect(written(R.q(2000), false, 1500)).toBe(2000);
    expect(written(R.q(2000), false, '1500')).toBe('2000');
  });

  it('keeps the comments and every other line, and the scheme reads the value as written', () => {
    const t = target('components.maintenance.rate') as Target;
    const text = textWith(src, [{ target: t, value: '4.3%' }]);
    expect(text).toContain('rate: 4.3% # for old clients');
    expect(text).toContain('amount: 1500 # fixed');
    expect(text.startsWith('# a scheme\n')).toBe(true);
    // the document itself is left as it was
    expect(src.doc.toString()).toContain('rate: 1%');
    const loaded = loadScheme('s.yaml', text);
    const c = loaded.scheme!.components.find((x) => x.id === 'maintenance') as unknown as { spec: { rate: { value: R.Q }[] } };
    expect(R.toDecimalString(c.spec.rate[0].value)).toBe('0.043');
  });

  it('changes no byte but the value it replaces, quoted as the value was', () => {
    const quoted = readYaml('q.yaml', TEXT.replace('rate: 1% # for old clients', 'rate: "1%"   # for old clients').replace('name: t', 'name: t\ndescription: >\n  a folded\n  description'));
    const t = findTarget(quoted, ['components', 'maintenance', 'rate'], '--vary') as Target;
    const text = textWith(quoted, [{ target: t, value: '4.3%' }]);
    expect(text).toBe(quoted.text.replace('"1%"', '"4.3%"'));
    const amount = findTarget(quoted, ['components', 'salary', 'amount'], '--vary') as Target;
    expect(textWith(quoted, [{ target: t, value: '0.5%' }, { target: amount, value: 2000 }])).toBe(quoted.text.replace('"1%"', '"0.5%"').replace('amount: 1500', 'amount: 2000'));
  });

  it('adds a new key where the path ends in one', () => {
    const t = target('components.maintenance.cap') as Target;
    expect(textWith(src, [{ target: t, value: 250 }])).toContain('cap: 250');
  });
});
