import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, readYaml } from '../../src/core/yaml/source.js';
import { runCli } from '../helpers/cli.js';

/** block mappings nested `depth` deep, one more space of indentation per level */
const indentedMaps = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
/** '- - - 1': block sequences nested on one line */
const compactLists = (depth: number) => `${'- '.repeat(depth)}1\n`;
/** a list under each key, at the key's own column: two levels for each column */
const listsUnderKeys = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- k${i}:`).join('\n') + ' 1\n';
const flowLists = (depth: number) => `a: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
const flowMaps = (depth: number) => `a: ${'{b: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
const SHAPES = { indentedMaps, compactLists, listsUnderKeys, flowLists, flowMaps };

const NESTED = /YAML nested more than 100 levels deep/;

describe('YAML nested deeper than a motiv file needs is a located error, never a crash', () => {
  it.each(Object.entries(SHAPES))('%s: the limit itself reads, one more level is refused where it starts', (_, shape) => {
    const ok = readYaml('ok.yaml', shape(MAX_YAML_DEPTH - 1));
    expect(ok.problems).toEqual([]);
    const deep = readYaml('deep.yaml', shape(5_000));
    expect(deep.problems).toHaveLength(1);
    expect(deep.problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'deep.yaml' });
    expect(deep.problems[0].message).toMatch(NESTED);
    expect(deep.problems[0].line).toBeGreaterThanOrEqual(1);
    expect(deep.problems[0].column).toBeGreaterThanOrEqual(1);
  });

  it('a block sequence 3,000 deep after a syntax error (the reported crash)', () => {
    const text = `name: x\ncurrency: EUR EUR: x\ncomponents:\n  ${'- '.repeat(3_000)}1\n`;
    const r = readYaml('deep.yaml', text);
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([[4, 201, 'YAML nested more than 100 levels deep']]);
  });

  it('text that only looks deep (brackets in quotes, comments and block scalars) is not refused', () => {
    const brackets = '['.repeat(500);
    const text = `a: "${brackets}"\nb: '${brackets}'\n# ${brackets}\nc: |\n  ${brackets}\n${Array.from({ length: 300 }, (_, i) => `  ${' '.repeat(i)}${'- '.repeat(3)}`).join('\n')}\nd: 1\n`;
    expect(readYaml('shallow.yaml', text).problems.filter((p) => NESTED.test(p.message))).toEqual([]);
  });

  it('any mix of indentation, indicators, brackets and quotes reads or is refused, never throws', () => {
    const piece = fc.constantFrom('- ', '? ', ': ', 'k: ', '[', ']', '{', '}', ', ', '"', "'", '|\n', '#c', 'x', '\n', ' ', '  ', '\t', '---\n');
    const line = fc.tuple(fc.nat(400), fc.array(piece, { maxLength: 30 })).map(([indent, parts]) => ' '.repeat(indent) + parts.join(''));
    // many lines nested ever deeper, with the pieces between them
    const text = fc.array(line, { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(text, (lines) => {
        const r = readYaml('random.yaml', lines.join('\n'));
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 60, seed: 20260311 },
    );
  });
});

describe('every kind of motiv YAML file reads through the same limit', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-nesting-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const deep = `  ${'- '.repeat(3_000)}1\n`;
  const write = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  const located = (out: string, path: string) => expect(out).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: YAML nested more than 100 levels deep`));

  it('scheme, test file and scenario under validate', async () => {
    for (const [name, text] of [
      ['scheme.yaml', `name: x\ncurrency: EUR\ncomponents:\n${deep}`],
      ['deep.test.yaml', `scheme: scheme.yaml\ncases:\n${deep}`],
      ['scenario.yaml', `kind: scenario\nname: x\nbook:\n${deep}`],
    ]) {
      const path = write(name, text);
      const r = await runCli(['validate', path]);
      expect(r.code).toBe(1);
      located(r.stdout, path);
    }
  });

  it('a scenario given to simulate, a test file given to test, a map given to payout', async () => {
    const scenario = write('sim-scenario.yaml', `name: x\nreps:\n${deep}`);
    const sim = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--scenario', scenario, '--runs', '1']);
    expect(sim.code).toBe(1);
    located(sim.stderr, scenario);

    const suite = write('suite.test.yaml', `scheme: ${join(process.cwd(), 'schemes/leads-plan.yaml')}\ncases:\n${deep}`);
    const test = await runCli(['test', suite]);
    expect(test.code).toBe(1);
    located(test.stdout + test.stderr, suite);

    const map = write('deep.map.yaml', `kind: map\ntables:\n${deep}`);
    const payout = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/crm/amocrm', '--map', map, '--period', '2026-03']);
    expect(payout.code).toBe(1);
    located(payout.stderr, map);
  });
});

describe('a line indented past the key above it', () => {
  const problemsOf = (text: string) => readYaml('s.yaml', text).problems.map((p) => [p.line, p.column, p.message]);

  it('is reported on that line, where the extra spaces are, not on the key above', () => {
    expect(problemsOf('x:\n  amount: 1500\n   recoverable: true\n')).toEqual([
      [3, 4, "YAML syntax error: 'recoverable' is indented 1 space more than 'amount' on line 2, so it is read as part of amount's value"],
    ]);
    // after a value that runs on over lines, at the line with the ':'
    expect(problemsOf('x:\n  a: hello world\n    more text\n     b: 2\n')).toEqual([[4, 6, "YAML syntax error: 'b' is indented 3 spaces more than 'a' on line 2, so it is read as part of a's value"]]);
  });

  it('two such lines in a row are one problem, at the first', () => {
    expect(problemsOf('x:\n  a: 1\n   b: 2\n   c: 3\n')).toEqual([[3, 4, "YAML syntax error: 'b' is indented 1 space more than 'a' on line 2, so it is read as part of a's value"]]);
  });

  it("a key that runs on from a line without ':' is told so; a second ':' on one line keeps its own words", () => {
    expect(problemsOf('key\ncontinued: 1\n')).toEqual([[2, 1, "YAML syntax error: the key 'continued' on line 2 runs on from line 1: a key must be on one line"]]);
    expect(problemsOf('a: b: c\n')).toEqual([[1, 4, "YAML syntax error: a second ':' on the line makes the value a mapping, which is not allowed here"]]);
  });
});
