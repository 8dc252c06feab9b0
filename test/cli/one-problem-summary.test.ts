import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-one-summary-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** the summary lines of stderr ("1 error", "2 warnings", "1 error, 1 warning") */
const summaries = (stderr: string) => stderr.split('\n').filter((l) => /^\d+ (errors?|warnings?)(, \d+ warnings?)?$/.test(l));

describe("a command's problems from several stages are summed up once, after them all", () => {
  it('simulate: a warning of the scheme against the scenario and one of the engine are "2 warnings", not "1 warning" twice', async () => {
    const scheme = join(root, 'div0.yaml');
    writeFileSync(
      scheme,
      `name: E div0\ncurrency: EUR\nscenario: ${join(ROOT, 'scenarios/freight.yaml')}\nplans:\n  zp: {measure: gross_profit, monthly: 0}\n  cp: {measure: gross_profit, column: quota}\n` +
        'components:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: k, type: formula, formula: "gross_profit / zp * 10"}\n  - {id: b, type: bonus, plan: cp, threshold: 100%, amount: 500}\n',
    );
    const r = await runCli(['simulate', scheme, '--runs', '4', '--workers', '1', '--months', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*\[unknown-reference\]/);
    expect(r.stderr).toMatch(/warning: .*divides by zero.*\[formula\]/);
    // and after the runs, the bonus on a plan of a column no simulated rep has paid nothing (the formula's own warning says why it paid nothing)
    expect(r.stderr).toMatch(/warning: component 'b' paid nothing .*\[never-paid\]/);
    expect(r.stderr).not.toMatch(/component 'k' paid nothing/);
    expect(summaries(r.stderr)).toEqual(['3 warnings']);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('3 warnings');
  });

  it('calibrate: the warnings of the data and the error that stops it are one "1 error, N warnings"', async () => {
    const data = join(root, 'header-only');
    cpSync(join(ROOT, 'fixtures/radio'), data, { recursive: true });
    rmSync(join(data, 'activity.csv'), { force: true });
    writeFileSync(join(data, 'transactions.csv'), 'id,date,client_id,rep_id,revenue,cost,due_date,paid_date\n');
    const r = await runCli(['calibrate', '--data', data, '--out', join(root, 'c.yaml')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/warning: .*\[empty-table\]/);
    expect(r.stderr).toMatch(/error: no activity in .*\[file-not-found\]/);
    const [summary, ...more] = summaries(r.stderr);
    expect(more).toEqual([]);
    expect(summary).toBe(`1 error, ${r.stderr.split('\n').filter((l) => l.includes(': warning: ')).length} warnings`);
  });

  it('a command with problems of one stage still ends with its count', async () => {
    const r = await runCli(['payout', 'fixtures/invalid/unknown-key.yaml', '--data', 'fixtures/radio']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^\d+ errors?$/);
  });
});
