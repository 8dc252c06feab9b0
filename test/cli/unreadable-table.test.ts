import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-unreadable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a table of a dataset that cannot be read', () => {
  it("says why in words, at the table: a folder named plans.csv is 'a folder, not a file' (QA: the system's EISDIR text)", async () => {
    const dir = join(root, 'data');
    cpSync(join(ROOT, 'fixtures/radio'), dir, { recursive: true });
    rmSync(join(dir, 'plans.csv'));
    mkdirSync(join(dir, 'plans.csv'));
    const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plans\.csv:1:1: error: cannot read '.*plans\.csv': it is a folder, not a file \(give the file itself, or move the folder out of the way\) \[file-unreadable\]/);
    expect(r.stderr).not.toContain('EISDIR');
  });
});
