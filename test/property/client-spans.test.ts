import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../src/cli/io/csv-tokenizer.js';
import { DatasetBuilder, type RowTaker } from '../../src/core/data/builder.js';
import { readInCuts } from '../helpers/read-in-cuts.js';

/** the clients, the sales naming them and every problem as plain JSON, so two reads compare by value */
function snapshot(b: DatasetBuilder): unknown {
  const { dataset, problems } = b.finish();
  return JSON.parse(JSON.stringify({ problems, clients: dataset.clients, transactions: dataset.transactions }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
}

/** clients.csv's text read as the dataset reader reads it, with or without handing plain records over as spans, cut in chunks at `cuts`; then a few sales naming clients */
function read(text: string, spans: boolean, cuts: number[]): unknown {
  const b = new DatasetBuilder();
  const reps = b.table('reps', 'reps.csv', ['id', 'name'])!;
  ['r1', 'r2', 'r10', 'a-rep-with-a-long-id'].forEach((id, i) => reps({ line: i + 2, cells: [id, id] }));
  readInCuts(b, 'clients', text, spans, cuts);
  // sales in 2026 (the business the far-dates check measures from), naming clients taken or not
  const sales = b.table('transactions', 'transactions.csv', ['id', 'date', 'client_id', 'revenue', 'cost', 'gross_profit']);
  ['c1', 'c2', 'c9', 'a-client-with-a-long-id'].forEach((c, i) => sales?.({ line: i + 2, cells: [`t${i}`, '2026-01-15', c, '10', '4', '6'], columns: [1, 4, 15, 18, 21, 23] }));
  return snapshot(b);
}

/** a cell as nearly every one is, now and then one the general reading has to take */
const mostly = (plain: fc.Arbitrary<string>, other: fc.Arbitrary<string>) => fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: other, weight: 1 });
const id = mostly(fc.constantFrom('c1', 'c2', 'c3', 'a-client-with-a-long-id'), fc.constantFrom('', ' c4', 'c5 ', 'cé', 'é', 'c😀', '"c6"', '"a,b"', 'c1'));
const name = mostly(fc.constantFrom('Client One', '', 'A client whose name is long'), fc.constantFrom(' x', 'x ', 'Ärzte', '"a,b"', '"say ""hi"""'));
const segment = mostly(fc.constantFrom('large', 'small', ''), fc.constantFrom('large ', 'grand-é', '"x"'));
const rep = mostly(fc.constantFrom('r1', 'r2', 'r10', 'a-rep-with-a-long-id', ''), fc.constantFrom('r9', ' r1', 'r1\u00a0', 'R1', '"r2"'));
const day = mostly(fc.constantFrom('2025-01-15', '2025-03-01', '2026-02-28', '2024-02-29', ''), fc.constantFrom('2026-02-30', '2026-13-01', '15.01.2025', ' 2025-01-15', '2025-01-15 ', '2025-01-15T10:00:00', '1900-01-01', '9999-01-01', '2025-1-15', 'x'));
const status = mostly(fc.constantFrom('active', 'lost', 'prospect', 'signed', 'inbound', ''), fc.constantFrom('Active', 'LOST', 'actve', ' active', 'active ', 'x', '"active"'));
const extra = mostly(fc.constantFrom('north', '', '12'), fc.constantFrom(' south ', '"a,b"', 'é'));

/** the header's columns: the table's, in some order, some left out, now and then one of the user's own or an alias */
const header = fc
  .tuple(
    fc.shuffledSubarray(['name', 'segment', 'owner', 'finder', 'closer', 'signed_date', 'activated_date', 'lost_date', 'status', 'region', 'tier'], { minLength: 0 }),
    fc.nat(12),
    fc.constantFrom('id', 'client_id', 'client'),
  )
  .map(([cols, at, idName]) => {
    const all = [...cols];
    all.splice(at % (all.length + 1), 0, idName);
    return all;
  });

const cellOf: Record<string, fc.Arbitrary<string>> = {
  id,
  client_id: id,
  client: id,
  name,
  segment,
  owner: rep,
  finder: rep,
  closer: rep,
  signed_date: day,
  activated_date: day,
  lost_date: day,
  status,
  region: extra,
  tier: extra,
};

const file = header.chain((cols) => {
  const row = fc.tuple(...cols.map((c) => cellOf[c])).map((cells) => [...cells]);
  const ragged = fc.tuple(row, fc.nat(20)).map(([c, r]) => (r === 0 ? [...c, 'extra'] : r === 1 ? c.slice(0, -1) : c));
  return fc.tuple(fc.array(ragged, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(4), { maxLength: 25 })).map(([rs, eol, trailing, blanks]) => {
    const lines = [cols.join(',')];
    rs.forEach((r, i) => {
      if (blanks[i] === 0) lines.push('');
      lines.push(r.join(','));
    });
    return lines.join(eol) + (trailing ? eol : '');
  });
});

describe('clients read where they stand in the text', () => {
  it('make the same clients, the same known ids and the same located problems as rows read cell by cell, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(file, fc.array(fc.nat(400), { maxLength: 5 }), (text, cuts) => {
        expect(read(text, true, cuts)).toEqual(read(text, false, cuts));
      }),
      { numRuns: 2000 },
    );
  });

  it('take the plain rows of a file (the fast path is used)', () => {
    const text = 'id,name,owner,signed_date,status\nc1,One,r1,2025-01-15,active\nc2,Two,r2,,lost\n';
    const b = new DatasetBuilder();
    b.table('reps', 'reps.csv', ['id'])!({ line: 2, cells: ['r1'] });
    b.table('reps', 'reps.csv', ['id'])!({ line: 3, cells: ['r2'] });
    const tokenizer = new CsvTokenizer(44);
    let take: RowTaker | undefined;
    let cellRows = 0;
    tokenizer.push(text, true, (rec) => {
      if (take === undefined) {
        take = b.table('clients', 'clients.csv', rec.cells, rec.line, rec.columns)!;
        tokenizer.spans = take.spans;
      } else cellRows++;
      return true;
    });
    expect(cellRows).toBe(0);
    expect(b.finish().dataset.clients.map((c) => [c.id, c.name, c.owner, c.signed, c.status])).toEqual([
      ['c1', 'One', 'r1', 20103, 'active'],
      ['c2', 'Two', 'r2', undefined, 'lost'],
    ]);
  });
});
