import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { radioCopy } from '../helpers/data-folder.js';

describe('payout with both --locks and --no-locks', () => {
  it('is a usage error (exit 2) saying they conflict and what each does, in either order, and pays nothing', async () => {
    const data = radioCopy('locks-conflict');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const locks = join(data, 'motiv-locks.json');
    for (const flags of [
      ['--locks', locks, '--no-locks'],
      ['--no-locks', '--locks', locks],
    ]) {
      const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: --locks and --no-locks conflict: .*--locks FILE reads the locks of FILE.*--no-locks reads none.*\[conflict\]\n/);
    }
  });

  it('takes either alone as before', async () => {
    const data = radioCopy('locks-conflict');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', '--no-locks'])).code).toBe(0);
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', '--locks', join(data, 'motiv-locks.json')])).code).toBe(0);
  });
});
