import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/core/yaml/check-schema.js';
import { ROOT, runCli } from '../helpers/cli.js';

const AMO = ['--data', 'fixtures/crm/amocrm', '--map', 'fixtures/crm/amocrm.map.yaml'];
const SF = ['--data', 'fixtures/crm/salesforce', '--map', 'fixtures/crm/salesforce.map.yaml'];
const AMO_SUMMARY = [
  'mapped fixtures/crm/amocrm/users.csv as reps: 5 rows',
  'mapped fixtures/crm/amocrm/deals.csv as clients: 15 rows, 3 prospects left out',
  'mapped fixtures/crm/amocrm/payments.csv as transactions: 24 rows',
  'mapped fixtures/crm/amocrm/calls.csv as activity: 12 rows, 2 on prospects, read as prospecting',
].join('\n');

describe('--map on every command that reads --data', () => {
  it('payout: the Russian export paid by the radio scheme, the summary on stderr', async () => {
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', ...AMO, '--period', '2026-03', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${AMO_SUMMARY}\n`);
    expect(r.stdout).toBe(
      [
        'rep_id,rep_name,month,component,type,kind,period,amount,variable,target',
        'Иван Иванов,Иван Иванов,2026-03,salary,salary,pay,2026-03,1000.00,false,',
        // 1 % of 61 750,00 + 28 900,00; the payment plan of 40 000,00 met
        'Иван Иванов,Иван Иванов,2026-03,shipments,commission,pay,2026-03,906.50,true,',
        'Иван Иванов,Иван Иванов,2026-03,payment_plan_bonus,commission,pay,2026-03,906.50,true,',
        'Пётр Петров,Пётр Петров,2026-03,salary,salary,pay,2026-03,1000.00,false,',
        'Пётр Петров,Пётр Петров,2026-03,shipments,commission,pay,2026-03,224.80,true,',
        // 2 % of ИП Соколов's 11 250,00, unpaid since 02.03.2026
        'Пётр Петров,Пётр Петров,2026-03,late_payment,fine,pay,2026-03,-225.00,true,',
        'Светлана Сидорова,Светлана Сидорова,2026-03,salary,salary,pay,2026-03,1000.00,false,',
        // 1 % of 49 900,00 + 1.250,50 − 4 500,00
        'Светлана Сидорова,Светлана Сидорова,2026-03,shipments,commission,pay,2026-03,466.51,true,',
        'Светлана Сидорова,Светлана Сидорова,2026-03,payment_plan_bonus,commission,pay,2026-03,466.51,true,',
        'Кирилл Кузнецов,Кирилл Кузнецов,2026-03,salary,salary,pay,2026-03,1000.00,false,',
        'Кирилл Кузнецов,Кирилл Кузнецов,2026-03,shipments,commission,pay,2026-03,84.00,true,',
        '',
      ].join('\n'),
    );
  });

  it('payout: the Salesforce export paid by the hunter-farmer scheme, signing dates from the stage history', async () => {
    const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', ...SF, '--period', '2026-03', '--rep', '0055e01', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("mapped fixtures/crm/salesforce/opportunity-history.csv as clients' stages: 21 rows\n");
    // Oder Glass, Closed Won on 03/02/2026: Hana's signing bonus and half of its first month's profit (3,300.00 − 2,574.00)
    expect(r.stdout).toContain('0055e01,Hana Novak,2026-03,first_month_profit,commission,pay,2026-03,363.00,true,');
    expect(r.stdout).toContain('0055e01,Hana Novak,2026-03,signing_bonus,per_unit,pay,2026-03,200.00,true,');
  });

  it('simulate: --data with --map starts from the export\'s book of business', async () => {
    const r = await runCli(['simulate', 'schemes/radio-territory.yaml', ...AMO, '--runs', '4', '--months', '2', '--workers', '1', '--quiet', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr.startsWith(`${AMO_SUMMARY}\n`)).toBe(true);
    // the month after the export's last
    expect(JSON.parse(r.stdout)).toMatchObject({ scheme: 'Radio - territories', start: '2026-04', months: 2, runs: 4 });
  });

  it('compare: on actual results read through the map', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', ...AMO, '--period', '2026-03', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${AMO_SUMMARY}\n`);
    expect(r.stdout).toContain('Светлана Сидорова');
  });

  it('validate: a folder read as a CRM export, and the maps themselves', async () => {
    const r = await runCli(['validate', 'fixtures/crm/salesforce', '--map', 'fixtures/crm/salesforce.map.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ fixtures/crm/salesforce (dataset)\n1 file valid\n');
    const maps = await runCli(['validate', 'fixtures/crm/amocrm.map.yaml', 'fixtures/crm/salesforce.map.yaml']);
    expect(maps.code).toBe(0);
    expect(maps.stdout).toBe('✓ fixtures/crm/amocrm.map.yaml (map)\n✓ fixtures/crm/salesforce.map.yaml (map)\n2 files valid\n');
  });

  it("test: a suite's cases run on the export through the suite's map, a case's own rows replacing a table", async () => {
    const r = await runCli(['test', 'fixtures/crm/amocrm.test.yaml']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('3 passed (3 cases in 1 file)');
    expect(r.stdout).toContain("✓ the case's own reps (motiv's layout) replace the export's users, the rest still mapped");
  });

  it('test --map: overrides the suites\' maps; a wrong map fails every case with located errors, a missing one once', async () => {
    const wrong = await runCli(['test', 'fixtures/crm/amocrm.test.yaml', '--map', 'fixtures/crm/salesforce.map.yaml']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain("fixtures/crm/amocrm/users.csv:1:1: error: the export has no column 'User ID', which the map (fixtures/crm/salesforce.map.yaml:19:7) names as reps.csv's 'id'");
    expect(wrong.stdout).toContain('3 failed, 0 passed');
    const missing = await runCli(['test', 'fixtures/crm/amocrm.test.yaml', '--map', 'no-such.map.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("no-such.map.yaml: error: no such file 'no-such.map.yaml' (give --map the path of a map file (motiv schema --kind map)) [file-not-found]\n1 error\n");
    expect(missing.stdout).toBe('');
  });

  it('--map without --data is a usage error', async () => {
    for (const cmd of [['simulate', 'schemes/radio-territory.yaml'], ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml']]) {
      const r = await runCli([...cmd, '--map', 'fixtures/crm/amocrm.map.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--map reads the CRM export in --data through a map: give --data DIR too');
    }
  });

  it('a plain dataset folder reads as before without --map', async () => {
    const r = await runCli(['validate', 'fixtures/radio']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

/** a broken map per mistake, each located in the map file */
const BROKEN = [
  { fixture: 'unknown-table.map.yaml', code: 'unknown-key', line: 4, column: 3, says: "unknown key 'client' at tables; did you mean 'clients'?" },
  { fixture: 'unknown-column.map.yaml', code: 'unknown-key', line: 7, column: 7, says: "unknown key 'segmnet' at tables.clients.columns; did you mean 'segment'?" },
  { fixture: 'no-won-stage.map.yaml', code: 'bad-value', line: 10, column: 9, says: 'no stage label is signed or active, so no client would ever be won' },
  { fixture: 'bad-state.map.yaml', code: 'bad-value', line: 11, column: 21, says: "'won' is not allowed at tables.clients.states.labels[\"Closed Won\"]" },
  { fixture: 'bad-date-format.map.yaml', code: 'bad-value', line: 2, column: 14, says: "date_format 'DD.MM' is not a date format: it has no year (YYYY or YY)" },
  { fixture: 'missing-column.map.yaml', code: 'missing-key', line: 6, column: 7, says: "the map gives transactions.csv no 'revenue' column, which it needs" },
];

describe('a map file with a mistake', () => {
  it.each(BROKEN)('$fixture: $code at $line:$column', async (c) => {
    const file = `fixtures/crm/invalid-maps/${c.fixture}`;
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${c.line}:${c.column}: error: ${c.says}`);
    expect(r.stdout).toContain(`[${c.code}]`);
  });

  it('covers every file in fixtures/crm/invalid-maps', async () => {
    const r = await runCli(['validate', 'fixtures/crm/invalid-maps']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`${BROKEN.length} errors in ${BROKEN.length} of ${BROKEN.length} files`);
  });

  it('more mistakes the map checks', async () => {
    const { loadMap } = await import('../../src/core/crm/load-map.js');
    const messages = (text: string) => loadMap('m.yaml', text).problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`);
    expect(messages('tables:\n  clients:\n    file: a.csv\n    columns: {id: ID}\n    values:\n      segmnt: {A: key}\n')).toEqual([
      "6:7 unknown-reference values for 'segmnt', a column this table does not map",
    ]);
    expect(messages('tables:\n  clients:\n    file: a.csv\n    columns: {id: ID}\n    states:\n      column: Stage\n      labels: {Won: signed}\n')[0]).toBe(
      "6:7 missing-key stages labelled signed need a day: the map has neither states.date_column nor a 'signed_date' column",
    );
    expect(messages('tables:\n  clients:\n    file: a.csv\n    columns: {id: ID}\n    states:\n      file: h.csv\n      column: Stage\n      date_column: Day\n      labels: {Won: signed}\n')[0]).toBe(
      "6:7 missing-key a stage history (states.file) needs 'client': the column holding the client id",
    );
    expect(messages('tables:\n  clients:\n    file: a.csv\n    columns: {id: ID}\n    extra: {segment: Tier}\n')[0]).toBe("5:13 conflict extra column 'segment' is the layout's 'segment' column of clients.csv");
    expect(messages('tables:\n  clients:\n    file: a.csv\n    columns: {id: ID}\n    states:\n      column: S\n      date_column: D\n      labels: {Won: signed, WON: active}\n')[0]).toBe(
      "8:29 conflict stage 'WON' is the same as 'Won' (labels are matched without regard to case and spaces), but active, not signed",
    );
    expect(messages('tables:\n  activity:\n    file: calls.csv\n    columns: {month: Date, rep_id: Rep}\n')[0]).toBe("4:14 missing-key the map gives activity.csv neither 'hours' nor 'contacts': it needs one of them");
    expect(messages('delimiter: ":"\ntables: {}\n').map((m) => m.split(' ')[1])).toEqual(['bad-value', 'bad-value']);
  });
});

describe('motiv schema --kind map', () => {
  it('prints a JSON Schema that the bundled maps satisfy and a misspelt key breaks', async () => {
    const r = await runCli(['schema', '--kind', 'map']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema).toMatchObject({ $id: 'https://motiv.dev/schema/map.json', title: 'motiv CRM export map', required: ['tables'] });
    const validate = compileSchema(schema);
    for (const f of ['amocrm.map.yaml', 'salesforce.map.yaml']) {
      expect(validate(parse(readFileSync(join(ROOT, 'fixtures/crm', f), 'utf8'))), f).toBe(true);
    }
    expect(validate({ tables: { clients: { file: 'a.csv', columns: { id: 'ID' }, states: { column: 'S', labels: { A: 'signed' }, date_colum: 'D' } } } })).toBe(false);
  });

  it('a kind it does not know is a usage error naming map', async () => {
    const r = await runCli(['schema', '--kind', 'maps']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('map');
  });
});
