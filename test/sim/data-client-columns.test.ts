import { describe, expect, it } from 'vitest';
import type { DatasetTable } from '../../src/core/generate/tables.js';
import { schemeFitsScenario } from '../../src/core/sim/fit.js';
import { assignRoles } from '../../src/core/sim/people.js';
import { Simulator } from '../../src/core/sim/run.js';
import { bookFromData } from '../../src/core/sim/start-book.js';
import { datasetOfTables } from '../helpers/dataset.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * `simulate --data` starts from the data's clients: a component that reads
 * their own columns in clients.csv (an upsell's baseline column) reads them
 * in the simulation too. They were dropped (QA17): such an upsell paid
 * nothing under --data, and the warning said no simulated client had the
 * column.
 */
const freight = scenarioText(bundled('scenarios/freight.yaml'));

function book(baselines: readonly string[]) {
  const table = (file: DatasetTable['file'], text: string): DatasetTable => {
    const [header, ...rows] = text.trim().split('\n').map((l) => l.split(','));
    return { file, header, rows };
  };
  const ids = baselines.map((_, k) => `c${k}`);
  const months = ['2025-10', '2025-11', '2025-12'];
  const { dataset, problems } = datasetOfTables([
    table('reps.csv', 'id\nanna\nben'),
    table('clients.csv', `id,owner,signed_date,activated_date,base_gp\n${ids.map((id, k) => `${id},${k % 2 ? 'ben' : 'anna'},2024-01-10,2024-02-01,${baselines[k]}`).join('\n')}`),
    table('transactions.csv', `id,date,client_id,revenue,gross_profit\n${ids.flatMap((id) => months.map((m) => `${id}-${m},${m}-15,${id},20000,4000`)).join('\n')}`),
  ]);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return bookFromData(dataset, freight).book;
}

const scheme = schemeText(
  'name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 10%}\n  - {id: up, type: upsell, measure: gross_profit, baseline: {column: base_gp}, rate: 20%}\n',
);

const upsellPaid = (baselines: readonly string[]) => {
  const sim = new Simulator({ scenario: freight, schemes: [{ scheme, from: 0 }], months: 3, seed: 1, detail: false, book: book(baselines) });
  const up = sim.componentIds.indexOf('up');
  return Array.from({ length: 4 }, (_, i) => sim.run(i).components[up]);
};

describe("the data's clients keep their own columns in the simulation", () => {
  it("an upsell over the clients' baseline column pays on them, less the higher their baselines", () => {
    const low = upsellPaid(Array(6).fill('500'));
    const high = upsellPaid(Array(6).fill('3000'));
    for (const paid of low) expect(paid).toBeGreaterThan(0);
    for (let i = 0; i < low.length; i++) expect(high[i]).toBeLessThan(low[i]);
  });

  it("a client with no value in the column is paid nothing on (its baseline unknown), as payout does", () => {
    expect(upsellPaid(Array(6).fill(''))).toEqual([0, 0, 0, 0]);
  });

  it('the warning says that the clients of the data keep the column and those the simulation signs have none', () => {
    const p = schemeFitsScenario(scheme, freight, { roles: assignRoles(scheme.organisation, 2), fromData: true }).filter((x) => x.code === 'unknown-reference');
    expect(p.map((x) => x.message)).toEqual(["component 'up' reads the clients' column 'base_gp': the clients of the data keep theirs, the clients the simulation signs have none"]);
  });
});
