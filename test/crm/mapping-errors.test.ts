import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** one problem per line: file:line:col: severity: message (hint) [code] */
const PROBLEM_LINE = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+): (?<severity>error|warning): (?<message>.+) \[(?<code>[a-z-]+)\]$/;

interface Found {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
}

function problems(out: string): Found[] {
  return out
    .split('\n')
    .map((l) => PROBLEM_LINE.exec(l)?.groups)
    .filter((g) => g !== undefined)
    .map((g) => ({ file: g!.file, line: Number(g!.line), column: Number(g!.column), severity: g!.severity, message: g!.message, code: g!.code }));
}

const BAD = 'fixtures/crm/amocrm-bad';
const MAP = 'fixtures/crm/amocrm.map.yaml';

/** each row of fixtures/crm/amocrm-bad that cannot be mapped, and the warning it gets */
const ROWS = [
  { file: 'users.csv', line: 7, column: 50, code: 'not-a-date', says: "'Дата приёма' (start_date): '2024-01-10' is not a date in the map's format DD.MM.YYYY; it reads as YYYY-MM-DD; the row is skipped" },
  { file: 'deals.csv', line: 17, column: 44, code: 'unknown-label', says: "stage 'Отказ' is not among the map's labels, so the row is skipped" },
  { file: 'deals.csv', line: 18, column: 41, code: 'unknown-label', says: "stage 'Договор подписн' is not among the map's labels, so the row is skipped; did you mean 'Договор подписан'?" },
  { file: 'deals.csv', line: 19, column: 79, code: 'not-a-date', says: "'Дата подписания' (signed_date): '2026-03-15' is not a date in the map's format DD.MM.YYYY; it reads as YYYY-MM-DD" },
  { file: 'deals.csv', line: 20, column: 84, code: 'not-a-date', says: "'31.02.2026' is not a day of the calendar" },
  { file: 'deals.csv', line: 21, column: 20, code: 'skipped-reference', says: "owner 'Анна Белова' is a rep skipped by the map (fixtures/crm/amocrm-bad/users.csv:7), so this row is skipped too" },
  { file: 'payments.csv', line: 26, column: 20, code: 'skipped-reference', says: "client_id '2516' is a client skipped by the map (fixtures/crm/amocrm-bad/deals.csv:17)" },
  { file: 'payments.csv', line: 27, column: 20, code: 'skipped-reference', says: "client '2506' is at stage 'Первичный контакт', a prospect (fixtures/crm/amocrm-bad/deals.csv:7): a sale to it is skipped" },
  { file: 'payments.csv', line: 28, column: 25, code: 'not-a-number', says: "'Сумма, руб.' (revenue): '1,234.56' is not a number written with a decimal comma; it reads with a decimal point" },
  { file: 'payments.csv', line: 29, column: 9, code: 'not-a-date', says: "'Дата счёта' (date): '03/15/2026' is not a date in the map's format DD.MM.YYYY; it reads as MM/DD/YYYY" },
  { file: 'payments.csv', line: 30, column: 25, code: 'bad-cell', says: "'Сумма, руб.' (revenue): empty, but every row needs a value here; the row is skipped" },
  { file: 'payments.csv', line: 31, column: 20, code: 'skipped-reference', says: "client_id '2520' is a client skipped by the map (fixtures/crm/amocrm-bad/deals.csv:21)" },
  { file: 'calls.csv', line: 14, column: 39, code: 'csv-ragged-row', says: 'this row has 5 values but the header names 4 columns; the row is skipped' },
  { file: 'calls.csv', line: 15, column: 39, code: 'not-a-number', says: "'Длительность, ч' (hours): 'полчаса' is not a number written with a decimal comma" },
];

