import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-validate-results-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('validate on a CSV that is a result of motiv, kept beside the inputs', () => {
  it('says once what it is and reads none of it, not a table of hundreds of errors (QA: validate . with results, 535 errors)', async () => {
    const sim = join(root, 's.csv');
    const pay = join(root, 'p.csv');
    expect((await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '2', '--months', '1', '--workers', '1', '--quiet', '--format', 'csv', '--out', sim])).code).toBe(0);
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--format', 'csv', '--out', pay])).code).toBe(0);
    const v = await runCli(['validate', sim, pay]);
    expect(v.code, v.stdout).toBe(0);
    const lines = v.stdout.split('\n').filter((l) => l.includes(': warning: ') || l.includes(': error: '));
    expect(lines).toEqual([
      expect.stringMatching(/s\.csv:1:1: warning: a result of motiv simulate \(or merge\) --format csv, not a table of a dataset: not read .*\[unknown-file-kind\]$/),
      expect.stringMatching(/p\.csv:1:1: warning: a result of motiv payout --format csv, not a table of a dataset: not read .*\[unknown-file-kind\]$/),
    ]);
  });
});
