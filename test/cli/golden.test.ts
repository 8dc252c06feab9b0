import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

/**
 * Golden files pin what users see: `payout --explain` of every bundled scheme
 * on its sample actuals, and `simulate` in a scenario and from data
 * (regenerate: see helpers/golden.ts).
 */
const CASES: [scheme: string, fixture: string][] = [
  ['freight-lifetime', 'freight'],
  ['freight-new-client', 'freight'],
  ['hunter-farmer', 'hunter-farmer'],
  ['leads-plan', 'leads'],
  ['leads-kpi', 'leads'],
  ['leads-ratchet', 'leads'],
  ['merged-role', 'merged'],
  ['radio-territory', 'radio'],
];

describe('golden: payout --explain on the sample actuals', () => {
  for (const [scheme, fixture] of CASES) {
    it(`${scheme} on fixtures/${fixture}, 2026-Q1`, async () => {
      const r = await runCli(['payout', `schemes/${scheme}.yaml`, '--data', `fixtures/${fixture}`, '--period', '2026-Q1', '--explain']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(`payout-explain-${scheme}.txt`, r.stdout);
    });
  }

  it('radio-territory as JSON with the audit trail', async () => {
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2026-03', '--explain', '--format', 'json']);
    expect(r.code).toBe(0);
    golden('payout-radio-territory-2026-03.json', r.stdout);
  });

  it('radio-territory as CSV', async () => {
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2026-03', '--format', 'csv']);
    expect(r.code).toBe(0);
    golden('payout-radio-territory-2026-03.csv', r.stdout);
  });

  it('simulate freight-lifetime in the freight scenario, 20 runs of 12 months, as JSON', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '20', '--months', '12', '--seed', '1', '--format', 'json', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    golden('simulate-freight-lifetime.json', r.stdout);
  });

  it('simulate as a table', async () => {
    const r = await runCli(['simulate', 'schemes/freight-new-client.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '20', '--months', '12', '--seed', '1', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    golden('simulate-freight-new-client.txt', r.stdout);
  });

  // from data: the heading says which actual month the simulation continues; JSON has the history block
  const FROM_DATA = ['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--runs', '10', '--months', '6', '--seed', '1', '--workers', '1', '--quiet'];
  it('simulate from fixtures/freight as a table', async () => {
    const r = await runCli(FROM_DATA);
    expect(r.code).toBe(0);
    golden('simulate-freight-lifetime-data.txt', r.stdout);
  });

  it('simulate from fixtures/freight as JSON, with the monthly series', async () => {
    const r = await runCli([...FROM_DATA, '--detail', '--format', 'json']);
    expect(r.code).toBe(0);
    golden('simulate-freight-lifetime-data.json', r.stdout);
  });

  it('merged-role as a table, the whole sample', async () => {
    const r = await runCli(['payout', 'schemes/merged-role.yaml', '--data', 'fixtures/merged']);
    expect(r.code).toBe(0);
    golden('payout-merged-role.txt', r.stdout);
  });
});

describe('golden: motiv schema', () => {
  // the scenario's schema is built from its keys' definitions (core/scenario/definition/): this holds it to the one written by hand before
  it('--kind scenario', async () => {
    const r = await runCli(['schema', '--kind', 'scenario']);
    expect(r.code).toBe(0);
    golden('schema-scenario.json', r.stdout);
  });
});
