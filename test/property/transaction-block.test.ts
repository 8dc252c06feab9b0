import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTransactionBlock } from '../../src/cli/io/block-file.js';
import { expectBlockReadsAsOneThread, mostly, readWithBlock } from '../helpers/block-read.js';
import { hashOf } from '../../src/core/data/taken-ids.js';

const dir = mkdtempSync(join(tmpdir(), 'motiv-transaction-block-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ids repeat now and then (a repeated id is reported); a far day now and then (the far-dates warnings come in the order the dates are logged)
const id = mostly(fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6', 't7', 'a-transaction-id-of-some-length'), fc.constantFrom('', ' t8', 't9 ', 'té', '"t6"', '"a,b"'));
const day = mostly(fc.constantFrom('2026-01-15', '2026-02-28', '2024-02-29', '9999-01-01'), fc.constantFrom('2026-02-30', '2026-13-01', '15.01.2026', ' 2026-01-15', '2026-1-15', 'x', ''));
const optionalDay = mostly(fc.constantFrom('2026-01-15', '2026-03-31', '', '0202-05-01'), fc.constantFrom('2026-02-30', 'x', ' 2026-01-15', '2026-01-15T10:00'));
const client = mostly(fc.constantFrom('c1', 'c2', 'c3', 'c10', 'client-with-a-long-id'), fc.constantFrom('c9', '', ' c1', 'C1', '"c2"', 'c1é'));
const rep = mostly(fc.constantFrom('r1', 'r2', 'r10', ''), fc.constantFrom('r9', ' r1', 'r1\u00a0'));
const amount = mostly(
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 999 })).map(([m, i, c]) => `${m ? '-' : ''}${i}.${c}`),
  fc.constantFrom('-0', '7.10', '1e3', '.5', '12.', '9999999999999999', '1,5', ' 7', '+5', '', '"12.5"'),
);
const status = mostly(fc.constantFrom('', 'paid', 'open', 'cancelled'), fc.constantFrom(' paid', 'новый', '"a,b"', '"two\nlines"'));
const fields = fc.record({ id, date: day, client_id: client, rep_id: rep, revenue: amount, cost: amount, gross_profit: amount, due_date: optionalDay, paid_date: optionalDay, status });
const header = fc.constantFrom(
  'id,date,client_id,rep_id,revenue,cost,gross_profit,due_date,paid_date',
  'id,date,client_id,rep_id,revenue,cost,gross_profit,due_date,paid_date,status',
  'date,id,revenue,cost,gross_profit,client_id,status,rep_id',
  'id,date,client_id,revenue,cost,gross_profit',
  'id;date;client_id;rep_id;revenue;cost;gross_profit',
  'id,date,client_id,rep_id,revenue,cost',
  'id,date,client_id,rep_id,revenue,cost,gross_profit,note',
  'id,dáte,client_id,rep_id,revenue,cost,gross_profit',
);
const text = fc
  .tuple(header, fc.array(fc.tuple(fields, fc.nat(60)), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.array(fc.nat(6), { maxLength: 40 }))
  .map(([h, rows, eol, trailing, bom, blanks]) => {
    const delimiter = h.includes(';') ? ';' : ',';
    const names = h.split(delimiter);
    const lines: string[] = [h];
    rows.forEach(([f, k], i) => {
      if (blanks[i] === 0) lines.push('');
      const cells = names.map((n) => (f as Record<string, string>)[n] ?? 'x');
      lines.push((k === 0 ? [...cells, 'extra'] : k === 1 ? cells.slice(0, -1) : cells).join(delimiter));
    });
    return (bom ? '\uFEFF' : '') + lines.join(eol) + (trailing ? eol : '');
  });

describe('transaction rows read in a worker first', () => {
  it('make the same transactions and the same located problems as the file read on one thread', async () => {
    await expectBlockReadsAsOneThread('transactions', dir, text, (file) => readTransactionBlock(file));
  });

  it('a cell written with a point that keeps no decimals ("0.0") tells its column a decimal point, in a block as in a row read alone', async () => {
    // (a counterexample the property found: the block said nothing of "0.0", so a later "1.100" was warned of as ambiguous in it alone)
    const file = join(dir, 'dotted.csv');
    writeFileSync(file, 'id,date,client_id,rep_id,revenue,cost,gross_profit,due_date,paid_date\nt1,2026-01-15,c1,r1,0.0,0.0,0.0,2026-01-15,2026-01-15\nt1,2026-01-15,c1,r1,1.100,0.0,0.0,2026-01-15,2026-01-15\n');
    const one = await readWithBlock('transactions', file, undefined);
    const two = await readWithBlock('transactions', file, readTransactionBlock(file));
    expect(two.adopted).toBeGreaterThan(0);
    expect(two.problems).toEqual(one.problems);
    expect(JSON.stringify(one.problems)).not.toContain('ambiguous-number');
  });

  it('stops at the first row it leaves, and says where the file goes on', () => {
    const file = join(dir, 'stop.csv');
    const head = 'id,date,client_id,rep_id,revenue,cost,gross_profit,due_date,paid_date,status\r\nt1,2026-01-15,c1,r1,10.50,4,6.50,2026-02-14,,paid\r\n\r\nt-long-identifier-2,2026-01-16,c2,,1,1,0,,2026-02-01,\r\n';
    writeFileSync(file, `${head}t3,2026-01-17,c1,r1,né,1,0,,,\r\nt4,2026-01-17,c1,r1,1,1,0,,,\r\n`);
    const block = readTransactionBlock(file)!;
    expect(block.rows).toBe(2);
    expect([...block.lines]).toEqual([2, 4]);
    expect(block.resume).toEqual({ offset: head.length, line: 5 });
    expect(block.idText).toBe('t1t-long-identifier-2');
    expect([...block.idEnds]).toEqual([2, 21]);
    expect([...block.idHashes]).toEqual(['t1', 't-long-identifier-2'].map((s) => hashOf(s, 0, s.length) | 0));
    expect(block.clientIds).toEqual(['c1', 'c2']);
    expect([...block.reps]).toEqual([0, -1]);
    expect([...block.statuses]).toEqual([0, -1]);
    expect([...block.revenueUnits, ...block.revenuePlaces]).toEqual([105, 1, 1, 0]);
    expect([...block.paidColumns]).toEqual([45, 43]);
  });
});
