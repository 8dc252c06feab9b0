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
/** payout of March for reps whose rate column says these, each with a sale of 1,000 */
async function payWithRates(rates: string[]) {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  const reps = rates.map((rate, i) => `r${i},R${i},1000,${rate.includes(' ') || rate.includes(',') ? `"${rate}"` : rate}`);
  writeFileSync(join(dir, 'reps.csv'), `id,name,base,rate\n${reps.join('\n')}\n`);
  writeFileSync(join(dir, 'clients.csv'), `id,owner\n${rates.map((_, i) => `c${i},r${i}`).join('\n')}\n`);
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${rates.map((_, i) => `t${i},2026-03-10,c${i},1000`).join('\n')}\n`);
  return runCli(['payout', SCHEME, '--data', dir, '--format', 'csv']);
}

describe("a rate of pay in a rep's column", () => {
  it("reads '5%' and '5 %' as 5 %, as 0.05 is", async () => {
    const r = await payWithRates(['5%', '5 %', '0.05']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes(',commission,'))).toEqual([
      'r0,R0,2026-03,commission,commission,pay,2026-03,50.00,true,',
      'r1,R1,2026-03,commission,commission,pay,2026-03,50.00,true,',
      'r2,R2,2026-03,commission,commission,pay,2026-03,50.00,true,',
    ]);
  });

  it('is an error above 100 % unless written as a percentage, as a scheme\'s rate is: 5 is not 500 %', async () => {
    const r = await payWithRates(['5', '150%']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "reps.csv:2:12: error: component 'commission' reads column 'rate' as a rate, and rep 'r0' has 5 there: 500 %; a rate above 100 % is written as a percentage (write 5% or 0.05 for 5 %, or 500% if 500 % is meant) [rate-range]",
    );
    // 150% is taken as written (and warned about as any rate above 100 %)
    expect(r.stderr).not.toContain("rep 'r1' has 150%");
  });

  it("pays '150%' as written, warning at its cell with the forms reps.csv takes a rate in", async () => {
    const r = await payWithRates(['0.05', '150%']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('r1,R1,2026-03,commission,commission,pay,2026-03,1500.00,true,');
    expect(r.stderr.split('\n').filter((l) => l.includes('[rate-range]'))).toEqual([
      expect.stringMatching(
        /reps\.csv:3:12: warning: component 'commission' pays rep 'r1' at the rate in his column 'rate' of reps\.csv, 150%: 150 %, 1\.5 times what it is on \(reps\.csv takes a rate as 5%, 5 % or 0\.05 for 5 %; leave 150% only if 150 % is meant\) \[rate-range\]$/,
      ),
    ]);
  });

  it("warns at plans.csv's cell of a plain rate above 100 % there, which plans.csv reads as a fraction only, and pays it as written", async () => {
    const dir = join(tmp, `d${folders++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'reps.csv'), 'id,name,base,rate\nr0,R0,1000,0.05\n');
    writeFileSync(join(dir, 'plans.csv'), 'rep_id,month,rate\nr0,2026-03,5\n');
    writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc0,r0\n');
    writeFileSync(join(dir, 'transactions.csv'), 'id,date,client_id,revenue\nt0,2026-03-10,c0,1000\n');
    const r = await runCli(['payout', SCHEME, '--data', dir, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('r0,R0,2026-03,commission,commission,pay,2026-03,5000.00,true,');
    expect(r.stderr.split('\n').filter((l) => l.includes('[rate-range]'))).toEqual([
      expect.stringMatching(
        /plans\.csv:2:12: warning: component 'commission' pays rep 'r0' at the rate in his column 'rate' of plans\.csv, 5: 500 %, 5 times what it is on \(plans\.csv reads a rate as a fraction only, not as '5%' as reps\.csv does: write 0\.05 for 5 %, or leave 5 if 500 % is meant\) \[rate-range\]$/,
      ),
    ]);
  });

  it("says, at the cell, that a rate column takes '5%' when it holds text", async () => {
    const r = await payWithRates(['ten']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reps\.csv:2:12: error: component 'commission' reads column 'rate', but rep 'r0' has 'ten' there, not a number, for 2026-03 \(write a rate there \(5%, 5 % or 0\.05 for 5 %\), or give rows to plans\.csv/);
  });
});