describe('rows an export map cannot read: a located warning each, and the load goes on', () => {
  it.each(ROWS)('$file:$line:$column [$code]', async (row) => {
    const r = await runCli(['validate', BAD, '--map', MAP]);
    const hit = problems(r.stdout).find((p) => p.file === `${BAD}/${row.file}` && p.line === row.line && p.column === row.column && p.code === row.code);
    expect(hit, r.stdout).toBeDefined();
    expect(hit!.severity).toBe('warning');
    expect(hit!.message).toContain(row.says);
  });

  it('validate reports every skipped row at once, and nothing else: exit 0, --strict fails', async () => {
    const r = await runCli(['validate', BAD, '--map', MAP]);
    expect(r.code).toBe(0);
    const all = problems(r.stdout);
    expect(all.map((p) => `${p.file.replace(`${BAD}/`, '')}:${p.line}`).sort()).toEqual(ROWS.map((p) => `${p.file}:${p.line}`).sort());
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`1 file valid, ${ROWS.length} warnings`);
    const strict = await runCli(['validate', BAD, '--map', MAP, '--strict']);
    expect(strict.code).toBe(1);
  });

  it('prints what each export file gave: its rows, those skipped by reason, and those left out', async () => {
    const r = await runCli(['validate', BAD, '--map', MAP]);
    expect(r.stderr).toBe(
      [
        `mapped ${BAD}/users.csv as reps: 6 rows, 1 skipped (1 bad date)`,
        `mapped ${BAD}/deals.csv as clients: 20 rows, 5 skipped (2 bad dates, 1 unknown stage 'Отказ', 1 unknown stage 'Договор подписн', 1 of a skipped rep), 3 prospects left out`,
        `mapped ${BAD}/payments.csv as transactions: 30 rows, 6 skipped (2 of skipped clients, 1 sale to a prospect, 1 bad number, 1 bad date, 1 empty cell)`,
        `mapped ${BAD}/calls.csv as activity: 14 rows, 2 skipped (1 ragged row, 1 bad number), 2 on prospects, read as prospecting`,
        '',
      ].join('\n'),
    );
  });

  it('the rows that can be read are paid: the same pay as the clean export for March', async () => {
    const clean = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/crm/amocrm', '--map', MAP, '--period', '2026-03', '--format', 'csv']);
    const bad = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', BAD, '--map', MAP, '--period', '2026-03', '--format', 'csv']);
    expect(clean.code).toBe(0);
    expect(bad.code).toBe(0);
    expect(bad.stdout).toBe(clean.stdout);
    expect(bad.stderr).toContain(`${ROWS.length} warnings`);
  });
});

describe('what still stops a mapped load', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-crm-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  /** a copy of an export folder, with a file changed */
  const copy = (from: string, edit: Record<string, (text: string) => string> = {}): string => {
    const dir = join(tmp, `export-${++n}`);
    cpSync(join(ROOT, from), dir, { recursive: true });
    for (const [file, fn] of Object.entries(edit)) writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));
    return dir;
  };

  it('a payment for a deal the export does not have: an error, as in any dataset', async () => {
    const dir = copy('fixtures/crm/amocrm', { 'payments.csv': (t) => t + 'СЧ-0999;30.03.2026;2599;100,00;13.04.2026;\n' });
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', dir, '--map', MAP, '--period', '2026-03']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/payments\.csv:26:20: error: client_id '2599' is not a client in deals\.csv \(add the client to deals\.csv or fix the id\) \[unknown-id\]/);
  });

  it('an export header without a column the map names: an error on the header, with a did-you-mean and the map line', async () => {
    const dir = copy('fixtures/crm/amocrm', { 'deals.csv': (t) => t.replace('Этап сделки', 'Этап') });
    const r = await runCli(['validate', dir, '--map', MAP]);
    expect(r.code).toBe(1);
    const p = problems(r.stdout).find((x) => x.code === 'csv-missing-column')!;
    expect(p).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(p.file).toMatch(/deals\.csv$/);
    expect(p.message).toContain(`the export has no column 'Этап сделки', which the map (${MAP}:46:7) names as the stage; did you mean 'Этап'?`);
  });

  it('a file the map names that the folder lacks: an error naming the map line', async () => {
    const dir = copy('fixtures/crm/amocrm');
    rmSync(join(dir, 'calls.csv'));
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', dir, '--map', MAP]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error: no file 'calls\\.csv' in .*export-\\d+, which the map \\(${MAP.replace(/\./g, '\\.')}:65:5\\) names \\(give --data the folder holding the export files`));
  });

  it('a header naming a mapped column twice: the map cannot tell which', async () => {
    const dir = copy('fixtures/crm/amocrm', { 'calls.csv': (t) => t.replace('Длительность, ч', 'Менеджер') });
    const r = await runCli(['validate', dir, '--map', MAP]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/calls\.csv:1:\d+: error: columns 2 and 4 are both named 'Менеджер': the map cannot tell which one is activity\.csv's 'rep_id'/);
  });

  it('a broken map file: its problems located in the map, nothing read', async () => {
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/crm/amocrm', '--map', 'fixtures/crm/invalid-maps/unknown-column.map.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fixtures/crm/invalid-maps/unknown-column.map.yaml:7:7: error: unknown key 'segmnet' at tables.clients.columns; did you mean 'segment'?");
    expect(r.stderr).not.toContain('mapped ');
    const missing = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/crm/amocrm', '--map', 'fixtures/crm/no-such.map.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file 'fixtures/crm/no-such.map.yaml'");
  });
});

