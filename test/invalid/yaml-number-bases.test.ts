import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { loadScenario } from '../../src/core/scenario/load.js';
import { readYaml } from '../../src/core/yaml/source.js';
import { ROOT } from '../helpers/cli.js';

const scheme = (component: string) => `name: s\ncurrency: EUR\ncomponents:\n  - ${component}\n`;
const freight = readFileSync(join(ROOT, 'scenarios/freight.yaml'), 'utf8');

describe('a number written in hexadecimal or octal is not read as another number', () => {
  it('rate: 0x10 in a scheme is refused, saying the decimal it is, not paid as 16 (1600 %)', () => {
    const problems = loadScheme('s.yaml', scheme('{id: c, type: commission, measure: revenue, rate: 0x10}')).problems;
    expect(problems.map((p) => [p.line, p.column, p.code, p.message])).toEqual([
      [4, 55, 'bad-value', "'0x10' is not valid at components[0].rate; 0x10 is hexadecimal: write numbers in decimal (16)"],
    ]);
  });

  it('amount: 0o17 likewise', () => {
    const problems = loadScheme('s.yaml', scheme('{id: s, type: salary, amount: 0o17}')).problems;
    expect(problems.map((p) => p.message)).toEqual(["'0o17' is not valid at components[0].amount; 0o17 is octal: write numbers in decimal (15)"]);
  });

  it('where text goes (a name, an id) it is the text written', () => {
    expect(readYaml('x.yaml', 'name: 0x10\nreps: [{id: 0x1A}, {id: 0o7}]\n').value).toEqual({ name: '0x10', reps: [{ id: '0x1A' }, { id: '0o7' }] });
    expect(loadScheme('s.yaml', `name: 0xFF\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: 1}\n`).scheme?.name).toBe('0xFF');
  });

  it('a scenario says so too, where a whole number goes', () => {
    const problems = loadScenario('sc.yaml', freight.replace(/count: \d+/, 'count: 0x10')).problems;
    expect(problems.map((p) => [p.code, p.message])).toEqual([['wrong-type', "'0x10' is not a whole number at reps.count; 0x10 is hexadecimal: write numbers in decimal (16)"]]);
  });
});

describe("a scenario's share written as a percentage", () => {
  it("says the fraction to write: '80%' is 0.8", () => {
    const problems = loadScenario('sc.yaml', freight.replace('share: 0.8', 'share: 80%').replace('share: 0.2', 'share: 12.5 %')).problems;
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['wrong-type', "'12.5 %' is not a number at segments.key.share; write 0.125, a fraction"],
      ['wrong-type', "'80%' is not a number at segments.standard.share; write 0.8, a fraction"],
    ]);
  });

  it('a percentage where a count goes is not offered as a fraction', () => {
    const problems = loadScenario('sc.yaml', freight.replace(/count: \d+/, 'count: 80%')).problems;
    expect(problems.map((p) => p.message)).toEqual(["'80%' is not a whole number at reps.count"]);
  });
});
