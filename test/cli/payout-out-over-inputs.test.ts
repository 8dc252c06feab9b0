import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** a copy of the radio fixture with a lock of 2026-03 in it, and a copy of the scheme beside it */
async function lockedRadio(): Promise<{ data: string; scheme: string; locks: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-out-inputs-'));
  const data = join(dir, 'radio');
  cpSync(join(ROOT, 'fixtures/radio'), data, { recursive: true });
  const scheme = join(dir, 'scheme.yaml');
  copyFileSync(join(ROOT, 'schemes/radio-territory.yaml'), scheme);
  const lock = await runCli(['payout', scheme, '--data', data, '--lock', '2026-03']);
  expect(lock.code, lock.stderr).toBe(0);
  return { data, scheme, locks: join(data, 'motiv-locks.json') };
}

describe('payout --out never replaces a file the same run reads, not even with --force', () => {
  it('refuses --out naming the lock file it reads (exit 2), and the lock record stays whole', async () => {
    const { data, scheme, locks } = await lockedRadio();
    const before = readFileSync(locks, 'utf8');
    for (const force of [[], ['--force']]) {
      const r = await runCli(['payout', scheme, '--data', data, '--period', '2026-04', '--out', locks, ...force]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--out '.*motiv-locks\.json' is the lock file \(the record of the months locked\), which motiv reads: write it elsewhere/);
      expect(readFileSync(locks, 'utf8')).toBe(before);
    }
    // a --locks file elsewhere too
    const other = join(data, '..', 'elsewhere.json');
    writeFileSync(other, before);
    const r = await runCli(['payout', scheme, '--data', data, '--period', '2026-04', '--locks', other, '--out', other, '--force']);
    expect(r.code, r.stderr).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe(before);
    // the later payout still reads the locks
    const later = await runCli(['payout', scheme, '--data', data, '--period', '2026-04']);
    expect(later.code, later.stderr).toBe(0);
  });

  it('refuses --out naming the lock file also where this run does not read it: --no-locks or another --locks (review: the record was replaced without --force)', async () => {
    const { data, scheme, locks } = await lockedRadio();
    const before = readFileSync(locks, 'utf8');
    const other = join(data, '..', 'other.json');
    writeFileSync(other, before);
    for (const reading of [['--no-locks'], ['--locks', other]]) {
      const r = await runCli(['payout', scheme, '--data', data, '--period', '2026-04', ...reading, '--out', locks]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('is the lock file (the record of the months locked), which motiv reads');
      expect(readFileSync(locks, 'utf8')).toBe(before);
    }
  });

  it('refuses --out naming the scheme, a table of --data or the map it reads, with --force too', async () => {
    const { data, scheme } = await lockedRadio();
    const schemeText = readFileSync(scheme, 'utf8');
    const onScheme = await runCli(['payout', scheme, '--data', data, '--period', '2026-04', '--out', scheme, '--force']);
    expect(onScheme.code).toBe(2);
    expect(onScheme.stderr).toContain("is the scheme, which motiv reads");
    expect(readFileSync(scheme, 'utf8')).toBe(schemeText);
    const transactions = join(data, 'transactions.csv');
    const table = readFileSync(transactions, 'utf8');
    const onTable = await runCli(['payout', scheme, '--data', data, '--period', '2026-04', '--format', 'csv', '--out', transactions, '--force']);
    expect(onTable.code).toBe(2);
    expect(onTable.stderr).toContain('is a table of the --data folder (transactions.csv), which motiv reads');
    expect(readFileSync(transactions, 'utf8')).toBe(table);
  });

  it('refuses --out naming the --map file it reads, with --force too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-out-map-'));
    const map = join(dir, 'amo.yaml');
    copyFileSync(join(ROOT, 'fixtures/crm/amocrm.map.yaml'), map);
    const text = readFileSync(map, 'utf8');
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', join(ROOT, 'fixtures/crm/amocrm'), '--map', map, '--out', map, '--force']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is the map, which motiv reads');
    expect(readFileSync(map, 'utf8')).toBe(text);
  });

  it('refuses --out naming an export file the map reads, its stage history too, with --force too (review: invoices.csv was replaced by the payout CSV)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-out-export-'));
    const data = join(dir, 'salesforce');
    cpSync(join(ROOT, 'fixtures/crm/salesforce'), data, { recursive: true });
    for (const file of ['invoices.csv', 'opportunity-history.csv']) {
      const target = join(data, file);
      const text = readFileSync(target, 'utf8');
      const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', data, '--map', join(ROOT, 'fixtures/crm/salesforce.map.yaml'), '--period', '2026-03', '--format', 'csv', '--out', target, '--force']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`is an export file the map reads (${file}), which motiv reads`);
      expect(readFileSync(target, 'utf8')).toBe(text);
    }
  });
});
