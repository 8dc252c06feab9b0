import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';
import { radioCopy } from '../helpers/data-folder.js';

/** a copy of the radio fixture, to add late transactions to */
interface PayoutJson {
  reps: { id: string; months: { month: string; total: string; total_minor: number; lines: { component: string; kind: string; amount_minor: number; target?: string; explain?: { rule: string } }[] }[] }[];
  totals: { pay: string };
}

async function payJson(args: string[]): Promise<PayoutJson> {
  const r = await runCli(['payout', 'schemes/radio-territory.yaml', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PayoutJson;
}

function month(doc: PayoutJson, rep: string, m: string) {
  return doc.reps.find((r) => r.id === rep)!.months.find((x) => x.month === m)!;
}

/** a sale of 12,345.67 to pet's client R09, dated in the locked month, paid in April */
const LATE_SALE = 'СЧ-9001;28.03.2026;R09;;12345,67;27.04.2026;10.04.2026\n';

describe('payout --lock', () => {
  it('keeps a locked month as locked after a late transaction, and pays exactly the difference as an adjustment in the next month', async () => {
    const data = radioCopy('locks');
    const lock = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03', '--format', 'json']);
    expect(lock.code, lock.stderr).toBe(0);
    expect(lock.stderr).toContain('locked 2026-03 in');
    const lockFile = JSON.parse(readFileSync(join(data, 'motiv-locks.json'), 'utf8'));
    expect(lockFile).toMatchObject({ format: 'motiv-locks', scheme: 'Radio - territories', currency: 'EUR', minor_units: 2, locks: [{ period: '2026-03' }] });
    expect(lockFile.locks[0].reps.find((r: { id: string }) => r.id === 'pet').total_minor).toBe(120223);

    const before = await payJson(['--data', data, '--from', '2026-03', '--to', '2026-04']);
    writeFileSync(join(data, 'transactions.csv'), readFileSync(join(data, 'transactions.csv'), 'utf8') + LATE_SALE);
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--from', '2026-03', '--to', '2026-04', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('locked period kept as locked');
    expect(r.stderr).toContain('pet: 2026-03 differs by +246.92 now, paid as an adjustment in 2026-04');
    const after = JSON.parse(r.stdout) as PayoutJson;
    const unlocked = await payJson(['--data', data, '--from', '2026-03', '--to', '2026-04', '--no-locks']);

    // the locked month is paid exactly as before the late sale, for every rep
    for (const rep of before.reps) expect(month(after, rep.id, '2026-03')).toEqual(month(before, rep.id, '2026-03'));
    // recomputed, pet's March pays 246.92 more: 1,449.15 against 1,202.23 locked
    expect(month(unlocked, 'pet', '2026-03').total).toBe('1449.15');
    expect(month(after, 'pet', '2026-03').total).toBe('1202.23');
    // April carries exactly the difference, on a line of its own that says why
    const adjustment = month(after, 'pet', '2026-04').lines.filter((l) => l.kind === 'adjustment');
    expect(adjustment).toEqual([expect.objectContaining({ component: 'late_change', target: '2026-03', amount_minor: 24692 })]);
    expect(month(after, 'pet', '2026-04').total_minor).toBe(month(unlocked, 'pet', '2026-04').total_minor + 24692);
    // no other rep moves, and the two months together pay what the unlocked recomputation pays
    for (const rep of after.reps.filter((x) => x.id !== 'pet')) expect(rep.months).toEqual(unlocked.reps.find((x) => x.id === rep.id)!.months);
    expect(after.totals.pay).toBe(unlocked.totals.pay);
  });

  it('tells that a rep who left in the locked month is owed its late change off-cycle, not to pay a later month', async () => {
    const data = radioCopy('locks');
    // pet leaves on 31 March: no month of his after the locked March is ever paid
    const reps = readFileSync(join(data, 'reps.csv'), 'utf8').split('\r\n'); // (the fixture's lines end in CRLF)
    const withEnd = reps.map((line, i) => (line === '' ? line : `${line};${i === 0 ? 'end_date' : line.startsWith('pet;') ? '31.03.2026' : ''}`));
    writeFileSync(join(data, 'reps.csv'), withEnd.join('\r\n'));
    const lock = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03']);
    expect(lock.code, lock.stderr).toBe(0);
    writeFileSync(join(data, 'transactions.csv'), readFileSync(join(data, 'transactions.csv'), 'utf8') + LATE_SALE);
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--from', '2026-03', '--to', '2026-06', '--rep', 'pet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("pet's pay for locked 2026-03 differs now by +246.92, and he left on 2026-03-31: no later month of his is paid to carry it, so 246.92 is owed to him");
    expect(r.stderr).toContain('settle the +246.92 with pet off-cycle (a final settlement)');
    expect(r.stderr).not.toContain('pay a later month (--to)');
  });

  it("says in the adjustment's audit trail which locked month changed, by how much and why", async () => {
    const data = radioCopy('locks');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    writeFileSync(join(data, 'transactions.csv'), readFileSync(join(data, 'transactions.csv'), 'utf8') + LATE_SALE);
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', '--rep', 'pet', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('late_change → 2026-03 (adjustment)');
    expect(r.stdout).toContain('late change to locked 2026-03: +246.92 (a transaction dated 2026-03-28 added after the lock: СЧ-9001)');
    expect(r.stdout).toContain('1,449.15 paid now for 2026-03 − 1,202.23 locked = +246.92');
    expect(r.stderr).toContain('late changes to locked periods');
    expect(r.stderr).toContain('pet: 2026-03 differs by +246.92 now, paid as an adjustment in 2026-04');
  });

  it("statements show the locked month as locked and the late change on the next month's page", async () => {
    const data = radioCopy('locks');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    writeFileSync(join(data, 'transactions.csv'), readFileSync(join(data, 'transactions.csv'), 'utf8') + LATE_SALE);
    const dir = join(data, '..', 'statements');
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--from', '2026-03', '--to', '2026-04', '--rep', 'pet', '--statements', dir]);
    expect(r.code, r.stderr).toBe(0);
    const march = readFileSync(join(dir, 'pet', '2026-03.html'), 'utf8');
    const april = readFileSync(join(dir, 'pet', '2026-04.html'), 'utf8');
    expect(march).toContain('data-field="total">1,202.23<');
    expect(april).toContain('data-field="total">1,670.23<');
    expect(april).toMatch(/<tr data-line data-component="late_change → 2026-03" data-kind="adjustment">.*late change to locked 2026-03: \+246\.92 .*data-amount>246\.92</);
  });

  it('says nothing of locks when the months shown neither are locked nor carry a late change', async () => {
    const data = radioCopy('locks');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-05']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('pays an unchanged locked month as before, with no adjustment', async () => {
    const data = radioCopy('locks');
    const free = await payJson(['--data', data, '--from', '2026-02', '--to', '2026-05']);
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const again = await payJson(['--data', data, '--from', '2026-02', '--to', '2026-05']);
    expect(again).toEqual(free);
  });

  it('a scheme edit after the lock is an adjustment too, naming the scheme as the reason', async () => {
    const data = radioCopy('locks');
    const dir = join(data, '..');
    const scheme = readFileSync(join(ROOT, 'schemes/radio-territory.yaml'), 'utf8');
    writeFileSync(join(dir, 'scheme.yaml'), scheme);
    expect((await runCli(['payout', join(dir, 'scheme.yaml'), '--data', data, '--lock', '2026-03'])).code).toBe(0);
    writeFileSync(join(dir, 'scheme.yaml'), scheme.replace(/amount: 1000\b/, 'amount: 1100'));
    const r = await runCli(['payout', join(dir, 'scheme.yaml'), '--data', data, '--period', '2026-04', '--rep', 'iva', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/late change to locked 2026-03: \+100\.00 \(the scheme changed after the lock\)/);
  });

  it('refuses to lock a locked month again without --force (exit 2), and re-locks with it', async () => {
    const data = radioCopy('locks');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const first = readFileSync(join(data, 'motiv-locks.json'), 'utf8');
    writeFileSync(join(data, 'transactions.csv'), readFileSync(join(data, 'transactions.csv'), 'utf8') + LATE_SALE);
    const again = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: 2026-03 is already locked in '.*motiv-locks\.json': its figures stand.*give --force/);
    expect(readFileSync(join(data, 'motiv-locks.json'), 'utf8')).toBe(first);
    const forced = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03', '--force', '--format', 'json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(data, 'motiv-locks.json'), 'utf8')).locks[0].reps.find((r: { id: string }) => r.id === 'pet').total_minor).toBe(144915);
  });

  it('refuses a --lock that is not a month, or outside the months paid (exit 2)', async () => {
    const data = radioCopy('locks');
    const q = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-Q1']);
    expect(q.code).toBe(2);
    expect(q.stderr).toBe("error: --lock takes one month, YYYY-MM (e.g. 2026-03), not '2026-Q1'\n");
    const outside = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', '--lock', '2026-03']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--lock 2026-03 is outside the months paid (2026-04 to 2026-04)');
    expect(existsSync(join(data, 'motiv-locks.json'))).toBe(false);
  });

  it('reports a corrupt lock file, or one of another scheme, as a located error and pays nothing (exit 1)', async () => {
    const data = radioCopy('locks');
    writeFileSync(join(data, 'motiv-locks.json'), '{"format": "motiv-locks", "version": 1, ');
    const corrupt = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/motiv-locks\.json:1:41: error: not a lock file: the JSON does not parse .*\[lock-invalid\]/);
    // (QA: a file without scheme, currency and minor units read "written for currency undefined")
    writeFileSync(join(data, 'motiv-locks.json'), '{"format": "motiv-locks", "version": 1}');
    const partial = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/motiv-locks\.json:1:1: error: not a whole lock file: "scheme", "currency", "minor_units" missing .*\[lock-invalid\]/);
    expect(partial.stderr).not.toContain('undefined');

    expect((await runCli(['payout', 'schemes/radio-pool.yaml', '--data', data, '--lock', '2026-03', '--locks', join(data, 'pool.json')])).code).toBe(0);
    const other = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--locks', join(data, 'pool.json')]);
    expect(other.code).toBe(1);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/pool\.json:4:13: error: the lock file was written for scheme "Radio - .*", but the scheme is "Radio - territories" .*\[lock-mismatch\]/);

    const edited = JSON.parse(readFileSync(join(data, 'pool.json'), 'utf8'));
    edited.scheme = 'Radio - territories';
    edited.locks[0].reps[0].total_minor += 1;
    writeFileSync(join(data, 'pool.json'), JSON.stringify(edited));
    const tampered = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--locks', join(data, 'pool.json')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/is not the sum of his lines .*: the file was edited/);
  });
});
