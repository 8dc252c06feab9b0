import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** a test file of one case paying July 2026, with expectations for the periods given */
function testFile(periods: string[], casePeriod = 'period: 2026-07'): string {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-expect-period-'));
  const expectations = periods.map((p) => `      - period: ${p}\n        total: 0\n`).join('');
  const text =
    `scheme: ${join(ROOT, 'schemes/leads-plan.yaml')}\ncases:\n  - name: july\n    ${casePeriod}\n    reps:\n      - {id: olga}\n    clients:\n      - {id: c1, owner: olga}\n` +
    `    transactions:\n      - {date: 2026-07-10, client_id: c1, revenue: 35999.99}\n    expect:\n${expectations}`;
  const file = join(dir, 'july.test.yaml');
  writeFileSync(file, text);
  return file;
}

describe("an expectation's period", () => {
  it("with no month among the case's months is an error at its period, in test and validate, not a comparison over no month", async () => {
    // (the expectation compared 0 over 2026-08..2026-07, a reversed span with no month in it, and passed)
    const file = testFile(['2026-08', '2025', '2026-Q4']);
    const run = await runCli(['test', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('..');
    const errors = run.stdout.split('\n').filter((l) => l.includes('[bad-value]'));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(`${file}:12:17: error: case 'july': the expectation's period 2026-08 has no month among the case's (2026-07)`);
    expect(errors[1]).toContain(`${file}:14:17: error: case 'july': the expectation's period 2025 (2025-01 to 2025-12) has no month among the case's (2026-07)`);
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(1);
    const placed = validate.stdout.split('\n').filter((l) => l.includes('[bad-value]'));
    expect(placed.map((l) => l.split(': error')[0])).toEqual([`${file}:12:17`, `${file}:14:17`, `${file}:16:17`]);
    expect(placed[0]).toContain("the expectation's period 2026-08 has no month among the case's (2026-07)");
  });

  it("is clipped to the case's months when some are left, and checked against the months of the inline rows of a case with no period", async () => {
    const clipped = await runCli(['test', testFile(['2026-Q3'])]);
    expect(clipped.stdout).toContain('olga  2026-07  total');
    const undated = testFile(['2026-08'], 'tolerance: 0');
    const validate = await runCli(['validate', undated]);
    expect(validate.stdout).toContain("the expectation's period 2026-08 has no month among the case's (2026-07)");
  });
});
