import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPart } from '../../src/cli/sim/part-file.js';

describe('a file given to merge as a part', () => {
  it('says an empty file is empty, not that its first line is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-part-'));
    for (const [name, text] of [['empty', ''], ['blank', '\n  \n']]) {
      writeFileSync(join(dir, name), text);
      const read = readPart(join(dir, name));
      expect(Array.isArray(read)).toBe(true);
      expect((read as { code: string; message: string }[]).map((p) => [p.code, p.message])).toEqual([['not-a-part', 'the file is empty, so it is not a part of a sharded simulation']]);
    }
  });
});
