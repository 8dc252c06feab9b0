import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { loadScenario } from '../../src/core/scenario/load.js';
import { loadMap } from '../../src/core/crm/load-map.js';
import { loadSuite } from '../../src/core/testing/suite.js';
import { readYaml } from '../../src/core/yaml/source.js';
import { byPosition } from '../../src/core/problems/format.js';
import type { Problem } from '../../src/core/problems/problem.js';

/** in file order, as validate prints them */
const said = (problems: Problem[]) => [...problems].sort(byPosition).map((p) => [p.line, p.code, p.message]);
const tagged = (line: number, tag: string) => [line, 'yaml-syntax', `YAML tag '${tag}' is not used in motiv files`];

describe('a YAML tag on a scalar (!!binary, !!timestamp) is refused as a tag on a list or mapping is', () => {
  it('in a scheme: one error per tagged value, not the value read as a Buffer or a date', () => {
    const text = [
      'name: tags',
      'currency: EUR',
      'components:',
      '  - {id: s1, type: salary, amount: !!timestamp 2026-03-01}',
      '  - {id: s2, type: !!timestamp 2026-01-01, amount: 1}',
      '  - {id: c, type: commission, measure: revenue, rate: !!binary AAAA}',
      '  - {id: s3, type: salary, amount: !!int "12"}',
      '',
    ].join('\n');
    expect(said(loadScheme('s.yaml', text).problems)).toEqual([tagged(4, '!!timestamp'), tagged(5, '!!timestamp'), tagged(6, '!!binary')]);
  });

  it('in a scenario, a map and a test file alike', () => {
    expect(said(loadScenario('sc.yaml', 'name: x\nreps: {count: !!binary AAAA}\n').problems)).toEqual([tagged(2, '!!binary')]);
    expect(said(loadMap('m.yaml', 'kind: map\nname: m\ndate_format: !!timestamp 2026-01-01\n').problems)).toEqual([tagged(3, '!!timestamp')]);
    const suite = 'scheme: s.yaml\ncases:\n  - period: !!timestamp 2026-03-01\n    reps: [{id: !!binary YW5h}]\n    expect: [{total: 1}]\n';
    expect(said(loadSuite(readYaml('t.test.yaml', suite)).problems)).toEqual([tagged(3, '!!timestamp'), tagged(4, '!!binary')]);
  });

  it('an unknown tag is said once, whether on a scalar or a mapping; a core tag that does not fit its value is said as such', () => {
    expect(said(readYaml('x.yaml', 'a: !foo {x: 1}\nb: !foo 1\nc: !!int abc\n').problems)).toEqual([
      tagged(1, '!foo'),
      tagged(2, '!foo'),
      [3, 'yaml-syntax', "YAML tag '!!int' does not fit its value"],
    ]);
  });
});
