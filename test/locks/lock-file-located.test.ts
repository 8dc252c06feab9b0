import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';

/** a radio copy with 2026-03 locked, and its lock file's path */
async function locked(): Promise<{ data: string; locks: string }> {
  const data = join(mkdtempSync(join(tmpdir(), 'motiv-lock-located-')), 'radio');
  cpSync(join(ROOT, 'fixtures/radio'), data, { recursive: true });
  const r = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--lock', '2026-03']);
  expect(r.code, r.stderr).toBe(0);
  return { data, locks: join(data, 'motiv-locks.json') };
}

const pay = (data: string) => runCli(['payout', 'schemes/radio-territory.yaml', '--data', data, '--period', '2026-04']);

describe('a lock file error says where', () => {
  it("names the locked month and the rep of an edited total, at the total's line and column", async () => {
    const { data, locks } = await locked();
    const doc = JSON.parse(readFileSync(locks, 'utf8'));
    const sid = doc.locks[0].reps.findIndex((r: { id: string }) => r.id === 'sid');
    doc.locks[0].reps[sid].total_minor += 100;
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(locks, text);
    const lines = text.split('\n');
    const idLine = lines.findIndex((l) => l.includes('"id": "sid"'));
    const totalLine = idLine + lines.slice(idLine).findIndex((l) => l.includes('"total_minor"'));
    const column = lines[totalLine].indexOf(':') + 3;
    const r = await pay(data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`motiv-locks\\.json:${totalLine + 1}:${column}: error: locked 2026-03, rep sid: total_minor \\d+ is not the sum of his lines \\(\\d+\\): the file was edited`),
    );
  });

  it('gives a JSON syntax error as line:column, not a character position', async () => {
    const { data, locks } = await locked();
    writeFileSync(locks, '{\n  "format": "motiv-locks",\n  "version": 1,\n  scheme: "x"\n}\n');
    const r = await pay(data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/motiv-locks\.json:4:3: error: not a lock file: the JSON does not parse \([^)]*\)/);
    expect(r.stderr).not.toContain('position');
  });
});
