import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './cli.js';

/** a function writing these files into a new folder under a temporary one (removed after the tests), returning the folder */
export function dataFolders(prefix: string): (files: Record<string, string>) => string {
  const tmp = mkdtempSync(join(tmpdir(), `motiv-${prefix}-`));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let folders = 0;
  return (files) => {
    const dir = join(tmp, `d${folders++}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
}

/** a copy of fixtures/radio in a new temporary folder (named `radio`, as payout's messages show it), for a test that writes into it */
export function radioCopy(prefix: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `motiv-${prefix}-`)), 'radio');
  cpSync(join(ROOT, 'fixtures/radio'), dir, { recursive: true });
  return dir;
}
