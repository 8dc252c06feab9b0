import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BYTES_PER_CLIENT_SLOT, clientSlots, SCENARIO_LIMITS, simulationSizeProblems, WORLD_BYTES } from '../../src/core/scenario/limits.js';
import { Simulator } from '../../src/core/sim/run.js';
import type { StartBook } from '../../src/core/sim/start-book.js';
import { runCli } from '../helpers/cli.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

const scenario = (book: string, extra = '') => `kind: scenario
name: Sized
reps: {count: 8, hours: 160}
segments:
  regular: {share: 1, revenue: 10000, margin: 0.2}
book: {${book}}
response:
  prospect: {half_hours: 3, sign: 0.1}
  signed: {half_hours: 3, activate: 0.5}
  active: {half_hours: 2, keep: 0.7, wallet: 0.1}
drift: {churn: 0.02}
${extra}`;

describe('the size of a simulation, bounded in one place', () => {
  it('counts the client slots the simulator allocates: book, arrivals, pool and the clients of --data', () => {
    const sc = scenarioText(scenario('prospects: 30, signed: 2, active: 10', 'market: {new_prospects: 2.5, pool: 40}\nmonths: 12\n'));
    const scheme = schemeText(bundled('schemes/radio-pool.yaml'));
    const capacity = (s: Simulator) => (s as unknown as { capacity: number }).capacity;
    const synthetic = new Simulator({ scenario: sc, schemes: [{ scheme, from: 0 }], months: 12, seed: 1, detail: false });
    expect(capacity(synthetic)).toBe(clientSlots(sc, { reps: 8, months: 12 }));
    const book: StartBook = {
      start: sc.start,
      prospectsFromData: false,
      reps: Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, name: `R${i}`, role: undefined, manager: undefined, start: undefined, assignments: undefined, columns: {}, decimal: undefined })),
      clients: Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, state: 2, owner: i % 3, segment: 0, potential: 100, margin: 0.2, wallet: 0.5, signedAgo: 3, activatedAgo: 2, columns: {} })),
    };
    const fromData = new Simulator({ scenario: sc, schemes: [{ scheme, from: 0 }], months: 20, seed: 1, detail: false, book });
    expect(capacity(fromData)).toBe(clientSlots(sc, { reps: 3, months: 20, dataClients: 7 }));
  });

  it('at most 255 segments: a client keeps its segment in one byte', async () => {
    const segments = (n: number) => Array.from({ length: n }, (_, i) => `  s${i}: {share: ${i === 0 ? 1 : 0}, revenue: 100}`).join('\n');
    const text = (n: number) => scenario('prospects: 1, signed: 0, active: 0').replace('  regular: {share: 1, revenue: 10000, margin: 0.2}', segments(n));
    expect(() => scenarioText(text(SCENARIO_LIMITS.segments))).not.toThrow();
    expect(() => scenarioText(text(SCENARIO_LIMITS.segments + 1))).toThrow('test-scenario.yaml:5:3: error: the mapping at segments has 256 keys; it may have at most 255 (1 to 255 segments) [bad-value]');
  });

  it('the budget is what the slots cost', () => {
    expect(WORLD_BYTES).toBe(SCENARIO_LIMITS.clientSlots * BYTES_PER_CLIENT_SLOT);
  });

  it('refuses, with a path in the scenario, each way past a limit', () => {
    const sc = scenarioText(scenario('prospects: 100, signed: 0, active: 10'));
    const within = (size: Parameters<typeof simulationSizeProblems>[1]) => simulationSizeProblems(sc, size).map((p) => [p.path?.join('.'), p.message]);
    expect(within({ reps: 8, months: 24 })).toEqual([]);
    expect(within({ reps: 10_001, months: 24, data: 'data' })).toEqual([['reps.count', '10,001 reps (the reps of data) are more than a simulation takes (10,000)']]);
    expect(within({ reps: 8, months: 241 })).toEqual([['months', '241 months are more than a simulation plays (240)']]);
    expect(within({ reps: 9_091, months: 24 })).toEqual([
      [
        'book.prospects',
        'a simulated world of this scenario holds 1,000,026 prospects and clients (9,091 reps × (100 prospects + 0 signed + 10 active)) and would need about 2.0 GB of memory in each worker; a simulation holds at most 1,000,000 (about 2.0 GB)',
      ],
    ]);
    const [[path, message]] = within({ reps: 8, months: 24, dataClients: 1_000_000, data: 'big' });
    expect(path).toBe('book');
    expect(message).toBe(
      'a simulated world of this scenario holds 1,000,896 prospects and clients (8 reps (the reps of big) × (100 prospects + 0 signed + 10 active) + 1,000,000 clients of big) and would need about 2.0 GB of memory in each worker; a simulation holds at most 1,000,000 (about 2.0 GB)',
    );
    expect(within({ reps: 8, months: 240, dataClients: 10 }).length).toBe(0);
  });
});

describe('a scenario too large for the machine is refused by validate and simulate, never a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('book.prospects: 1000000000 (the reported crash): exit 1 from validate and simulate, at the key', async () => {
    const file = write('billion.yaml', scenario('prospects: 1000000000, signed: 0, active: 0'));
    for (const args of [['validate', file], ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', file, '--runs', '2']]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout + r.stderr).toContain(
        `${file}:6:19: error: a simulated world of this scenario holds 8,000,000,016 prospects and clients (8 reps × (1,000,000,000 prospects + 0 signed + 0 active)) and would need about 16 TB of memory in each worker; a simulation holds at most 1,000,000 (about 2.0 GB) (lower book.prospects (the largest part), or simulate fewer reps) [bad-value]`,
      );
    }
  });

  it('a world past the memory budget says how much it would need', async () => {
    const file = write('inflow.yaml', scenario('prospects: 10, signed: 0, active: 0', 'market: {new_prospects: 63}\nmonths: 240\n').replace('count: 8', 'count: 100'));
    for (const args of [['validate', file], ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', file, '--runs', '2'], ['generate', '--scenario', file, '--scheme', 'schemes/freight-lifetime.yaml', '--out', join(dir, 'out')]]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout + r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: a simulated world of this scenario holds 1,513,016 prospects and clients .* would need about 3\\.0 GB of memory in each worker`));
    }
  });

  it('with --months and --data the size is checked again: the reps of the data, and a usage error past 240 months', async () => {
    const data = join(dir, 'team');
    mkdirSync(data);
    writeFileSync(join(data, 'reps.csv'), `id\n${Array.from({ length: 10_001 }, (_, i) => `r${i}`).join('\n')}\n`);
    writeFileSync(join(data, 'clients.csv'), 'id,owner\nc1,r1\n');
    writeFileSync(join(data, 'transactions.csv'), 'date,client_id,revenue,cost\n2026-01-05,c1,100,50\n');
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', data, '--runs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scenarios\/freight\.yaml:\d+:\d+: error: 10,001 reps \(the reps of .*team\) are more than a simulation takes \(10,000\)/);
    const months = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--months', '241', '--runs', '2']);
    expect(months.code).toBe(2);
    expect(months.stderr).toContain('--months must be a whole number from 1 to 240');
  });
});
