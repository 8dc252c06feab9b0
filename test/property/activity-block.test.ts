import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readActivityBlock } from '../../src/cli/io/block-file.js';
import { expectBlockReadsAsOneThread, mostly } from '../helpers/block-read.js';

const dir = mkdtempSync(join(tmpdir(), 'motiv-activity-block-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const month = mostly(fc.constantFrom('2026-01', '2026-12', '2025-06'), fc.constantFrom('2026-13', '2026-1', '', ' 2026-01', '9999-01', 'x', '"2026-02"'));
const rep = mostly(fc.constantFrom('r1', 'r2', 'r10'), fc.constantFrom('r9', ' r1', 'r1\u00a0', ''));
const client = mostly(fc.constantFrom('c1', 'c2', 'c3', 'c10', 'client-with-a-long-id', ''), fc.constantFrom('c9', ' c1', 'C1', '"c2"', 'c1é'));
const hours = mostly(fc.constantFrom('', '1.5', '0', '3.50', '12'), fc.constantFrom('-0', '-1', '2.', 'x', ' 3', '1e2', '999999999999'));
const label = mostly(fc.constantFrom('', 'active', 'prospect'), fc.constantFrom('active ', 'новый', '"a,b"', '"two\nlines"', 'a"b'));
const row = fc.tuple(month, rep, client, label, hours, fc.nat(60)).map(([m, r, c, l, h, k]) => (k === 0 ? [m, r, c, l, h, 'extra'] : k === 1 ? [m, r, c, l] : [m, r, c, l, h]));
const header = fc.constantFrom('month,rep_id,client_id,activity,hours', 'period,rep,client,category,hours', 'month,rep_id,hours', 'rep_id,month,hours,client_id', 'month;rep_id;client_id;activity;hours', 'month,rep_id,client_id,activity,hours,contacts', 'month,rép,hours');
const text = fc
  .tuple(header, fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.array(fc.nat(6), { maxLength: 40 }))
  .map(([h, rows, eol, trailing, bom, blanks]) => {
    const delimiter = h.includes(';') ? ';' : ',';
    const lines: string[] = [h];
    rows.forEach((r, i) => {
      if (blanks[i] === 0) lines.push('');
      lines.push(r.join(delimiter));
    });
    return (bom ? '\uFEFF' : '') + lines.join(eol) + (trailing ? eol : '');
  });

describe('activity rows read in a worker first', () => {
  it('make the same activity and the same located problems as the file read on one thread', async () => {
    await expectBlockReadsAsOneThread('activity', dir, text, (file) => readActivityBlock(file));
  });

  it('stops at the first row it leaves, and says where the file goes on', () => {
    const file = join(dir, 'stop.csv');
    writeFileSync(file, 'month,rep_id,client_id,activity,hours\r\n2026-01,r1,c1,active,1.5\r\n\r\n2026-02,r2,,,\r\n2026-03,r1,c2,новый,2\r\n2026-04,r1,c2,active,2\r\n');
    const block = readActivityBlock(file)!;
    expect(block.rows).toBe(2);
    expect([...block.lines]).toEqual([2, 4]);
    expect(block.resume).toEqual({ offset: 'month,rep_id,client_id,activity,hours\r\n2026-01,r1,c1,active,1.5\r\n\r\n2026-02,r2,,,\r\n'.length, line: 5 });
    expect(block.repIds).toEqual(['r1', 'r2']);
    expect([...block.clients]).toEqual([0, -1]);
    expect([...block.hourColumns]).toEqual([22, 0]);
  });
});
