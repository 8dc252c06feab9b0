import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { readScheme } from '../../src/cli/sim/inputs.js';
import { exactArith } from '../../src/core/money/arith.js';
import { buildLedger, type Ledger } from '../../src/core/payout/ledger.js';
import type { Q } from '../../src/core/types.js';

const FIXTURES = join(__dirname, '../../fixtures');
const SCHEME = join(__dirname, '../../schemes/leads-kpi.yaml');

/** what a ledger holds, as plain values */
function shape(ledger: Ledger<Q>) {
  const text = (q: Q) => q.toString();
  return [...ledger.reps].map(([id, r]) => ({
    id,
    tx: [...r.txByMonth].map(([m, txs]) => [m, txs.map((t) => [t.id, t.client, t.day, text(t.share), text(t.revenue), text(t.cost), text(t.grossProfit), t.due, t.paid, t.category, t.isNew, t.ageActivation, t.ageSigning, t.segment])]),
    paid: [...r.paidByMonth].map(([m, txs]) => [m, txs.map((t) => t.id)]),
    all: r.all.map((t) => t.id),
    events: [...r.events].map(([m, es]) => [m, es.map((e) => [e.client, e.kind, e.day, text(e.share)])]),
    activity: [...r.activity].map(([m, a]) => [m, [...a.clients], a.contacts, text(a.hours), [...a.hoursByActivity].map(([k, h]) => [k, text(h)])]),
  }));
}

describe('the ledger of a dataset kept in columns', () => {
  const folders = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'reps.csv')));

  it.each(folders)('is the ledger of the same rows as objects (%s)', async (folder) => {
    const { dataset } = await readDataset(join(FIXTURES, folder));
    expect(dataset).toBeDefined();
    const scheme = readScheme(SCHEME, {}).value!;
    const fromColumns = buildLedger(scheme, dataset!, exactArith);
    // a spread copy holds the rows as arrays of objects, read through them
    const fromObjects = buildLedger(scheme, { ...dataset! }, exactArith);
    expect(shape(fromColumns)).toEqual(shape(fromObjects));
    expect(fromColumns.problems).toEqual(fromObjects.problems);
  });
});
