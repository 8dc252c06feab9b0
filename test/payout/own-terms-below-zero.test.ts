import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import { formatProblem } from '../../src/core/problems/format.js';
import type { PayoutResult } from '../../src/core/types.js';
import { runCli } from '../helpers/cli.js';
import { datasetOf, linesOf, paid, pay, payout, schemeOf, toFloatDataset, type Rows } from '../helpers/dataset.js';

// A cap, a rate of pay, a plan or a salary of the rep's own below 0 is a mistake of his data: it was paid as written,
// silently (a 500.00 commission capped at -100 paid -100.00, a -100.00 fine paid +100.00). Now: a cap below 0 is an
// error, as a written one is, and allows no pay; the others are warnings, as written ones are (docs/schemes.md#per-rep-terms).

/** ana with these columns in reps.csv, and a sale of 10,000 in March 2026 */
const ana = (columns: Record<string, string | number>, extra: Partial<Rows> = {}): Rows => ({
  reps: [{ id: 'ana', name: 'Ana', ...columns }],
  clients: [{ id: 'k1', owner: 'ana' }],
  transactions: [{ id: 't1', date: '2026-03-10', client_id: 'k1', revenue: 10000, cost: 0 }],
  ...extra,
});

/** the problems of a code as the CLI prints them (a dataset made in memory knows no cell's column: 1) */
const said = (r: PayoutResult<unknown>, code: string) => r.problems.filter((p) => p.code === code).map(formatProblem);

const CAPPED = `name: own cap
currency: EUR
components:
  - {id: commission, type: commission, measure: revenue, rate: 5%, cap: {column: mycap}}
  - {id: fine, type: fine, measure: revenue, rate: 1%, cap: {column: mycap}}
`;

