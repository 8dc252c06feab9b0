import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** a folder holding a scheme and one test file, run as a user would from that folder */
function folderWith(test: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-inline-'));
  writeFileSync(
    join(dir, 's.yaml'),
    'name: s\ncurrency: EUR\nplans:\n  payment_plan: {measure: revenue, column: payment_plan}\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: gated, type: commission, measure: revenue, rate: 1%, gate: {plan: payment_plan, min: 100%}}\n',
  );
  writeFileSync(join(dir, 't.test.yaml'), test);
  return dir;
}

describe("a case's inline rows, in the case's words", () => {
  it('says once, at the case, which tables its rows leave out and how to give none, in test and in validate', async () => {
    const dir = folderWith('scheme: s.yaml\ncases:\n  - name: two reps\n    period: 2026-03\n    reps: [{id: olga}, {id: pavel}]\n    expect:\n      - {rep: olga, total: 1500}\n');
    const said =
      "t.test.yaml:3:5: error: case 'two reps' gives no clients and no transactions, and no data folder (add 'clients:' and 'transactions:' rows, 'clients: []' where there are none, or 'data: FOLDER') [missing-key]";
    const t = await runCli(['test', 't.test.yaml'], { cwd: dir });
    expect(t.code).toBe(1);
    expect(t.stdout).toContain(`      ${said}\n`);
    expect(t.stdout).not.toContain('.csv');
    const v = await runCli(['validate', 't.test.yaml'], { cwd: dir });
    expect(v.stdout.split('\n').filter((l) => l.includes('error:'))).toEqual([said]);
  });

  it("stops at a key given twice in a row, in test and in validate, as before the scheme read on past one (review: the case ran with the first value)", async () => {
    const rows = "    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-05, client_id: c1, revenue: 1000, revenue: 500}]\n";
    const dir = folderWith(`scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n${rows}    expect:\n      - {total: 1500}\n`);
    for (const command of ['test', 'validate']) {
      const r = await runCli([command, 't.test.yaml'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("t.test.yaml:7:69: error: duplicate key 'revenue'");
    }
  });

  it("names a table given as rows by the case's key, not by a file, in test and in validate", async () => {
    const rows = "    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-05, client_id: zz, revenue: 10}]\n";
    const dir = folderWith(`scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n${rows}    expect:\n      - {total: 1500}\n`);
    const said = "t.test.yaml:7:50: error: client_id 'zz' is not a client in the case's 'clients:' (add the client to the case's 'clients:' or fix the id) [unknown-id]";
    expect((await runCli(['test', 't.test.yaml'], { cwd: dir })).stdout).toContain(said);
    expect((await runCli(['validate', 't.test.yaml'], { cwd: dir })).stdout).toContain(said);
    const plan = folderWith(`scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n${rows.replace('zz', 'c1')}    expect:\n      - {total: 1500}\n`);
    const t = await runCli(['test', 't.test.yaml'], { cwd: plan });
    expect(t.stdout).toContain("(add a 'payment_plan' column to the case's 'reps:', or rows to the case's 'plans:' (rep_id, month, payment_plan))");
    expect(t.stdout).not.toContain('.csv');
  });

  it('reads a cell as written, as a CSV cell: ids 007, 1e3, 0x1A and a 20-digit number stay as they are, in test and in validate', async () => {
    const ids = ['007', '1e3', '0x1A', '12345678901234567890'];
    const dir = folderWith(
      'scheme: s.yaml\ncases:\n  - name: ids\n    period: 2026-03\n' +
        `    reps: [${ids.map((id) => `{id: ${id}, payment_plan: 10}`).join(', ')}]\n` +
        `    clients: [${ids.map((id, i) => `{id: c${i}, owner: "${id}"}`).join(', ')}]\n` +
        '    transactions: []\n' +
        `    expect:\n${ids.map((id) => `      - {rep: "${id}", total: 1500}\n`).join('')}`,
    );
    const t = await runCli(['test', 't.test.yaml'], { cwd: dir });
    expect(t.stdout, t.stdout + t.stderr).toContain('1 passed');
    expect(t.code).toBe(0);
    const v = await runCli(['validate', 't.test.yaml'], { cwd: dir });
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('shows the errors of data that keeps a case from running, not its warnings, as docs/testing.md says', async () => {
    // (a client with no dates, no status and no sale is a warning; the unknown client an error)
    const dir = folderWith(
      "scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: olga, payment_plan: 10}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-05, client_id: zz, revenue: 10}]\n    expect:\n      - {total: 1500}\n",
    );
    const t = await runCli(['test', 't.test.yaml'], { cwd: dir });
    expect(t.stdout).toContain("client_id 'zz' is not a client");
    expect(t.stdout).not.toContain('warning');
  });

  it("fails a case at a rep whose role the scheme does not declare, whose expectation of 0 would pass for the wrong reason, in test and in validate (QA: 'AM' for 'am')", async () => {
    const dir = folderWith(
      "scheme: s.yaml\ncases:\n  - name: typo\n    period: 2026-03\n    reps: [{id: olga, role: AM, payment_plan: 10}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-05, client_id: c1, revenue: 10}]\n    expect:\n      - {components: {am_rate: 0}}\n",
    );
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\nroles: [am, hunter]\ncomponents:\n  - {id: am_rate, type: commission, roles: [am], measure: revenue, rate: 10%}\n');
    const t = await runCli(['test', 't.test.yaml'], { cwd: dir });
    expect(t.code).toBe(1);
    const said = "t.test.yaml:5:1: error: rep 'olga' has role 'AM', which the scheme does not declare: components for other roles skip him (the scheme's roles: am, hunter) [unknown-reference]";
    expect(t.stdout).toContain(said);
    const v = await runCli(['validate', 't.test.yaml'], { cwd: dir });
    expect(v.stdout.split('\n').filter((l) => l.includes('error:'))).toEqual([said]);
  });

  it("says under a component of 0 that pays only roles the rep holds none of which role he lacks (QA: 'expected 60.00 actual 0.00', nothing said)", async () => {
    const dir = folderWith(
      "scheme: s.yaml\ncases:\n  - name: no role\n    period: 2026-03\n    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-05, client_id: c1, revenue: 600}]\n    expect:\n      - {components: {am_rate: 60}}\n",
    );
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\nroles: [am, hunter]\ncomponents:\n  - {id: am_rate, type: commission, roles: [am], measure: revenue, rate: 10%}\n');
    const t = await runCli(['test', 't.test.yaml', '--no-color'], { cwd: dir });
    expect(t.code).toBe(1);
    expect(t.stdout).toContain("      olga holds no role, and 'am_rate' pays only 'am': give him the role in the case's reps (role: am) or its assignments\n");
  });

  it("places a data folder that is not there at its 'data:' value", async () => {
    const dir = folderWith('scheme: s.yaml\ncases:\n  - name: gone\n    period: 2026-03\n    data: ../nope\n    expect:\n      - {rep: olga, total: 1500}\n');
    const t = await runCli(['test', 't.test.yaml'], { cwd: dir });
    expect(t.stdout).toMatch(/t\.test\.yaml:5:11: error: case 'gone': no data folder '[^']*nope'/);
  });
});
