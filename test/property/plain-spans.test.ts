import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/data/builder.js';
import { readInCuts } from '../helpers/read-in-cuts.js';
import { repeatedRows } from '../../src/core/data/repeated-ids.js';
import { SpanStrings } from '../../src/core/data/span-strings.js';
import { hashOf, IdLookup, TakenIds } from '../../src/core/data/taken-ids.js';

/** a dataset's rows and problems as plain JSON, rationals as n/d, so two reads compare by value */
function snapshot(b: DatasetBuilder): unknown {
  const { dataset, problems } = b.finish();
  return JSON.parse(JSON.stringify({ problems, transactions: dataset.transactions, activity: dataset.activity }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
}

/** a table's CSV text read as the dataset reader reads it, with or without handing plain records over as spans, cut in chunks at `cuts` */
function read(table: 'transactions' | 'activity', text: string, spans: boolean, cuts: number[]): unknown {
  const b = new DatasetBuilder();
  const reps = b.table('reps', 'reps.csv', ['id', 'name'])!;
  ['r1', 'r2', 'r10'].forEach((id, i) => reps({ line: i + 2, cells: [id, id] }));
  const clients = b.table('clients', 'clients.csv', ['id', 'name'])!;
  ['c1', 'c2', 'c3', 'c10', 'client-with-a-long-id'].forEach((id, i) => clients({ line: i + 2, cells: [id, id] }));
  readInCuts(b, table, text, spans, cuts);
  return snapshot(b);
}

/** a cell as nearly every one is, now and then one the general reading has to take */
const mostly = (plain: fc.Arbitrary<string>, other: fc.Arbitrary<string>) => fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: other, weight: 1 });
const id = mostly(fc.constantFrom('t1', 't2', 't3', 'a-transaction-id-of-some-length'), fc.constantFrom('', ' t4', 't5 ', 'té', 'é', 't😀', 'a-transaction-id-of-some-length', '"t6"', '"a,b"'));
const day = mostly(fc.constantFrom('2026-01-15', '2026-02-28', '2024-02-29', ''), fc.constantFrom('2026-02-30', '2026-13-01', '15.01.2026', ' 2026-01-15', '2026-01-15 ', '2026-01-15T10:00:00', '9999-01-01', '2026-1-15', 'x', '"2026-01-16"'));
const client = mostly(fc.constantFrom('c1', 'c2', 'c3', 'c10', 'client-with-a-long-id'), fc.constantFrom('c9', '', ' c1', 'c1\t', 'C1', '"c2"'));
const rep = mostly(fc.constantFrom('r1', 'r2', 'r10', ''), fc.constantFrom('r9', ' r1', 'r1\u00a0', 'r1 '));
const amount = mostly(
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 999 })).map(([m, i, c]) => `${m ? '-' : ''}${i}.${c}`),
  fc.constantFrom('12.50', '-3', '0', '-0', '-0.00', '7.10', '1e3', '.5', '12.', '9999999999999999', '123456789012345', '1,5', ' 7', '7 ', '+5', '', 'abc', '"12.5"', '0.000000000000001'),
);
const month = mostly(fc.constantFrom('2026-01', '2026-12', '2025-06'), fc.constantFrom('2026-13', '2026-00', '2026-1', '2026-01-15', '', ' 2026-01', '2026-01 ', '9999-01', 'x'));
const hours = mostly(fc.constantFrom('', '1.5', '0', '3.50'), fc.constantFrom('-0', '-1', '2.', 'x', ' 3', '3.50', '1e2', '999999999999'));
const label = mostly(fc.constantFrom('', 'active', 'prospect'), fc.constantFrom('active ', ' active', 'новый', '"a,b"'));

/** a row's cells, now and then one too many or too few */
const ragged = (cells: fc.Arbitrary<string[]>) =>
  fc.tuple(cells, fc.nat(20)).map(([c, r]) => (r === 0 ? [...c, 'extra'] : r === 1 ? c.slice(0, -1) : c));
const txRow = ragged(fc.tuple(id, day, client, rep, amount, amount, amount, day, day).map((c) => [...c]));
const activityRow = ragged(fc.tuple(month, rep, client, label, hours).map((c) => [...c]));
const file = (header: string, rows: fc.Arbitrary<string[]>) =>
  fc.tuple(fc.array(rows, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(4), { maxLength: 25 })).map(([rs, eol, trailing, blanks]) => {
    const lines = [header];
    rs.forEach((r, i) => {
      if (blanks[i] === 0) lines.push('');
      lines.push(r.join(','));
    });
    return lines.join(eol) + (trailing ? eol : '');
  });

describe('plain rows read where they stand in the text', () => {
  it('make the same transactions and the same located problems as rows read cell by cell, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(file('id,date,client_id,rep_id,revenue,cost,gross_profit,due_date,paid_date', txRow), fc.array(fc.nat(400), { maxLength: 5 }), (text, cuts) => {
        expect(read('transactions', text, true, cuts)).toEqual(read('transactions', text, false, cuts));
      }),
      { numRuns: 1500 },
    );
  });

  it('make the same activity and the same located problems as rows read cell by cell', () => {
    fc.assert(
      fc.property(file('month,rep_id,client_id,activity,hours', activityRow), fc.array(fc.nat(300), { maxLength: 5 }), (text, cuts) => {
        expect(read('activity', text, true, cuts)).toEqual(read('activity', text, false, cuts));
      }),
      { numRuns: 1500 },
    );
  });

  it('find an id, a label and a repeated id by their characters or by string as a Map and a Set find them', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c]{0,3}[0-9]{0,2}$/), { maxLength: 60 }), fc.array(fc.stringMatching(/^[a-c]{0,3}[0-9]{0,2}$/), { maxLength: 60 }), (taken, refs) => {
        const ids = new TakenIds();
        const places = new Map<string, number>();
        for (const t of taken) {
          ids.add(t);
          if (!places.has(t)) places.set(t, places.size);
        }
        expect(ids.size).toBe(places.size);
        const lookup = new IdLookup(ids);
        const labels = new SpanStrings();
        for (const r of [...refs, ...taken]) {
          const text = `,${r};`;
          const place = places.get(r) ?? -1;
          expect(ids.placeOf(r)).toBe(place);
          expect(ids.get(r)).toBe(place < 0 ? undefined : r);
          expect(lookup.placeOfSpan(text, 1, r.length + 1)).toBe(place);
          expect(ids.placeOfSpan(text, 1, r.length + 1)).toBe(place);
          expect(labels.get(text, 1, r.length + 1)).toBe(r);
        }
        const seen = new Set<string>();
        const repeated = refs.flatMap((r, i) => (seen.size === seen.add(r).size ? [i] : []));
        expect(repeatedRows(refs.length, Int32Array.from(refs, (r) => hashOf(r, 0, r.length) | 0), (a, b) => refs[a] === refs[b])).toEqual(repeated);
      }),
      { numRuns: 500 },
    );
  });
});