describe("a cap of the rep's own below 0", () => {
  it('pays nothing on the lines it caps, instead of turning their sign, and is an error once at his cell', () => {
    const r = pay(CAPPED, ana({ mycap: -100 }), '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('0.00');
    expect(paid(r, 'ana', '2026-03', 'fine')).toBe('0.00');
    expect(said(r, 'negative-cap')).toEqual([
      "reps.csv:2:1: error: component 'commission' reads column 'mycap' as a cap, and rep 'ana' has -100 there: a cap below 0 allows no pay, so the line pays nothing (a cap is the most one line pays, 0 or more (a fine is limited to minus it): correct his value in reps.csv) [negative-cap]",
    ]);
  });

  it('worked out by a formula, is an error at the formula and the bonus it caps pays nothing', () => {
    const r = pay(
      `name: own cap\ncurrency: EUR\ncomponents:\n  - {id: b, type: bonus, measure: deals, threshold: 1, amount: 5, cap: {formula: "rep.ceiling - 10"}}\n`,
      ana({ ceiling: 0 }),
      '2026-03',
    );
    expect(paid(r, 'ana', '2026-03', 'b')).toBe('0.00');
    expect(said(r, 'negative-cap')).toEqual([
      expect.stringMatching(/^test-scheme\.yaml:4:\d+: error: component 'b' works out rep 'ana''s cap as rep\.ceiling - 10 = -10\.00 for 2026-03: a cap below 0 allows no pay/),
    ]);
  });

  it('says in --explain that the cap was taken as 0', () => {
    const r = pay(CAPPED, ana({ mycap: -100 }), '2026-03', '2026-03', { explain: true });
    expect(linesOf(r, 'ana', '2026-03', 'commission')[0].explain?.notes).toContain('cap rep.mycap = -100, below 0: taken as 0');
  });

  it('leaves a cap of 0 or more as it was, with nothing said', () => {
    const r = pay(CAPPED, ana({ mycap: 100 }), '2026-03');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('100.00');
    expect(paid(r, 'ana', '2026-03', 'fine')).toBe('-100.00');
    expect(r.problems).toEqual([]);
  });

  it('pays nothing in floating point too (the simulation), with the same problem', () => {
    const scheme = schemeOf(CAPPED);
    const r = payout(scheme, toFloatDataset(datasetOf(ana({ mycap: -100 }))), '2026-03', '2026-03', { A: floatArith });
    const lines = linesOf(r, 'ana', '2026-03').map((l) => [l.component, Math.abs(l.amount)]);
    expect(lines).toEqual([
      ['commission', 0],
      ['fine', 0],
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['negative-cap']);
  });
});

const RATED = `name: own rate
currency: EUR
plans:
  quota: {measure: revenue, column: quota}
components:
  - {id: commission, type: commission, measure: revenue, rate: {column: myrate}}
  - {id: bonus, type: bonus, plan: quota, threshold: 100%, amount: 10}
`;

describe("a rate of pay of the rep's own below 0", () => {
  it('is paid as written, as a written negative rate is, with a warning once at his cell', () => {
    const r = pay(RATED, ana({ myrate: '-5%', quota: 1000 }), '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('-500.00');
    expect(said(r, 'rate-range')).toEqual([
      "reps.csv:2:1: warning: component 'commission' reads column 'myrate' as a rate, and rep 'ana' has -5% there: below 0, it turns the line's sign (a commission takes pay off, a fine adds pay) (a rate of pay is 0 or more (reps.csv takes 5%, 5 % or 0.05 for 5 %); pay is taken off by a fine: correct his value in reps.csv) [rate-range]",
    ]);
  });

  it("in a tier band, is warned about at plans.csv's cell for the month it is read", () => {
    const r = pay(
      `name: tier\ncurrency: EUR\ncomponents:\n  - {id: t, type: commission, measure: revenue, tiers: {measure: revenue, bands: [{from: 0, to: 5000, rate: {column: r}}, {from: 5000, rate: 5%}]}}\n`,
      ana({ r: '1%' }, { plans: [{ rep_id: 'ana', month: '2026-03', r: '-2%' }] }),
      '2026-03',
    );
    expect(paid(r, 'ana', '2026-03', 't')).toBe('150.00'); // -2 % of 5,000 + 5 % of 5,000
    expect(said(r, 'rate-range')).toEqual([expect.stringMatching(/^plans\.csv:2:1: warning: component 't' reads column 'r' as a rate, and rep 'ana' has -2% there: below 0/)]);
  });
});

describe("a plan of the rep's own below 0", () => {
  it('is no plan, as before, and says so once at his cell', () => {
    const r = pay(RATED, ana({ myrate: '5%', quota: -3 }), '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'bonus')).toBe('0.00');
    expect(said(r, 'negative-value')).toEqual([
      "reps.csv:2:1: warning: plan 'quota' reads column 'quota', and rep 'ana' has -3 there: a plan below 0 is no plan (his attainment is 0 %) (a plan is 0 or more: correct his value in reps.csv) [negative-value]",
    ]);
  });

  it('worked out by a formula, is warned about at the formula', () => {
    const r = pay(
      `name: own plan\ncurrency: EUR\nplans:\n  quota: {measure: revenue, formula: "rep.target - 100"}\ncomponents:\n  - {id: bonus, type: bonus, plan: quota, threshold: 100%, amount: 10}\n`,
      ana({ target: 40 }),
      '2026-03',
    );
    expect(said(r, 'negative-value')).toEqual([expect.stringMatching(/^test-scheme\.yaml:4:\d+: warning: plan 'quota' works out rep 'ana''s plan as rep\.target - 100 = -60 for 2026-03: a plan below 0 is no plan/)]);
  });
});

describe("a salary or a bonus of the rep's own below 0", () => {
  it('is paid as written, as a written one is, with a warning at the formula naming the amount', () => {
    const r = pay(`name: own salary\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: {formula: "rep.base - rep.ote"}}\n`, ana({ base: 5000, ote: 120000 }), '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 's')).toBe('-115000.00');
    expect(said(r, 'negative-value')).toEqual([
      expect.stringMatching(/^test-scheme\.yaml:4:\d+: warning: component 's' works out rep 'ana''s salary as rep\.base - rep\.ote = -115,000\.00 for 2026-03: below 0, it takes pay off/),
    ]);
  });
});

// `motiv validate SCHEME DATA` reads the same cells, and says the same, without paying
const tmp = mkdtempSync(join(tmpdir(), 'motiv-below-zero-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate of a scheme with its data', () => {
  it("reports a cap, a rate and a plan below 0 in the rep's cells as payout does, without paying", async () => {
    const dir = join(tmp, 'data');
    mkdirSync(dir);
    writeFileSync(join(tmp, 'scheme.yaml'), `${RATED}  - {id: fine, type: fine, measure: revenue, rate: 1%, cap: {column: mycap}}\n`);
    writeFileSync(join(dir, 'reps.csv'), 'id,name,myrate,quota,mycap\nana,Ana,-5%,-3,-100\nben,Ben,5%,1000,100\n');
    writeFileSync(join(dir, 'clients.csv'), 'id,owner\nk1,ana\n');
    writeFileSync(join(dir, 'transactions.csv'), 'id,date,client_id,revenue,cost\nt1,2026-03-10,k1,10000,0\n');
    const v = await runCli(['validate', join(tmp, 'scheme.yaml'), dir]);
    expect(v.code, v.stderr + v.stdout).toBe(1);
    const out = v.stdout + v.stderr;
    expect(out).toMatch(/reps\.csv:2:16: error: component 'fine' reads column 'mycap' as a cap, and rep 'ana' has -100 there: .*\[negative-cap\]/);
    expect(out).toMatch(/reps\.csv:2:9: warning: component 'commission' reads column 'myrate' as a rate, and rep 'ana' has -5% there: .*\[rate-range\]/);
    expect(out).toMatch(/reps\.csv:2:13: warning: plan 'quota' reads column 'quota', and rep 'ana' has -3 there: .*\[negative-value\]/);
    expect(out).not.toContain("rep 'ben'");
    const p = await runCli(['payout', join(tmp, 'scheme.yaml'), '--data', dir]);
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/reps\.csv:2:16: error: component 'fine' reads column 'mycap' as a cap, and rep 'ana' has -100 there: .*\[negative-cap\]/);
  });

  it('says once, before a pay run, a column of his own the scheme reads that neither reps.csv nor plans.csv has (QA: validate passed, payout stopped at every rep)', async () => {
    const dir = join(tmp, 'no-quota');
    mkdirSync(dir);
    writeFileSync(join(tmp, 'quota.yaml'), 'name: q\ncurrency: EUR\nplans:\n  quota: {measure: revenue, column: quota}\ncomponents:\n  - {id: bonus, type: bonus, plan: quota, threshold: 100%, amount: 500}\n');
    writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\nben,Ben\n');
    writeFileSync(join(dir, 'clients.csv'), 'id,owner\nk1,ana\n');
    writeFileSync(join(dir, 'transactions.csv'), 'id,date,client_id,revenue,cost\nt1,2026-03-10,k1,10000,0\n');
    const v = await runCli(['validate', join(tmp, 'quota.yaml'), dir]);
    expect(v.code, v.stderr + v.stdout).toBe(1);
    const lines = (v.stdout + v.stderr).split('\n').filter((l) => l.includes('[csv-missing-column]'));
    expect(lines).toEqual([expect.stringMatching(/reps\.csv:2:1: error: plan 'quota' reads column 'quota' of each rep it pays, and neither reps\.csv nor plans\.csv has it: .*\[csv-missing-column\]$/)]);
    // and one a formula reads (QA: saas-ote's rep.quota without its column passed)
    writeFileSync(join(tmp, 'formula.yaml'), 'name: f\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: {formula: "rep.base / 2"}}\n');
    const f = await runCli(['validate', join(tmp, 'formula.yaml'), dir]);
    expect((f.stdout + f.stderr).split('\n').filter((l) => l.includes('[csv-missing-column]'))).toEqual([expect.stringMatching(/reps\.csv:2:1: error: component 's' reads column 'base' of each rep it pays/)]);
    writeFileSync(join(dir, 'plans.csv'), 'rep_id,month,quota\nana,2026-03,5000\n');
    const planned = await runCli(['validate', join(tmp, 'quota.yaml'), dir]);
    expect(planned.stdout + planned.stderr).not.toContain('[csv-missing-column]');
  });
});
