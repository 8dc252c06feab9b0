import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ON_DATA = ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--period', '2026-Q1'];

describe('compare on actual results, options of a simulation', () => {
  it('refuses --detail (a simulation’s monthly series) as a usage error, not ignored, and says where monthly pay is', async () => {
    // (--detail was accepted and the JSON came out byte for byte as without it)
    const r = await runCli([...ON_DATA, '--format', 'json', '--detail']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--detail is for a simulation; with --data and no --scenario, compare pays the reps on their actual results');
    expect(r.stderr).toContain('motiv payout SCHEME --data DIR');
    // (so was --uncertainty: nothing is drawn on actual results)
    const drawn = await runCli([...ON_DATA, '--uncertainty']);
    expect(drawn.code).toBe(2);
    expect(drawn.stderr).toContain('--uncertainty is for a simulation');
  });

  it('takes --quiet, which has nothing to hide there: the same output, and warnings still said', async () => {
    const plain = await runCli([...ON_DATA]);
    const quiet = await runCli([...ON_DATA, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(plain.stdout);
    expect(quiet.stderr).toBe(plain.stderr);
  });
});
