import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortProblems } from '../../src/core/problems/format.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { readYaml } from '../../src/core/yaml/source.js';
import { loadScenario } from '../../src/core/scenario/load.js';
import { loadMap } from '../../src/core/crm/load-map.js';
import { runCli } from '../helpers/cli.js';

/** a scheme with three mistakes of shape and meaning, and `rate` as given */
const scheme = (rate: string) => `name: "   "\ncurrency: EURO\ncomponents:\n  - {id: c, type: commission, measure: revenu, rate: ${rate}}\n`;
/** as validate prints them: in file order */
const said = (text: string) => sortProblems(loadScheme('s.yaml', text).problems).map((p) => [p.line, p.column, p.code, p.message.split(':')[0]]);
const OTHERS = [
  [1, 7, 'bad-value', "'   ' is not valid at name"],
  [2, 11, 'bad-value', "'EURO' is not an ISO 4217 currency code; did you mean 'EUR'?"],
  [4, 40, 'unknown-reference', "unknown measure 'revenu'; did you mean 'revenue'?"],
];

describe('a number YAML cannot hand over as written, in a scheme', () => {
  it('is reported with the problems of shape and meaning, not instead of them, each once, in file order', () => {
    expect(said(scheme('5'))).toEqual([...OTHERS, [4, 54, 'rate-range', 'rate 5 is 500 %']]);
    for (const bad of ['.NaN', '.inf', '-.Inf']) expect(said(scheme(bad))).toEqual([...OTHERS, [4, 54, 'bad-value', `${bad} is not a number motiv can use`]]);
    expect(said(scheme('0.050000000000000000001'))).toEqual([...OTHERS, [4, 54, 'bad-value', '0.050000000000000000001 has more digits than a YAML number keeps']]);
  });

  it('validate gives all four, not the first alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-nan-'));
    writeFileSync(join(dir, 's.yaml'), scheme('.NaN'));
    const r = await runCli(['validate', 's.yaml'], { cwd: dir });
    expect(r.stdout.split('\n').filter((l) => l.includes(': error: ')).map((l) => l.split(': error: ')[0])).toEqual(['s.yaml:1:7', 's.yaml:2:11', 's.yaml:4:40', 's.yaml:4:54']);
    expect(r.stdout).toContain('4 errors in 1 of 1 file');
  });

  it('keeps the scheme from loading, though nothing else is wrong', () => {
    const loaded = loadScheme('s.yaml', 'name: s\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: .nan}\n');
    expect(loaded.scheme).toBeUndefined();
    expect(loaded.problems.map((p) => [p.line, p.column, p.code])).toEqual([[4, 35, 'bad-value']]);
  });

  it("is said beside the YAML's own errors when they stop everything after them", () => {
    const source = readYaml('s.yaml', 'name: s\ncurrency: EUR\ncomponents:\n  - {id: t, type: salary, amount: .nan}\n  - {id: s, type: salary, amount: !foo 1}\n');
    expect(source.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'bad-value'],
      [5, 'yaml-syntax'],
    ]);
  });
});

describe('a number YAML cannot hand over as written, in a scenario or a map', () => {
  it('stops a scenario at the YAML stage with the words it has for it, not as a value of the wrong type', () => {
    const loaded = loadScenario('sc.yaml', 'name: x\nreps: {count: .nan}\n');
    expect(loaded.scenario).toBeUndefined();
    expect(loaded.problems.map((p) => [p.line, p.column, p.code, p.message.split(':')[0]])).toEqual([[2, 15, 'bad-value', '.nan is not a number motiv can use']]);
  });

  it('stops a CRM map the same way', () => {
    const loaded = loadMap('m.yaml', 'source: x\nscale: 0.050000000000000000001\n');
    expect(loaded.map).toBeUndefined();
    expect(loaded.problems.map((p) => [p.line, p.code, p.message.split(':')[0]])).toEqual([[2, 'bad-value', '0.050000000000000000001 has more digits than a YAML number keeps']]);
  });
});
