import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** a test file whose 'map:' names a file that is not there: two cases read a data folder through it, two give their data inline */
function missingMapFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-missing-map-cases-'));
  writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: commission, type: commission, measure: revenue, rate: 5%}\n');
  cpSync(join(ROOT, 'fixtures/statuses/data'), join(dir, 'data'), { recursive: true });
  const inline = (name: string, total: number) =>
    `  - name: ${name}\n    period: 2026-03\n    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions:\n      - {date: 2026-03-03, client_id: c1, revenue: 1000}\n    expect:\n      - {rep: olga, total: ${total}}\n`;
  writeFileSync(
    join(dir, 'm.test.yaml'),
    'scheme: s.yaml\nmap: crm.map.yaml\ncases:\n' +
      '  - name: from the folder\n    data: data\n    period: 2026-03\n    expect:\n      - {rep: ana, total: 1500}\n' +
      inline('inline passes', 1550) +
      inline('inline fails', 1600) +
      '  - name: folder and rows\n    data: data\n    period: 2026-03\n    reps: [{id: ana}]\n    expect:\n      - {rep: ana, total: 1500}\n',
  );
  return dir;
}

describe("motiv test where the test file's 'map:' names no file", () => {
  it('runs the cases that give their data inline, and says the missing map once, at its line, for the cases that read a folder', async () => {
    const dir = missingMapFolder();
    const t = await runCli(['test', 'm.test.yaml'], { cwd: dir });
    expect(t.code).toBe(1);
    const said = t.stdout.split('\n').filter((l) => l.includes('does not exist'));
    expect(said).toEqual(["  ✗ m.test.yaml:2:6: error: the map the cases' data folders are read through, 'crm.map.yaml', does not exist (" + "'map:' is a path relative to this test file, to a map file (motiv schema --kind map); leave it out for folders in motiv's own layout) [file-not-found]"]);
    expect(t.stdout).toContain('  ✗ 2 cases not run\n');
    expect(t.stdout).toMatch(/ {2}✓ inline passes \(\d+ ms\)\n/);
    expect(t.stdout).toContain('  ✗ inline fails (m.test.yaml:');
    expect(t.stdout).toContain('3 failed, 1 passed (4 cases in 1 file)');
  });

  it('lists in JUnit the cases not run, each failed with the missing map, and the inline ones as run', async () => {
    const dir = missingMapFolder();
    const t = await runCli(['test', 'm.test.yaml', '--reporter', 'junit'], { cwd: dir });
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('tests="4" failures="3"');
    expect(t.stdout).toMatch(/<testcase name="from the folder"[^>]*>\s*<failure message="m\.test\.yaml:2:6: error: the map/);
    expect(t.stdout).toMatch(/<testcase name="folder and rows"[^>]*>\s*<failure message="m\.test\.yaml:2:6: error: the map/);
    expect(t.stdout).toMatch(/<testcase name="inline passes"[^>]*>\s*<\/testcase>/);
  });
});
