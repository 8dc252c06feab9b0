import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motiv-by-role-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = join(ROOT, 'scenarios/freight.yaml');
/** everyone alike: a salary and 2 % of profit */
const FLAT = `name: flat\ncurrency: EUR\nscenario: ${scenario}\ncomponents:\n  - {id: salary, type: salary, amount: 2500}\n  - {id: share, type: commission, measure: gross_profit, rate: 2%}\n`;
/** hunters on a low salary and 100 a signing, farmers on a high salary: 6 and 2 of 8, given by each run's reps' nature (the activities differ) */
const split = (hunter: string, farmer: string) => `name: split
currency: EUR
scenario: ${scenario}
roles: [hunter, farmer]
credit:
  - when: {age_months: {to: 1}, since: signing}
    split: {closer: 100%}
  - split: {owner: 100%}
components:
  - {id: hunter_salary, type: salary, roles: [hunter], amount: 1500}
  - {id: signing, type: per_unit, roles: [hunter], measure: new_clients, amount: 100}
  - {id: farmer_salary, type: salary, roles: [farmer], amount: 6000}
organisation:
  roles:
    hunter: {share: 0.75, activities: [${hunter}]}
    farmer: {share: 0.25, activities: [${farmer}]}
  handover: {from: hunter, to: farmer, after_months: 1, since: signing}
`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const flat = file('flat.yaml', FLAT);
const byNature = file('by-nature.yaml', split('prospect, signed', 'signed, active'));
// the same activities for both roles: nothing to match to the reps' nature, each slot keeps its role in every run
const fixed = file('fixed.yaml', split('prospect, signed, active', 'prospect, signed, active'));
const ARGS = ['--runs', '4', '--months', '3', '--seed', '1', '--workers', '1', '--quiet'];

