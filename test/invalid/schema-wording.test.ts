import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { loadMap } from '../../src/core/crm/load-map.js';
import { schemeJsonSchema } from '../../src/core/scheme/json-schema.js';
import { scenarioJsonSchema } from '../../src/core/scenario/json-schema.js';
import { mapJsonSchema } from '../../src/core/crm/map-schema.js';
import { testsJsonSchema } from '../../src/core/testing/schema.js';
import { sortProblems } from '../../src/core/problems/format.js';
import type { Problem } from '../../src/core/problems/problem.js';

const said = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.code, p.message, p.hint]);

describe('one mistake, one problem', () => {
  it("name: '' is empty text, not also a value that breaks a pattern", () => {
    const problems = loadScheme('s.yaml', 'name: ""\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: 1}\n').problems;
    expect(said(problems)).toEqual([[1, 7, 'bad-value', 'empty text at name', 'a name to show in reports, not blank']]);
  });

  it("a blank name that is not empty ('   ') is still refused", () => {
    const problems = loadScheme('s.yaml', 'name: "   "\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: 1}\n').problems;
    expect(problems.map((p) => p.message)).toEqual(["'   ' is not valid at name"]);
  });

  it("currency_marks: [''] in a map is one error, which says what a mark is", () => {
    const problems = loadMap('m.yaml', 'kind: map\nname: m\ncurrency_marks: ["", "руб."]\ntables:\n  reps: {file: r.csv, columns: {id: ID}}\n').problems;
    expect(said(problems)).toEqual([[3, 18, 'bad-value', 'empty text at currency_marks[0]', "a currency sign or word as the export writes it, e.g. '₽' or 'руб.', not blank"]]);
  });
});

describe('ids are said in words, Latin letters, never as a regular expression', () => {
  it('roles, plan names, organisation roles and component ids alike', () => {
    const text = [
      'name: ids',
      'currency: EUR',
      'roles: [hunter 1, охотник]',
      'plans:',
      '  план: {measure: revenue, monthly: 100}',
      'organisation:',
      '  roles:',
      '    2nd: {activities: [prospect]}',
      'components:',
      '  - {id: зарплата, type: salary, amount: 1000}',
      '',
    ].join('\n');
    const problems = sortProblems(loadScheme('s.yaml', text).problems.filter((p) => p.code === 'bad-value'));
    expect(problems.map((p) => [p.line, p.hint])).toEqual([
      [3, 'a role name of Latin letters, digits, _ . or -, starting with a letter'],
      [3, 'a role name of Latin letters, digits, _ . or -, starting with a letter'],
      [5, 'a plan name of Latin letters, digits, _ . or -, starting with a letter'],
      [8, 'a role name of Latin letters, digits, _ . or -, starting with a letter'],
      [10, 'a name of Latin letters, digits, _ . or -, starting with a letter'],
    ]);
  });

  it('every pattern of the scheme, scenario, map and test-file schemas has its hint in words', () => {
    const bare: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.pattern === 'string' && typeof o.hint !== 'string') bare.push(`${path}: ${o.pattern}`);
      for (const [key, value] of Object.entries(o)) walk(value, `${path}.${key}`);
    };
    walk(schemeJsonSchema(), 'scheme');
    walk(scenarioJsonSchema(), 'scenario');
    walk(mapJsonSchema(), 'map');
    walk(testsJsonSchema(schemeJsonSchema()), 'tests');
    expect(bare).toEqual([]);
  });
});
