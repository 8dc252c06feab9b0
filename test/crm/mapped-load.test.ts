import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { setDisplayBase } from '../../src/cli/io/shown-path.js';
import * as R from '../../src/core/money/rational.js';
import { formatDay, formatMonth } from '../../src/core/time/month.js';
import type { Dataset, Q } from '../../src/core/types.js';
import { ROOT } from '../helpers/cli.js';

/** a dataset read through a map, with what the read printed */
async function mapped(data: string, map: string): Promise<{ dataset: Dataset<Q>; problems: string[]; summary: string[] }> {
  const summary: string[] = [];
  const read = await readDataset(join(ROOT, data), { map: join(ROOT, map), log: (line) => summary.push(line.trimEnd()) });
  return { dataset: read.dataset!, problems: read.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`), summary };
}

const day = (d: number | undefined) => (d === undefined ? undefined : formatDay(d));
const dec = (x: Q) => R.toDecimalString(x);

beforeAll(() => setDisplayBase(ROOT));

describe('an amoCRM-style export: ";"-delimited, decimal commas, DD.MM.YYYY, Russian stage names', () => {
  it('loads through its map with every value as the export means it', async () => {
    const { dataset, problems, summary } = await mapped('fixtures/crm/amocrm', 'fixtures/crm/amocrm.map.yaml');
    expect(problems).toEqual([]);
    expect(summary).toEqual([
      'mapped fixtures/crm/amocrm/users.csv as reps: 5 rows',
      'mapped fixtures/crm/amocrm/deals.csv as clients: 15 rows, 3 prospects left out',
      'mapped fixtures/crm/amocrm/payments.csv as transactions: 24 rows',
      'mapped fixtures/crm/amocrm/calls.csv as activity: 12 rows, 2 on prospects, read as prospecting',
    ]);

    // reps: the full name is the id; roles through the value map; the plan column kept and made plain
    const olga = dataset.reps.find((r) => r.id === 'Ольга Морозова')!;
    expect({ role: olga.role, manager: olga.manager, start: day(olga.start), end: day(olga.end), plan: olga.columns.payment_plan }).toEqual({
      role: 'hunter',
      manager: 'Иван Иванов',
      start: '2024-01-10',
      end: '2026-02-20',
      plan: '20000.00',
    });
    expect(dataset.reps.map((r) => r.role)).toEqual(['head', 'hunter', 'farmer', 'hunter', 'hunter']);

    // clients: dates from the stage and the day it was reached (the time ignored), the signing date where the export has one
    const client = (id: string) => {
      const c = dataset.clients.find((x) => x.id === id);
      return c && { name: c.name, owner: c.owner, segment: c.segment, signed: day(c.signed), activated: day(c.activated), lost: day(c.lost) };
    };
    expect(client('2501')).toEqual({ name: 'ООО «Ромашка»', owner: 'Пётр Петров', segment: 'key', signed: '2025-11-03', activated: '2025-11-20', lost: undefined });
    expect(client('2502')).toMatchObject({ signed: undefined, activated: '2025-12-05', lost: undefined });
    expect(client('2504')).toMatchObject({ segment: 'marginal', signed: '2026-02-18', activated: undefined });
    expect(client('2505')).toMatchObject({ signed: '2026-02-27', activated: undefined }); // the signing date column wins over the stage's day
    expect(client('2508')).toMatchObject({ signed: '2025-06-01', activated: undefined, lost: '2026-01-15' });
    // no stage: a long-standing client without dates; earlier stages: prospects, left out
    expect(client('2507')).toMatchObject({ segment: 'vip', signed: undefined, activated: undefined, lost: undefined });
    for (const prospect of ['2506', '2509', '2510']) expect(client(prospect)).toBeUndefined();
    expect(dataset.clients).toHaveLength(12);

    // transactions: decimal commas with spaces (and dots) grouping thousands, exact
    const t = (id: string) => dataset.transactions.find((x) => x.id === id)!;
    expect(dec(t('СЧ-0101').revenue)).toBe('48250');
    expect(dec(t('СЧ-0102').revenue)).toBe('31400.5');
    expect(dec(t('СЧ-0109').revenue)).toBe('9870.4');
    expect(dec(t('СЧ-0119').revenue)).toBe('1250.5');
    expect(dec(t('СЧ-0124').revenue)).toBe('-4500');
    expect({ day: day(t('СЧ-0120').day), due: day(t('СЧ-0120').due), paid: day(t('СЧ-0120').paid), client: t('СЧ-0120').client }).toEqual({
      day: '2026-03-10',
      due: '2026-03-24',
      paid: '2026-03-27',
      client: '2501',
    });
    expect(t('СЧ-0116').paid).toBeUndefined();
    expect(dataset.hasPayments).toBe(true);
    expect(dec(R.sum(dataset.transactions.map((x) => x.revenue)))).toBe('705941.4');

    // activity: the month from the call's date and time, hours in decimal commas; calls on prospects count as prospecting
    const calls = dataset.activity.map((a) => `${formatMonth(a.month)} ${a.rep} ${a.client ?? '-'} ${dec(a.hours)}`);
    expect(calls).toContain('2026-03 Пётр Петров 2501 0.5');
    expect(calls).toContain('2026-03 Пётр Петров - 0.25'); // 2506, a prospect
    expect(calls).toContain('2026-03 Кирилл Кузнецов - 0.25'); // 2509, a prospect
    expect(calls).toContain('2026-03 Кирилл Кузнецов - 2');
    expect(dec(R.sum(dataset.activity.map((a) => a.hours)))).toBe('8.5');
  });
});

describe('a Salesforce-style export: ","-delimited, decimal points, MM/DD/YYYY, a stage history', () => {
  it('loads through its map, client dates the first day of each state in the history', async () => {
    const { dataset, problems, summary } = await mapped('fixtures/crm/salesforce', 'fixtures/crm/salesforce.map.yaml');
    expect(problems).toEqual([]);
    expect(summary).toEqual([
      'mapped fixtures/crm/salesforce/users.csv as reps: 5 rows',
      "mapped fixtures/crm/salesforce/opportunity-history.csv as clients' stages: 21 rows",
      'mapped fixtures/crm/salesforce/accounts.csv as clients: 10 rows, 2 prospects left out',
      'mapped fixtures/crm/salesforce/invoices.csv as transactions: 18 rows',
    ]);
    expect(dataset.reps.map((r) => `${r.id} ${r.name} ${r.role} ${day(r.start)}`)).toEqual([
      '0055e01 Hana Novak hunter 2023-06-01',
      '0055e02 Hugo Berg hunter 2024-01-15',
      '0055e03 Hector Ruiz hunter 2026-02-09',
      '0055e04 Fiona Walsh farmer 2022-09-01',
      '0055e05 Felix Wagner farmer 2021-03-01',
    ]);
    const client = (id: string) => {
      const c = dataset.clients.find((x) => x.id === id);
      return c && `${c.segment} ${c.owner}/${c.closer} ${day(c.signed) ?? '-'} ${day(c.activated) ?? '-'} ${day(c.lost) ?? '-'}`;
    };
    expect(client('001A05')).toBe('key 0055e04/0055e01 2025-11-04 2025-11-18 -');
    expect(client('001A06')).toBe('marginal 0055e05/0055e03 2026-02-16 - -');
    expect(client('001A07')).toBe('marginal 0055e04/0055e02 2025-12-03 2026-01-08 2026-03-20');
    expect(client('001A08')).toBe('medium 0055e05/0055e01 2026-03-02 2026-03-02 -');
    expect(client('001A02')).toBe('medium 0055e04/0055e02 2024-06-03 2024-06-20 -');
    // no history: a long-standing client; only prospect stages (Closed Lost included): left out
    expect(client('001A01')).toBe('key 0055e04/0055e01 - - -');
    expect(client('001A09')).toBeUndefined();
    expect(client('001A10')).toBeUndefined();
    expect(dataset.clients.find((c) => c.id === '001A05')!.name).toBe('Rhine Logistics, GmbH');

    const t = (id: string) => dataset.transactions.find((x) => x.id === id)!;
    expect([dec(t('INV-1001').revenue), dec(t('INV-1001').cost), dec(t('INV-1001').grossProfit), day(t('INV-1001').day)]).toEqual(['6534.28', '5367.91', '1166.37', '2025-10-06']);
    expect([dec(t('INV-1018').revenue), dec(t('INV-1018').cost)]).toEqual(['-450', '-360']);
    expect(dataset.hasCosts).toBe(true);
    expect(dataset.hasPayments).toBe(false);
  });
});

describe('plans, credits, a tab-delimited file and clients without dates as prospects', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-crm-more-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads every table through a map, each file in its own style', async () => {
    const files: Record<string, string> = {
      'team.csv': 'Login;Name\nann;Ann\nbob;Bob\n',
      'companies.txt': 'Code\tCompany\tManager\tWon on\nC1\tAcme\tann\t2026-01-10\nC2\tBolt\tbob\t\nC3\tCore\tbob\t2026-02-01\n',
      'sales.csv': 'Date;Company;Sum\n15.02.2026;C1;1 000,50\n20.02.2026;C3;2.000,00\n',
      'targets.csv': 'Login;Period;Revenue target\nann;02.2026;10 000\nbob;02.2026;7 500,5\n',
      'splits.csv': 'Company;Login;Part\nC1;ann;60 %\nC1;bob;40 %\nC2;ann;100%\n',
    };
    const dir = join(tmp, 'export');
    mkdirSync(dir);
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    const map = join(tmp, 'm.map.yaml');
    writeFileSync(
      map,
      [
        'delimiter: ";"',
        'decimal: ","',
        'date_format: DD.MM.YYYY',
        'tables:',
        '  reps: {file: team.csv, columns: {id: Login, name: Name}}',
        '  clients:',
        '    file: companies.txt',
        '    delimiter: tab',
        '    date_format: YYYY-MM-DD',
        '    columns: {id: Code, name: Company, owner: Manager, signed_date: Won on}',
        '    states: {column: Company, labels: {Acme: signed, Bolt: prospect, Core: signed}, no_dates: prospect}',
        '  transactions: {file: sales.csv, columns: {date: Date, client_id: Company, revenue: Sum}}',
        '  plans: {file: targets.csv, columns: {rep_id: Login, month: Period}, extra: {revenue_target: Revenue target}}',
        '  credits: {file: splits.csv, columns: {client_id: Company, rep_id: Login, share: Part}}',
        '',
      ].join('\n'),
    );
    const summary: string[] = [];
    const read = await readDataset(dir, { map, log: (l) => summary.push(l.trimEnd()) });
    expect(read.problems).toEqual([]);
    const dataset = read.dataset!;
    expect(dataset.clients.map((c) => `${c.id} ${day(c.signed)}`)).toEqual(['C1 2026-01-10', 'C3 2026-02-01']);
    expect(dataset.transactions.map((t) => `${t.id} ${dec(t.revenue)}`)).toEqual(['sales.csv:2 1000.5', 'sales.csv:3 2000']);
    expect(dataset.plans.map((p) => `${p.rep} ${formatMonth(p.month)} ${dec(p.values.revenue_target)}`)).toEqual(['ann 2026-02 10000', 'bob 2026-02 7500.5']);
    expect(dataset.credits.map((c) => `${c.client} ${c.rep} ${dec(c.share!)}`)).toEqual(['C1 ann 0.6', 'C1 bob 0.4']);
    expect(summary.at(1)).toMatch(/companies\.txt as clients: 3 rows, 1 prospect left out$/);
    expect(summary.at(-1)).toMatch(/splits\.csv as credits: 3 rows, 1 credit on a prospect left out$/);
  });
});

describe('constants: columns the export lacks, one value for every row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-constants-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('users.csv', 'Owner,Plan\nAnna,5000\nBoris,6000\n');
  write('accounts.csv', 'Account,Owner\nA1,Anna\nA2,Boris\n');
  write('invoices.csv', 'No,Date,Account,Amount\nI1,2026-03-02,A1,"1,200.50"\nI2,2026-03-05,A2,800\n');
  const map = (constants: string) =>
    [
      'kind: map',
      'decimal: "."',
      'tables:',
      '  reps:',
      '    file: users.csv',
      '    columns: {id: Owner}',
      '    extra: {payment_plan: Plan}',
      '    constants: {role: hunter, start_date: 2025-01-01}',
      '  clients:',
      '    file: accounts.csv',
      '    columns: {id: Account, owner: Owner}',
      `    constants: ${constants}`,
      '  transactions:',
      '    file: invoices.csv',
      '    columns: {id: No, date: Date, client_id: Account, revenue: Amount}',
      '    constants: {cost: 0}',
      '',
    ].join('\n');

  it('fills them in on every row, required columns too', async () => {
    write('good.map.yaml', map('{segment: small, signed_date: 2025-06-01}'));
    const read = await readDataset(dir, { map: join(dir, 'good.map.yaml') });
    expect(read.problems).toEqual([]);
    const d = read.dataset!;
    expect(d.reps.map((r) => [r.id, r.role, day(r.start), r.columns.payment_plan])).toEqual([
      ['Anna', 'hunter', '2025-01-01', '5000'],
      ['Boris', 'hunter', '2025-01-01', '6000'],
    ]);
    expect(d.clients.map((c) => [c.id, c.segment, day(c.signed)])).toEqual([
      ['A1', 'small', '2025-06-01'],
      ['A2', 'small', '2025-06-01'],
    ]);
    expect(d.transactions.map((t) => [t.id, dec(t.revenue as Q), dec(t.cost as Q)])).toEqual([
      ['I1', '1200.5', '0'],
      ['I2', '800', '0'],
    ]);
    expect(formatMonth(d.firstMonth!)).toBe('2026-03');
  });

  it('a constant that is no column, or is a column of the export too, is a located error; near a column of a table with extras, a warning', async () => {
    write('bad.map.yaml', map('{segmnt: small, owner: Anna}').replace('constants: {cost: 0}', 'constants: {cots: 0}'));
    const read = await readDataset(dir, { map: join(dir, 'bad.map.yaml') });
    expect(read.dataset).toBeUndefined();
    const shown = read.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);
    expect(shown).toEqual([
      "12:17 warning unknown-reference: constant 'segmnt' is not a column of clients.csv and is kept as an extra column; did you mean 'segment'?",
      "12:32 error conflict: 'owner' is both a constant and a column of the export",
      "16:17 error unknown-reference: constant 'cots' is not a column of transactions.csv; did you mean 'cost'?",
    ]);
  });
});