describe('compare where roles go by the reps nature, run by run', () => {
  it('counts winners and losers by role in each run, and the verdict names the group that loses (QA: "All 8 reps earn more" while 6 hunters of every run earned less)', async () => {
    const r = await runCli(['compare', flat, byNature, ...ARGS]);
    expect(r.code).toBe(0);
    const verdict = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ');
    expect(verdict).toMatch(/Counted by their role under B in each run \(a run gives reps their roles by their nature\): 6 hunter reps earn [\d.]+ % less, 2 farmer reps [\d.]+ % more\./);
    expect(verdict).not.toMatch(/All 8 reps/);
    const table = r.stdout.slice(r.stdout.indexOf('winners and losers by role under B, B against A'));
    expect(table).toMatch(/│ hunter +│ +6\.0 │[^\n]*│ +−[\d.]+ % │ lose over 5 % +│/);
    expect(table).toMatch(/│ farmer +│ +2\.0 │[^\n]*│ +\+[\d.]+ % │ gain over 5 % +│/);
    expect(table).toMatch(/│ total, all reps +│ +8\.0 │/);
    expect(table).toContain('reps in a run, gain over 5 %: 2.0 · gain up to 5 %: 0.0 · unchanged: 0.0 · lose up to 5 %: 0.0 · lose over 5 %: 6.0');
    expect(table).not.toMatch(/│ r1 /);
  });

  it('gives the same groups in JSON and CSV, their reps times their pay adding up to the total', async () => {
    const json = JSON.parse((await runCli(['compare', flat, byNature, ...ARGS, '--format', 'json'])).stdout);
    const w = json.winners[0];
    expect(w.by).toBe('role');
    expect(w.reps).toBeUndefined();
    expect(w.groups.map((g: { group: string; roles: unknown; reps_per_run: number; bucket: string }) => [g.group, g.roles, g.reps_per_run, g.bucket])).toEqual([
      ['hunter', { B: 'hunter' }, 6, 'lose_over_5'],
      ['farmer', { B: 'farmer' }, 2, 'gain_over_5'],
    ]);
    for (const side of ['base', 'other'] as const) {
      const added = w.groups.reduce((t: number, g: Record<string, number>) => t + g.reps_per_run * g[side], 0);
      expect(Math.abs(added - w.total[side])).toBeLessThan(0.05);
    }
    const csv = (await runCli(['compare', flat, byNature, ...ARGS, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv.filter((l) => l.startsWith('rep_pay_total,'))).toEqual([]);
    const g = (x: { group: string; other: number; difference: number; significant: boolean; bucket: string }) => `role_pay_total,${x.group},B,${x.other},,,,${x.difference},,,${x.significant},,,${x.bucket}`;
    expect(csv.filter((l) => l.startsWith('role_pay_total,'))).toEqual(w.groups.map(g));
    expect(csv.filter((l) => l.startsWith('role_reps,'))).toEqual(['role_reps,hunter,B,6,,,,,,,,,,', 'role_reps,farmer,B,2,,,,,,,,,,']);
  });

  it('keeps one row per rep where every slot holds one role in every run', async () => {
    const r = await runCli(['compare', flat, fixed, ...ARGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('winners and losers, B against A: pay per rep over the 3 months from 2026-01, mean over runs, in EUR');
    expect(r.stdout).not.toContain('by role');
    for (const rep of ['r1', 'r2', 'r7', 'r8']) expect(r.stdout).toMatch(new RegExp(`│ ${rep} +│`));
    expect(r.stdout.split('\n\n')[1].replace(/\s+/g, ' ')).toMatch(/(All 8|\d of 8) reps earn (more|less)/);
  });
});

/** hunters and farmers by the reps' nature, on salaries only: 6 and 2 of 8 in every run */
const salaries = (name: string, hunter: number, farmer: number) => `name: ${name}
currency: EUR
scenario: ${scenario}
roles: [hunter, farmer]
components:
  - {id: hunter_salary, type: salary, roles: [hunter], amount: ${hunter}}
  - {id: farmer_salary, type: salary, roles: [farmer], amount: ${farmer}}
organisation:
  roles:
    hunter: {share: 0.75, activities: [prospect, signed]}
    farmer: {share: 0.25, activities: [signed, active]}
`;

describe("compare's verdict by role where pay moves between roles at the same total", () => {
  it('names each group whose pay changes surely, though pay_total is the same in every run (6 × 3,000 + 2 × 3,000 against 6 × 2,000 + 2 × 6,000)', async () => {
    const even = file('even.yaml', salaries('even', 3000, 3000));
    const toFarmers = file('to-farmers.yaml', salaries('to farmers', 2000, 6000));
    const r = await runCli(['compare', even, toFarmers, ...ARGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ pay_total +│[^\n]*│ +0 │ +same in every run │/);
    const verdict = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ');
    expect(verdict).toContain('pay does not change measurably');
    expect(verdict).toContain('6 hunter reps earn 33 % less, 2 farmer reps 100 % more.');
  });

  it('marks a group whose change is not sure n.s. in the table, and says so in JSON and CSV, as the verdict says it earns about the same', async () => {
    const even = file('even-2.yaml', salaries('even', 3000, 3000));
    const farmersUp = file('farmers-up.yaml', salaries('farmers up', 3000, 6000));
    const r = await runCli(['compare', even, farmersUp, ...ARGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ hunter +│ +6\.0 │[^\n]*│ +0 n\.s\. │/);
    expect(r.stdout).toMatch(/│ farmer +│ +2\.0 │[^\n]*│ +\+\d[\d,]* │/);
    expect(r.stdout).toContain("n.s.: not significant, the 95 % interval of the group's change per rep over the runs that hold the group contains 0");
    const json = JSON.parse((await runCli(['compare', even, farmersUp, ...ARGS, '--format', 'json'])).stdout);
    const groups = json.winners[0].groups as { group: string; significant: boolean }[];
    expect(groups.map((g) => [g.group, g.significant])).toEqual([
      ['hunter', false],
      ['farmer', true],
    ]);
    const csv = (await runCli(['compare', even, farmersUp, ...ARGS, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv.filter((l) => l.startsWith('role_pay_total,')).map((l) => l.split(',')[10])).toEqual(['false', 'true']);
  });

  it('marks nothing where every group changes surely', async () => {
    const r = await runCli(['compare', file('even-3.yaml', salaries('even', 3000, 3000)), file('to-farmers-2.yaml', salaries('to farmers', 2000, 6000)), ...ARGS]);
    expect(r.stdout).not.toContain('n.s.: not significant, the 95 % interval of the group');
    expect(r.stdout).not.toMatch(/│ (hunter|farmer) [^\n]* n\.s\. │/);
  });
});
