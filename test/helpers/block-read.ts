import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { streamCsv } from '../../src/cli/io/csv.js';
import { decimalOf } from '../../src/cli/io/table-file.js';
import { DatasetBuilder } from '../../src/core/data/builder.js';
import type { RowBlock } from '../../src/core/data/plain-spans.js';
import { checkFacts, factsSource, orderFact } from '../../src/core/data/block-facts.js';
import { transactionFacts } from '../../src/core/data/facts.js';
import { saleOrder } from '../../src/core/data/sale-order.js';
import { firstSaleRows } from '../../src/core/data/first-sales.js';
import { TransactionColumns } from '../../src/core/data/transaction-columns.js';
import type { Problem } from '../../src/core/problems/problem.js';
import type { Dataset, Q } from '../../src/core/types.js';

/** the tables a worker reads a block of */
type BlockTable = RowBlock['table'];

/** a dataset's rows of `table` and its problems as plain JSON, rationals as n/d, so two reads compare by value */
function snapshot(dataset: Dataset<Q>, problems: readonly Problem[], table: BlockTable): unknown {
  const rows = table === 'activity' ? { activity: dataset.activity } : { transactions: dataset.transactions };
  return JSON.parse(JSON.stringify({ problems, ...rows }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
}

/**
 * A block's facts as its worker works them out (BlockFacts, from copies of
 * the block's columns), taken as readDataset takes them: what the checks
 * read before them, the sale order after. `ordered` says whether the dataset
 * kept an order, which must then be the one saleOrder gives, and each
 * client's first sale the one firstSaleRows gives.
 */
function withFacts(b: DatasetBuilder, block: RowBlock | undefined): { finish: () => { dataset: Dataset<Q>; problems: Problem[] }; ordered: () => boolean } {
  const source = block !== undefined && block.rows > 0 ? factsSource(block) : undefined;
  let dataset: Dataset<Q> | undefined;
  return {
    finish: () => {
      if (source && b.wantsBlockFacts(source.table)) b.takeBlockFacts(checkFacts(source));
      const done = b.finish();
      const sorted = source && b.wantsBlockFacts(source.table) ? orderFact(source) : undefined;
      if (sorted) b.takeBlockFacts(sorted);
      dataset = done.dataset;
      return done;
    },
    ordered: () => {
      const txs = transactionFacts(dataset!);
      if (!(txs instanceof TransactionColumns)) return false;
      const days = Int32Array.from({ length: txs.length }, (_, i) => txs.day(i));
      // each client's first sale, where the columns give one, by their own codes
      const first = txs.knownFirstSales();
      const { codes, strings } = txs.clientCodes();
      if (first !== undefined) expect([...first]).toEqual([...firstSaleRows(codes, strings.length, (i) => days[i])]);
      const known = txs.knownSaleOrder();
      if (known === undefined) return false;
      expect(first).toBeDefined();
      expect([...known]).toEqual(saleOrder(txs, days));
      return true;
    },
  };
}

/**
 * A table's file read as the dataset reader reads it, after reps r1, r2, r10
 * and clients c1, c2, c3, c10, client-with-a-long-id: with the block a worker
 * reads first when one is given, else on one thread. `adopted` counts the
 * block's rows taken.
 */
export async function readWithBlock(table: BlockTable, file: string, block: RowBlock | undefined): Promise<{ snapshot: unknown; problems: unknown; adopted: number; ordered: boolean }> {
  const b = new DatasetBuilder();
  const reps = b.table('reps', 'reps.csv', ['id', 'name'])!;
  ['r1', 'r2', 'r10'].forEach((id, i) => reps({ line: i + 2, cells: [id, id] }));
  const clients = b.table('clients', 'clients.csv', ['id', 'name'])!;
  ['c1', 'c2', 'c3', 'c10', 'client-with-a-long-id'].forEach((id, i) => clients({ line: i + 2, cells: [id, id] }));
  const shown = `${table}.csv`;
  let adopted = 0;
  const problems = await streamCsv(
    file,
    shown,
    (h) => {
      const take = b.table(table, shown, h.cells, h.line, h.columns, { decimal: decimalOf(h.delimiter) });
      const adopt = take?.spans?.adopt;
      if (take?.spans && adopt) take.spans.adopt = (bl) => (adopted = adopt(bl));
      return take;
    },
    { block: Promise.resolve(block) },
  );
  const facts = withFacts(b, block);
  const done = facts.finish();
  return { snapshot: snapshot(done.dataset, done.problems, table), problems, adopted, ordered: facts.ordered() };
}

/** mostly a plain cell, now and then one the plain reading leaves */
export const mostly = (plain: fc.Arbitrary<string>, other: fc.Arbitrary<string>) => fc.oneof({ arbitrary: plain, weight: 30 }, { arbitrary: other, weight: 1 });

/**
 * The property both block readers hold: a file of `text` read with the block
 * `readBlock` reads first (and the block's facts, see BlockFacts)
 * makes the same rows and the same located problems as the file read on one
 * thread; and some block is taken, not only left.
 */
export async function expectBlockReadsAsOneThread(table: BlockTable, dir: string, text: fc.Arbitrary<string>, readBlock: (file: string) => RowBlock | undefined): Promise<void> {
  let n = 0;
  let adoptedAny = false;
  let orderedAny = false;
  await fc.assert(
    fc.asyncProperty(text, async (t) => {
      const file = join(dir, `${table}-${n++}.csv`);
      writeFileSync(file, t);
      const one = await readWithBlock(table, file, undefined);
      const two = await readWithBlock(table, file, readBlock(file));
      if (two.adopted > 0) adoptedAny = true;
      if (two.ordered) orderedAny = true;
      expect(two.snapshot).toEqual(one.snapshot);
      expect(two.problems).toEqual(one.problems);
    }),
    { numRuns: 400 },
  );
  expect(adoptedAny).toBe(true);
  // a transactions block read whole keeps the order its worker worked out
  expect(orderedAny).toBe(table === 'transactions');
}
