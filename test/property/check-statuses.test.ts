import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatuses } from '../../src/core/data/check-statuses.js';
import { ObjectTransactions } from '../../src/core/data/facts.js';
import type { Client, ClientStatus, Transaction } from '../../src/core/types.js';

const STATUSES: (ClientStatus | undefined)[] = [undefined, 'prospect', 'signed', 'active', 'lost', 'inbound'];
const BASE = 20_000;

const clientArb = fc.record({
  dated: fc.boolean(),
  signedAt: fc.integer({ min: 0, max: 400 }),
  status: fc.constantFrom(...STATUSES),
});

function clientsOf(list: { dated: boolean; signedAt: number; status: ClientStatus | undefined }[]): Client[] {
  return list.map((c, i) => ({
    id: `c${i}`,
    name: `Client ${i}`,
    segment: undefined,
    owner: 'r1',
    finder: undefined,
    closer: undefined,
    signed: c.dated ? BASE + c.signedAt : undefined,
    activated: undefined,
    lost: undefined,
    ...(c.status ? { status: c.status } : {}),
    columns: {},
    source: { file: 'clients.csv', line: i + 2 },
  }));
}

/** the sale of row i: a day after BASE, to a client, with a status or none */
function sale(i: number, day: number, client: string, status: string | undefined): Transaction<number> {
  return { id: `t${i}`, day: BASE + day, client, rep: undefined, revenue: 1, cost: 0, grossProfit: 1, due: undefined, paid: undefined, status, source: { file: 'transactions.csv', line: i + 2 } };
}

/** an undated client's earliest sale, the first row of its day: what the rule reads of the sales */
function firstSale(txs: readonly Transaction<number>[], id: string): Transaction<number> | undefined {
  let best: Transaction<number> | undefined;
  for (const t of txs) if (t.client === id && (best === undefined || t.day < best.day)) best = t;
  return best;
}

describe("the statuses' check of clients against their sales", () => {
  it("reads only each undated client's first sale, and warns of those with no status and no sale", () => {
    const sales = fc.array(fc.record({ client: fc.nat(), day: fc.integer({ min: 0, max: 500 }) }), { maxLength: 80 });
    fc.assert(
      fc.property(fc.array(clientArb, { minLength: 1, maxLength: 12 }), sales, fc.integer({ min: 0, max: 30 }), (list, rows, lastAt) => {
        const clients = clientsOf(list);
        // a sale may name a client not in clients.csv (c99)
        const txs = rows.map((r, i) => sale(i, r.day, r.client % (clients.length + 1) === clients.length ? 'c99' : `c${r.client % (clients.length + 1)}`, undefined));
        const lastMonth = 657 + lastAt;
        const got = checkStatuses(clients, txs, lastMonth);
        const firsts = clients.filter((c) => c.signed === undefined).flatMap((c) => firstSale(txs, c.id) ?? []);
        expect(got).toEqual(checkStatuses(clients, firsts, lastMonth));
        const unknown = clients.filter((c) => c.signed === undefined && c.status === undefined && !txs.some((t) => t.client === c.id));
        const warned = got.filter((p) => p.code === 'bad-cell');
        if (unknown.length <= 3) expect(warned.map((p) => p.line)).toEqual(unknown.map((c) => c.source!.line));
        else expect(warned.map((p) => p.message.split(' ')[0])).toEqual([String(unknown.length)]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("finds each client's first sale alike when the columns list a client under two codes", () => {
    const sales = fc.array(fc.record({ client: fc.nat({ max: 6 }), day: fc.integer({ min: 0, max: 40 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(fc.array(clientArb.map((c) => ({ ...c, dated: false })), { minLength: 1, maxLength: 6 }), sales, (list, rows) => {
        const clients = clientsOf(list);
        const txs = rows.map((r, i) => sale(i, r.day, `c${r.client}`, 'active'));
        // a table with every client twice (as two blocks' tables may), rows coded to either by turns
        const names = [...new Set(txs.map((t) => t.client))];
        const twice = new ObjectTransactions(txs);
        twice.clientCodes = () => ({ codes: Int32Array.from(txs, (t, i) => names.indexOf(t.client) + (i % 2) * names.length), strings: [...names, ...names] });
        expect(checkStatuses(clients, twice, 660)).toEqual(checkStatuses(clients, txs, 660));
      }),
      { numRuns: 2_000 },
    );
  });
});
