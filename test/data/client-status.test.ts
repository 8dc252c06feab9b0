import { describe, expect, it } from 'vitest';
import { stateOn } from '../../src/core/data/client-state.js';
import type { DatasetTable } from '../../src/core/generate/tables.js';
import { parseDay } from '../../src/core/time/month.js';
import { datasetOfTables, paid, payout, schemeOf } from '../helpers/dataset.js';

/** a dataset from CSV text per file, as the CLI reads it: the dataset and every problem */
function read(files: Partial<Record<DatasetTable['file'], string>>) {
  const tables: DatasetTable[] = [];
  for (const file of ['reps.csv', 'clients.csv', 'transactions.csv', 'activity.csv'] as const) {
    const text = files[file];
    if (text === undefined) continue;
    const [header, ...rows] = text.trim().split('\n').map((l) => l.split(','));
    tables.push({ file, header, rows });
  }
  return datasetOfTables(tables);
}

const reps = 'id\nanna\nben';
const sales = (clients: string[]) => `id,date,client_id,revenue\n${clients.map((c, i) => `t${i},2026-03-0${(i % 9) + 1},${c},100`).join('\n')}`;
const day = (text: string) => parseDay(text)!;

describe('a client without dates', () => {
  it('is an established active client, and one with no status nor sale in the data a warning at its row: nothing shows it is not a prospect', () => {
    const { dataset, problems } = read({
      'reps.csv': reps,
      'clients.csv': 'id,owner,signed_date\nacme,anna,\nglobex,anna,\ninitech,ben,2026-01-10',
      'transactions.csv': sales(['acme', 'initech']),
    });
    expect(dataset.clients.map((c) => stateOn(c, day('2026-03-31')))).toEqual(['active', 'active', 'signed']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'bad-cell', severity: 'warning', file: 'clients.csv', line: 3, column: 1 });
    expect(problems[0].message).toContain("client 'globex' has no dates, no status and no sale in the data: it is taken for an established active client");
    expect(problems[0].hint).toContain("give 'status' (prospect when it is not a client yet");
  });

  it('gathers many such clients into one warning at the first, with their count and lines', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `p${i}`);
    const { problems } = read({ 'reps.csv': reps, 'clients.csv': `id,owner\nacme,anna\n${ids.map((id) => `${id},anna`).join('\n')}`, 'transactions.csv': sales(['acme']) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'bad-cell', severity: 'warning', file: 'clients.csv', line: 3 });
    expect(problems[0].message).toMatch(/^14 clients have no dates, no status and no sale in the data \(client 'p0' here, then lines 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 and 3 more\): each is taken for an established active client/);
  });

  it('gives no warning once clients.csv says what the client is', () => {
    const { problems } = read({ 'reps.csv': reps, 'clients.csv': 'id,owner,status\nacme,anna,active\nglobex,anna,prospect', 'transactions.csv': sales(['acme']) });
    expect(problems).toEqual([]);
  });

  it('is in its status for the whole data, until a lost date', () => {
    const { dataset, problems } = read({
      'reps.csv': reps,
      'clients.csv': 'id,owner,lost_date,status\nfirm,anna,,prospect\nsig,anna,,signed\nact,anna,,Active\ngone,anna,,lost\nleft,anna,2026-03-15,lost\nin,anna,,inbound',
      'transactions.csv': sales(['sig', 'act', 'left', 'in']),
    });
    expect(problems).toEqual([]);
    expect(dataset.hasStatus).toBe(true);
    const on = (d: string) => dataset.clients.map((c) => stateOn(c, day(d)));
    expect(on('2026-03-01')).toEqual(['prospect', 'signed', 'active', 'lost', 'active', 'active']);
    expect(on('2026-03-31')).toEqual(['prospect', 'signed', 'active', 'lost', 'lost', 'active']);
  });

  it('is paid on as its status says: a signed one as signed, an inbound account as active', () => {
    const { dataset } = read({ 'reps.csv': reps, 'clients.csv': 'id,owner,status\nsig,anna,signed\nin,anna,inbound', 'transactions.csv': sales(['sig', 'in']) });
    const scheme = schemeOf(`
name: categories
currency: EUR
components:
  - {id: on_signed, type: commission, measure: revenue, filter: {category: signed}, rate: 10%}
  - {id: on_active, type: commission, measure: revenue, filter: {category: active}, rate: 1%}
`);
    const r = payout(scheme, dataset, '2026-03');
    expect([paid(r, 'anna', '2026-03', 'on_signed'), paid(r, 'anna', '2026-03', 'on_active')]).toEqual(['10.00', '1.00']);
  });

  it('warns where its status contradicts its sales, or a dated client its dates', () => {
    const { problems } = read({
      'reps.csv': reps,
      'clients.csv': 'id,owner,signed_date,activated_date,status\nfirm,anna,,,prospect\nsig,anna,2026-01-10,,active\nok,anna,2026-01-10,2026-02-01,active',
      'transactions.csv': sales(['firm', 'sig', 'ok']),
    });
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['inconsistent-dates', 'warning', 2], ['inconsistent-dates', 'warning', 3]]);
    expect(problems[0].message).toBe("client 'firm' is 'prospect' with no dates, but it bought on 2026-03-01 (transactions.csv:2): its sales count with no client category");
    expect(problems[1].message).toBe("client 'sig' has status 'active', but its dates make it signed at the end of the data (2026-03): the dates are read");
    expect(problems[1].hint).toContain('activated_date');
  });

  it('is not judged from clients.csv alone, without the sales', () => {
    const { problems } = read({ 'reps.csv': reps, 'clients.csv': 'id,owner\nacme,anna' });
    expect(problems.filter((p) => p.code === 'bad-cell')).toEqual([]);
  });
});
