import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { radioCopy } from '../helpers/data-folder.js';

describe('payout --locks FILE that is not there', () => {
  it('is an error (file-not-found, exit 1) with a did-you-mean, not a payout as if nothing were locked', async () => {
    const data = radioCopy('missing-locks');
    const lock = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03', '--locks', join(data, 'march-locks.json')]);
    expect(lock.code, lock.stderr).toBe(0);
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04', '--locks', join(data, 'march-lock.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: no lock file '.*march-lock\.json'; did you mean '.*march-locks\.json'\? .*\[file-not-found\]/);
  });

  it('is made by --lock, and the default lock file in --data may be missing', async () => {
    const data = radioCopy('missing-locks');
    const none = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04']);
    expect(none.code, none.stderr).toBe(0);
    const made = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03', '--locks', join(data, 'new.json')]);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(data, 'new.json'))).toBe(true);
  });

  it('--no-locks pays as if nothing were locked, and is refused beside --lock (exit 2)', async () => {
    const data = radioCopy('missing-locks');
    expect((await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03'])).code).toBe(0);
    const kept = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-03']);
    expect(kept.stderr).toContain('locked period kept as locked');
    const afresh = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-03', '--no-locks']);
    expect(afresh.code, afresh.stderr).toBe(0);
    expect(afresh.stderr).not.toContain('locked');
    const both = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-04', '--no-locks']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--no-locks');
  });
});
