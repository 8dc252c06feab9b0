import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula } from '../../src/core/formula/parse.js';
import { runCli } from '../helpers/cli.js';

const errorOf = (text: string) => {
  const r = parseFormula(text);
  return 'error' in r ? r.error : undefined;
};

describe('every formula error names the character where it is', () => {
  it.each([
    ['a ** 2', 2, "'**' is not allowed"],
    ['!a', 0, "'!' takes a comparison"],
    ['a > 1', 0, 'a comparison gives yes or no, not a number'],
    ['if(a > 1, 2)', 0, 'if() takes a condition, the value when it holds and the value when not'],
    ['if(a, 1, 2)', 0, 'if() takes a comparison'],
    ['if(a > 1, b < 2, 3)', 0, 'a comparison gives yes or no, not a number'],
    ['a > 1 && 2', 6, "'&&' takes a comparison"],
    ['clamp(a, 1)', 0, 'clamp() takes a value, its lowest and its highest'],
    ['a === b', 2, "'===' is not allowed"],
    ['a % b', 2, "'%' is not allowed: write a rate as a fraction (5 % is 0.05)"],
    ['1.5 + foo.bar', 9, "only 'rep.<column>' may use a dot"],
    ['rep[1]', 3, "only 'rep.<column>' may use a dot"],
    ['2 * foo(1)', 4, "unknown function 'foo'"],
    ['2 * min(1)', 4, 'min() needs at least two arguments'],
    ['a ? b : c', 2, "'a ? b : c' is not allowed; write if(a, b, c)"],
    ['a b', 2, 'two values stand side by side with no operator between them'],
    ['1 + "s"', 4, '"s" is not a number'],
    ['clients_owned * (4000 +', 23, 'Expected expression after +'],
    ['1 + prior(revenue)', 4, 'prior() takes an expression, a period'],
    ['prior(revenue, week)', 0, "prior()'s second argument is the period to look back by: month, quarter, year"],
    ['prior(revenue, year, 0)', 0, "prior()'s third argument is how many periods back: a whole number from 1 to 10"],
    ['prior(revenue, year, 1.5)', 0, 'a whole number from 1 to 10'],
    ['2 * prior(prior(revenue, year), year)', 10, 'prior() inside prior() is not allowed'],
  ])('%s: at character %i', (text, index, says) => {
    const e = errorOf(text);
    expect(e?.index).toBe(index);
    expect(e?.message).toContain(says);
  });

  it.each([
    ['1,5 * revenue', 1, "',' is not allowed in a number: write 1.5"],
    ['revenue * 1,25 + 2', 11, "',' is not allowed in a number: write 1.25"],
    ['revenue × 2', 8, "'×' is not an operator: write *"],
    ['revenue÷deals', 7, "'÷' is not an operator: write /"],
    ['revenue ≥ 3', 8, "'≥' is not an operator: write >="],
    ['revenue * 2 €', 12, "'€' is not allowed in a formula"],
    ['revenue *\u00a02', 9, 'a special space (U+00A0) is not allowed in a formula: write a plain space'],
    ['  ', 0, 'a formula that is only spaces is empty'],
    ['rep.', 0, "'rep.' needs a column name (e.g. rep.quota)"],
    ['2 * rep. + 1', 4, "'rep.' needs a column name (e.g. rep.quota)"],
    ['if(revenue > 0 and deals > 1, 1, 0)', 15, "'and' is not an operator: write &&"],
    ['if(revenue > 0 OR deals > 1, 1, 0)', 15, "'OR' is not an operator: write ||"],
    ['revenue = 3', 8, "'=' is not allowed: write == to compare"],
    ['(1, 2) * revenue', 2, "'(a, b)' is not allowed"],
  ])('%s: said in the words of the formula language, at character %i', (text, index, says) => {
    const e = errorOf(text);
    expect(e?.index).toBe(index);
    expect(e?.message).toContain(says);
    expect(e?.message).not.toMatch(/Compound|Expression|unexpected/i);
  });

  it.each([
    ['1 / 0', 2, 'it divides by 0'],
    ['revenue / 2 + deals / (2 - 2)', 20, "it divides by '2 - 2', which is always 0"],
    ['if(revenue > 0, revenue / min(0, 1), 0)', 24, "it divides by 'min(0, 1)', which is always 0"],
    ['1 / (1 / 0)', 7, 'it divides by 0'],
  ])('%s: a divisor written as 0 is refused at its /, character %i', (text, index, says) => {
    expect(errorOf(text)).toEqual({ message: says, index });
  });

  it('a divisor that reads the data, or a constant that is not 0, is left to the payout', () => {
    for (const text of ['revenue / deals', 'revenue / rep.quota', 'revenue / (2 - 1)', 'if(deals != 0, revenue / deals, 0)', 'max(1,5) * revenue']) {
      expect(errorOf(text), text).toBeUndefined();
    }
  });

  it('a formula 50,000 terms long is refused where it passes the length limit', () => {
    const e = errorOf(Array.from({ length: 50_000 }, () => 'clients_owned').join(' + '));
    expect(e).toEqual({ message: 'it is 799,997 characters long; a formula may have at most 1,000', index: MAX_FORMULA_LENGTH });
  });

  it.each([
    // the 51st '(' / the 51st call's '(' / the 52nd sign, which nests the 51st level
    ['parentheses', (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`, 50],
    ['calls', (n: number) => `${'min(1, '.repeat(n)}1${')'.repeat(n)}`, 50 * 7 + 3],
    ['signs', (n: number) => `${'-'.repeat(n + 1)}1`, 51],
  ])('%s nested up to the limit parse, one more level is refused where it starts', (_, nested, index) => {
    expect(errorOf(nested(MAX_FORMULA_DEPTH))).toBeUndefined();
    expect(errorOf(nested(MAX_FORMULA_DEPTH + 1))).toEqual({ message: 'it nests more than 50 levels deep (parentheses, function calls and signs)', index });
  });

  it('the longest formula allowed, all terms, parses (no stack overflow in the parser or the conversion)', () => {
    const text = Array.from({ length: 500 }, () => 'a').join('+');
    expect(text.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect('ast' in parseFormula(text)).toBe(true);
  });
});

describe('validate finds a division by a written 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-div0-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("as an error at the '/', not a scheme that passes and stops while paying", async () => {
    const file = join(dir, 'div0.yaml');
    writeFileSync(file, 'name: div0\ncurrency: EUR\ncomponents:\n  - {id: f, type: formula, formula: "revenue / (deals - 2)"}\n  - {id: g, type: formula, formula: "1 / 0"}\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:5:40: error: formula of component 'g': it divides by 0 (at character 3)`);
    expect(r.stdout).toContain('1 error in 1 of 1 file');
  });
});

describe('validate names the line and column of a formula too long', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-formula-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('50,000 terms: exit 1, at the character past the limit', async () => {
    const file = join(dir, 'long.yaml');
    const formula = Array.from({ length: 50_000 }, () => 'clients_owned').join(' + ');
    writeFileSync(file, `name: Long\ncurrency: EUR\nplans:\n  p:\n    measure: revenue\n    formula: "${formula}"\ncomponents:\n  - {id: s, type: salary, amount: 1}\n`);
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:6:1015: error: formula of plan 'p': it is 799,997 characters long; a formula may have at most 1,000 (at character 1001)`);
    expect(r.stdout).not.toContain('NaN');
  });
});
