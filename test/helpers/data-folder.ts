import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

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
