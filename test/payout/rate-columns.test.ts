import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-rate-columns-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCHEME = join(tmp, 'per-rep-rate.yaml');
writeFileSync(SCHEME, 'name: per-rep rate\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: {column: base}}\n  - {id: commission, type: commission, measure: revenue, rate: {column: rate}}\n');

let folders = 0;
/** a number cell as CSV writes it */
const cell = (text: string) => (text.includes(' ') || text.includes(',') ? `"${text}"` : text);

/**
 * payout of March for reps whose rate column says these, each with a sale of
 * 1,000: in reps.csv, or in plans.csv's rows for March (reps.csv then says
 * 1 %); in either file the rate's cell is at column 12
 */
async function payWithRates(rates: string[], file: 'reps.csv' | 'plans.csv' = 'reps.csv') {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  const inReps = file === 'reps.csv';
  writeFileSync(join(dir, 'reps.csv'), `id,name,base,rate\n${rates.map((rate, i) => `r${i},R${i},1000,${inReps ? cell(rate) : '0.01'}`).join('\n')}\n`);
  if (!inReps) writeFileSync(join(dir, 'plans.csv'), `rep_id,month,rate\n${rates.map((rate, i) => `r${i},2026-03,${cell(rate)}`).join('\n')}\n`);
  writeFileSync(join(dir, 'clients.csv'), `id,owner\n${rates.map((_, i) => `c${i},r${i}`).join('\n')}\n`);
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${rates.map((_, i) => `t${i},2026-03-10,c${i},1000`).join('\n')}\n`);
  return runCli(['payout', SCHEME, '--data', dir, '--format', 'csv']);
}

// plans.csv's cell for the month is read as reps.csv's: one reader, the same answers at its own cell
describe.each(['reps.csv', 'plans.csv'] as const)("a rate of pay in a rep's column of %s", (file) => {
  const at = file.replace('.', '\\.');
  it("reads '5%' and '5 %' as 5 %, as 0.05 is", async () => {
    const r = await payWithRates(['5%', '5 %', '0.05'], file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes(',commission,'))).toEqual([
      'r0,R0,2026-03,commission,commission,pay,2026-03,50.00,true,',
      'r1,R1,2026-03,commission,commission,pay,2026-03,50.00,true,',
      'r2,R2,2026-03,commission,commission,pay,2026-03,50.00,true,',
    ]);
  });

  it("is an error at its cell above 100 % unless written as a percentage, as a scheme's rate is: 5 is not 500 %", async () => {
    const r = await payWithRates(['5', '150%'], file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${file}:2:12: error: component 'commission' reads column 'rate' as a rate, and rep 'r0' has 5 there: 500 %; a rate above 100 % is written as a percentage (write 5% or 0.05 for 5 %, or 500% if 500 % is meant) [rate-range]`,
    );
    // 150% is taken as written (and warned about as any rate above 100 %)
    expect(r.stderr).not.toContain("rep 'r1' has 150%");
  });

  it(`pays '150%' as written, warning at its cell with the forms ${file} takes a rate in`, async () => {
    const r = await payWithRates(['0.05', '150%'], file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('r1,R1,2026-03,commission,commission,pay,2026-03,1500.00,true,');
    expect(r.stderr.split('\n').filter((l) => l.includes('[rate-range]'))).toEqual([
      expect.stringMatching(
        new RegExp(`${at}:3:12: warning: component 'commission' pays rep 'r1' at the rate in his column 'rate' of ${at}, 150%: 150 %, 1\\.5 times what it is on \\(${at} takes a rate as 5%, 5 % or 0\\.05 for 5 %; leave 150% only if 150 % is meant\\) \\[rate-range\\]$`),
      ),
    ]);
  });
});

describe("a rate of pay in a rep's column", () => {
  it("says, at the cell, that a rate column takes '5%' when it holds text", async () => {
    const r = await payWithRates(['ten']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reps\.csv:2:12: error: component 'commission' reads column 'rate', but rep 'r0' has 'ten' there, not a number, for 2026-03 \(write a rate there \(5%, 5 % or 0\.05 for 5 %\), or give rows to plans\.csv/);
  });
});

describe("a percentage in plans.csv's column for a month", () => {
  it("refuses '5%' at its cell in a column that is no rate (a plan's), as reps.csv does", async () => {
    const dir = join(tmp, `d${folders++}`);
    mkdirSync(dir);
    const scheme = join(tmp, 'per-rep-quota.yaml');
    writeFileSync(scheme, 'name: per-rep quota\ncurrency: EUR\nplans:\n  quota: {measure: revenue, column: quota}\ncomponents:\n  - {id: bonus, type: bonus, plan: quota, threshold: 100%, amount: 100}\n');
    writeFileSync(join(dir, 'reps.csv'), 'id,name,quota\nr0,R0,1000\n');
    writeFileSync(join(dir, 'plans.csv'), 'rep_id,month,quota\nr0,2026-03,5%\n');
    writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc0,r0\n');
    writeFileSync(join(dir, 'transactions.csv'), 'id,date,client_id,revenue\nt0,2026-03-10,c0,1000\n');
    const r = await runCli(['payout', scheme, '--data', dir, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "plans.csv:2:12: error: plan 'quota' reads column 'quota', but rep 'r0' has '5%' there, not a number, for 2026-03 (write a plain number there (a rate as a fraction: 0.05 for 5 %)) [csv-missing-column]",
    );
  });
});
