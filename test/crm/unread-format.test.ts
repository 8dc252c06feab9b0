import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * A one-character mistake in a map's date_format or decimal makes every row
 * of an export file unreadable: that is one error at the map's key (exit 1,
 * nothing paid), not a warning per row and a payout of salaries only.
 */
const MAP = 'fixtures/crm/amocrm.map.yaml';
const EXPORT = 'fixtures/crm/amocrm';
const SCHEME = 'schemes/radio-territory.yaml';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-unread-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** the amoCRM map with one line changed, written in the temp folder */
function mapWith(name: string, from: string, to: string): string {
  const text = readFileSync(join(ROOT, MAP), 'utf8');
  expect(text).toContain(from);
  const file = join(tmp, name);
  writeFileSync(file, text.replace(from, to));
  return file;
}

const dateMap = mapWith('dateformat.map.yaml', 'date_format: DD.MM.YYYY', 'date_format: DD/MM/YY');
const decimalMap = mapWith('decimal.map.yaml', 'decimal: ","', 'decimal: "."');

describe('a date_format that reads none of an export file’s dates', () => {
  it('payout stops with an error at the map’s date_format line, suggesting the format the dates are in; nothing on stdout', async () => {
    const r = await runCli(['payout', SCHEME, '--data', EXPORT, '--map', dateMap, '--period', '2026-03']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${dateMap}:12:1: error: no date in ${EXPORT}/payments.csv reads as DD/MM/YY, so no row of it loads (24 of 24 rows, e.g. '03.10.2025' in 'Дата счёта'); they read as DD.MM.YYYY (change date_format to DD.MM.YYYY) [not-a-date]`,
    );
    expect(r.stderr).toContain(`${dateMap}:12:1: error: no date in ${EXPORT}/users.csv reads as DD/MM/YY, so no row of it loads (5 of 5 rows, e.g. '01.03.2022' in 'Дата приёма')`);
    expect(r.stderr).not.toContain('No rep was employed');
  });

  it('validate fails on it too (exit 1), keeps the summary lines, and drops the per-row warnings the error stands for', async () => {
    const r = await runCli(['validate', EXPORT, '--map', dateMap]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('1 file valid');
    expect(r.stdout).toMatch(/^4 errors, \d+ warnings in 1 of 1 file$/m);
    expect(r.stdout).not.toMatch(/warning: .* is not a date in the map's format/);
    expect(r.stderr).toContain(`mapped ${EXPORT}/users.csv as reps: 5 rows, 5 skipped (5 bad dates)`);
    expect(r.stderr).toContain(`mapped ${EXPORT}/payments.csv as transactions: 24 rows, 24 skipped (24 bad dates)`);
  });

  it('simulate and calibrate stop on it as payout does', async () => {
    const sim = await runCli(['simulate', SCHEME, '--data', EXPORT, '--map', dateMap, '--runs', '10']);
    expect(sim.code).toBe(1);
    expect(sim.stdout).toBe('');
    expect(sim.stderr).toContain(`${dateMap}:12:1: error: no date in ${EXPORT}/payments.csv reads as DD/MM/YY`);
    const cal = await runCli(['calibrate', '--data', EXPORT, '--map', dateMap, '--out', join(tmp, 'calibrated.yaml')]);
    expect(cal.code).toBe(1);
    expect(cal.stderr).toContain(`${dateMap}:12:1: error: no date in ${EXPORT}/payments.csv reads as DD/MM/YY`);
  });

  it('an export in another format than the map’s DD.MM.YYYY: the error names MM/DD/YYYY, the one format reading them all', async () => {
    const dir = join(tmp, 'us-dates');
    cpSync(join(ROOT, EXPORT), dir, { recursive: true });
    const payments = join(dir, 'payments.csv');
    writeFileSync(payments, readFileSync(payments, 'utf8').replace(/(\d\d)\.(\d\d)\.(\d{4})/g, '$2/$1/$3'));
    const r = await runCli(['validate', dir, '--map', MAP]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${MAP}:12:1: error: no date in ${dir}/payments.csv reads as DD.MM.YYYY, so no row of it loads (24 of 24 rows, e.g. '10/03/2025' in 'Дата счёта'); they read as MM/DD/YYYY (change date_format to MM/DD/YYYY) [not-a-date]`,
    );
  });

  it('a few rows with bad dates stay warnings: the rows that read are paid', async () => {
    const r = await runCli(['validate', 'fixtures/crm/amocrm-bad', '--map', MAP]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('error:');
    expect(r.stdout).toContain("'Дата счёта' (date): '03/15/2026' is not a date in the map's format DD.MM.YYYY");
  });
});

describe('a decimal that reads none of an export file’s numbers', () => {
  it('payout stops with an error at the map’s decimal line, suggesting the decimal comma; nothing on stdout, no salaries-only payout', async () => {
    const r = await runCli(['payout', SCHEME, '--data', EXPORT, '--map', decimalMap, '--period', '2026-03']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${decimalMap}:11:1: error: no number in ${EXPORT}/payments.csv reads with a decimal point, so no row of it loads (24 of 24 rows, e.g. '48 250,00' in 'Сумма, руб.'); they read with a decimal comma (change decimal to ',') [not-a-number]`,
    );
    expect(r.stderr).toContain(`mapped ${EXPORT}/payments.csv as transactions: 24 rows, 24 skipped (24 bad numbers)`);
  });

  it('validate fails on it (exit 1); a file some of whose rows still read (calls.csv) keeps its row warnings', async () => {
    const r = await runCli(['validate', EXPORT, '--map', decimalMap]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1 error, 10 warnings in 1 of 1 file$/m);
    expect(r.stdout).not.toMatch(/payments\.csv:\d+:\d+: warning: .*not a number/);
    expect(r.stdout).toMatch(/calls\.csv:\d+:\d+: warning: 'Длительность, ч' \(hours\): '0,5' is not a number written with a decimal point/);
    expect(r.stderr).toContain(`mapped ${EXPORT}/calls.csv as activity: 12 rows, 10 skipped (10 bad numbers)`);
  });
});