describe('a stage history that cannot all be read', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-crm-history-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('unknown stages, bad days, empty cells and clients the accounts lack: skipped rows, each located', async () => {
    const dir = join(tmp, 'salesforce');
    cpSync(join(ROOT, 'fixtures/crm/salesforce'), dir, { recursive: true });
    const history = join(dir, 'opportunity-history.csv');
    writeFileSync(
      history,
      readFileSync(history, 'utf8') +
        ['006B08,001A03,Closed Wonn,03/05/2026 9:00 AM', '006B09,001A04,Closed Won,2026-03-05', '006B10,001A99,Closed Won,03/06/2026 9:00 AM', '006B11,,Closed Won,03/07/2026', ''].join('\r\n'),
    );
    const r = await runCli(['validate', dir, '--map', 'fixtures/crm/salesforce.map.yaml']);
    expect(r.code).toBe(0);
    const found = problems(r.stdout);
    const expected = [
      "23:15 unknown-label stage 'Closed Wonn' is not among the map's labels, so the row is skipped; did you mean 'Closed Won'? (add it under labels (fixtures/crm/salesforce.map.yaml:47:7)",
      "24:26 not-a-date 'Changed On': '2026-03-05' is not a date in the map's format MM/DD/YYYY; it reads as YYYY-MM-DD (write it as 03/15/2026",
      `25:8 unknown-id client '001A99' of this stage change is not in ${dir}/accounts.csv; the row is skipped`,
      "26:8 bad-cell 'Account ID' is empty, but every stage change needs a client, a stage and a day",
    ];
    expect(found).toHaveLength(expected.length);
    found.forEach((p, i) => {
      expect(p.file).toBe(`${dir}/opportunity-history.csv`);
      expect(p.severity).toBe('warning');
      expect(`${p.line}:${p.column} ${p.code} ${p.message}`.startsWith(expected[i]), `${p.line}:${p.column} ${p.code} ${p.message}`).toBe(true);
    });
    expect(r.stderr).toContain("opportunity-history.csv as clients' stages: 25 rows, 4 skipped (1 unknown stage 'Closed Wonn', 1 bad date, 1 empty cell, 1 unknown client)");
  });
});

describe('encodings', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-crm-1251-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** windows-1251 for the letters these fixtures use */
  const cp1251 = (text: string) =>
    Buffer.from(
      [...text].map((ch) => {
        const c = ch.codePointAt(0)!;
        if (c < 0x80) return c;
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
        const other: Record<string, number> = { 'Ё': 0xa8, 'ё': 0xb8, '«': 0xab, '»': 0xbb, '№': 0xb9 };
        if (other[ch] === undefined) throw new Error(`no windows-1251 for ${ch}`);
        return other[ch];
      }),
    );

  it('an export in windows-1251 reads like its UTF-8 twin with encoding: windows-1251', async () => {
    const dir = join(tmp, 'export');
    cpSync(join(ROOT, 'fixtures/crm/amocrm'), dir, { recursive: true });
    for (const f of ['users.csv', 'deals.csv', 'payments.csv', 'calls.csv']) writeFileSync(join(dir, f), cp1251(readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '')));
    const map = join(tmp, 'cp1251.map.yaml');
    writeFileSync(map, readFileSync(join(ROOT, MAP), 'utf8').replace('date_format: DD.MM.YYYY', 'date_format: DD.MM.YYYY\nencoding: windows-1251'));
    const args = ['schemes/radio-territory.yaml', '--period', '2026-03', '--format', 'csv'];
    const utf8 = await runCli(['payout', ...args, '--data', 'fixtures/crm/amocrm', '--map', MAP]);
    const legacy = await runCli(['payout', ...args, '--data', dir, '--map', map]);
    expect(legacy.code).toBe(0);
    expect(legacy.stdout).toBe(utf8.stdout);
    expect(legacy.stdout).toContain('Светлана Сидорова');
  });

  it('an encoding motiv does not know is a map error', async () => {
    const map = join(tmp, 'bad-encoding.map.yaml');
    writeFileSync(map, 'encoding: cp-9999\ntables:\n  reps:\n    file: users.csv\n    columns: {id: ФИО}\n');
    const r = await runCli(['validate', map]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad-encoding\.map\.yaml:1:11: error: encoding 'cp-9999' is not a text encoding motiv knows/);
  });
});
