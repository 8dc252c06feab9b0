import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

/**
 * Golden files pin what users see. After an intended change, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/cli
 * and read the diff before committing it.
 */
const GOLDEN = join(ROOT, 'test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

export function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (update || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!update) throw new Error(`golden file ${name} was missing and has been written: check it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
