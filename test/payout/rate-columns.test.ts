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
      "reps.csv:2:1: error: component 'commission' reads column 'rate' as a rate, and rep 'r0' has 5 there: 500 %; a rate above 100 % is written as a percentage (write 5% or 0.05 for 5 %, or 500% if 500 % is meant) [rate-range]",
    );
    // 150% is taken as written (and warned about as any rate above 100 %)
    expect(r.stderr).not.toContain("rep 'r1' has 150%");
  });
});
