import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-client-life-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** the inconsistent-dates problems of a dataset with these clients.csv rows and sales (client, day) */
async function lifeProblems(clients: string[], sales: [string, string, number?][]) {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), `id,owner,signed_date,activated_date,lost_date\n${clients.join('\n')}\n`);
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${sales.map(([c, d, revenue], i) => `t${i + 1},${d},${c},${revenue ?? 100}`).join('\n')}\n`);
  const { problems } = await readDataset(dir);
  return problems.filter((p) => p.code === 'inconsistent-dates');
}

describe("a sale outside its client's life", () => {
  it('after its lost date is a warning at the first such sale, counting them', async () => {
    const problems = await lifeProblems(['c1,ana,2025-01-10,2025-02-01,2025-12-01'], [['c1', '2025-11-30'], ['c1', '2025-12-01'], ['c1', '2026-01-05'], ['c1', '2026-01-20']]);
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      // (not "paid as any sale" alone: a component whose clawback window the loss fell in pays them and takes them back at once, test/components/clawback.test.ts)
      ['warning', 4, 4, "client 'c1' was lost on 2025-12-01, but 2 sales to it are dated after that, the first on 2026-01-05: they are paid as any sale, and taken back at once by a clawback whose window the loss fell in"],
    ]);
  });

  it('is nothing for a credit note after its lost date: a refund of a lost client is no sale', async () => {
    expect(await lifeProblems(['c1,ana,2025-01-10,2025-02-01,2025-12-01'], [['c1', '2025-11-20'], ['c1', '2026-01-05', -100]])).toEqual([]);
  });

  it('before its signed date (else its activation) is a warning at that sale', async () => {
    const problems = await lifeProblems(['c5,ana,2026-01-10,,', 'c6,ana,,2026-02-01,'], [['c5', '2026-01-05'], ['c5', '2026-01-10'], ['c6', '2026-01-31']]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, "client 'c5' was signed on 2026-01-10, but a sale to it is dated before that (2026-01-05): it is paid as any sale"],
      [4, "client 'c6' became active on 2026-02-01, but a sale to it is dated before that (2026-01-31): it is paid as any sale"],
    ]);
  });

  it('is nothing for sales within its days, or to a client without dates', async () => {
    expect(await lifeProblems(['c1,ana,2025-01-10,,2026-03-01', 'c2,ana,,,'], [['c1', '2025-01-10'], ['c1', '2026-03-01'], ['c2', '2025-06-01'], ['c2', '2026-01-01']])).toEqual([]);
  });
});
