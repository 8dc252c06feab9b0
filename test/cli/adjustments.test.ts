import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const SCHEME = 'fixtures/adjustments/scheme.yaml';
const DATA = 'fixtures/adjustments/data';

/** a copy of the adjustments fixture's data, to add rows to */
function dataCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'motiv-adjustments-')), 'data');
  cpSync(join(ROOT, DATA), dir, { recursive: true });
  return dir;
}

interface PayoutJson {
  reps: { id: string; months: { month: string; total: string; variable: string; lines: { component: string; type: string; kind: string; amount: string; variable: boolean; target?: string; explain?: { rule: string; arithmetic: string; notes?: string[] } }[] }[] }[];
}

async function payJson(args: string[]): Promise<PayoutJson> {
  const r = await runCli(['payout', SCHEME, ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PayoutJson;
}

const monthOf = (doc: PayoutJson, rep: string, m: string) => doc.reps.find((r) => r.id === rep)!.months.find((x) => x.month === m)!;

describe('adjustments.csv through payout', () => {
  it('pays each row as an adjustment line of its rep in the month of its date, counted in the total and, by kind, in variable pay', async () => {
    const doc = await payJson(['--data', DATA, '--period', '2026-03']);
    const ana = monthOf(doc, 'ana', '2026-03');
    expect(ana.lines.filter((l) => l.component === 'adjustments').map((l) => [l.type, l.kind, l.amount, l.variable])).toEqual([
      ['bonus', 'adjustment', '500.00', true],
      ['correction', 'adjustment', '-120.50', true],
    ]);
    expect([ana.total, ana.variable]).toEqual(['2779.50', '779.50']);
    const ben = monthOf(doc, 'ben', '2026-03');
    expect(ben.lines.filter((l) => l.component === 'adjustments').map((l) => [l.type, l.amount, l.variable])).toEqual([
      ['deduction', '-80.00', false],
      ['correction', '250.00', false],
    ]);
    expect([ben.total, ben.variable]).toEqual(['2470.00', '300.00']);
  });

  it('writes the lines in CSV with their kind as the type', async () => {
    const r = await runCli(['payout', SCHEME, '--data', DATA, '--period', '2026-03', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ana,Ana Lima,2026-03,adjustments,bonus,adjustment,2026-03,500.00,true,');
    expect(r.stdout).toContain('ben,Ben Okafor,2026-03,adjustments,deduction,adjustment,2026-03,-80.00,false,');
  });

  it('explains a line by its kind and note, its amount, and the row it came from', async () => {
    const r = await runCli(['payout', SCHEME, '--data', DATA, '--period', '2026-03', '--rep', 'ana', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/adjustments \(adjustment\)\s+500\.00\n\s+rule\s+bonus: Q1 sales contest winner\n\s+arithmetic 500\.00\n\s+note\s+from fixtures\/adjustments\/data\/adjustments\.csv:2, dated 2026-03-31; variable pay/);
  });

  it("shows the adjustments on the rep's statement", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'motiv-adjustments-')), 'statements');
    const r = await runCli(['payout', SCHEME, '--data', DATA, '--period', '2026-03', '--rep', 'ben', '--statements', dir]);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'ben', '2026-03.html'), 'utf8');
    expect(page).toMatch(/<tr data-line data-component="adjustments" data-kind="adjustment">.*deduction: lost laptop charger.*data-amount>-80\.00</);
    expect(page).toContain('data-field="total">2,470.00<');
  });

  it('an adjustment added to a locked month is paid as a late change in the next month, the locked month kept', async () => {
    const data = dataCopy();
    expect((await runCli(['payout', SCHEME, '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const before = await payJson(['--data', data, '--from', '2026-03', '--to', '2026-04']);
    appendFileSync(join(data, 'adjustments.csv'), 'ana,2026-03-28,300,bonus,late spiff,\n');
    const after = await payJson(['--data', data, '--from', '2026-03', '--to', '2026-04']);
    expect(monthOf(after, 'ana', '2026-03')).toEqual(monthOf(before, 'ana', '2026-03'));
    const late = monthOf(after, 'ana', '2026-04').lines.filter((l) => l.kind === 'adjustment');
    expect(late).toEqual([expect.objectContaining({ component: 'late_change', target: '2026-03', amount: '300.00', variable: true })]);
    expect(Number(monthOf(after, 'ana', '2026-04').total)).toBe(Number(monthOf(before, 'ana', '2026-04').total) + 300);
  });

  it('reads an adjustments export through a CRM map like any table', async () => {
    const data = dataCopy();
    const map = join(data, 'map.yaml');
    writeFileSync(
      map,
      [
        'kind: map',
        'tables:',
        '  reps: {file: reps.csv, columns: {id: id, name: name, start_date: start_date, end_date: end_date}}',
        '  clients: {file: clients.csv, columns: {id: id, owner: owner, signed_date: signed_date}}',
        '  transactions: {file: transactions.csv, columns: {id: id, date: date, client_id: client_id, revenue: revenue}}',
        '  adjustments: {file: adjustments.csv, columns: {rep_id: rep_id, date: date, amount: amount, kind: kind, note: note}}',
        '',
      ].join('\n'),
    );
    const r = await runCli(['payout', SCHEME, '--data', data, '--map', map, '--period', '2026-03', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('as adjustments: 4 rows');
    expect(r.stdout).toContain('ana,Ana Lima,2026-03,adjustments,bonus,adjustment,2026-03,500.00,true,');
  });

  it('passes the adjustments worked by hand, from the folder and inline', async () => {
    const r = await runCli(['test', 'fixtures/adjustments/']);
    expect(r.stdout).toContain('4 passed (4 cases in 1 file)');
    expect(r.code).toBe(0);
  });
});
