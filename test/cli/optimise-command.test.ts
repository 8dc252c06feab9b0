import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const SCHEME = join(ROOT, 'schemes/freight-new-client.yaml');
const RATE = 'components.maintenance.rate';
const base = (out: string) => ['optimise', SCHEME, '--vary', `${RATE}=0.5%..10%:5`, '--maximise', 'profit_after_pay', '--runs', '16', '--months', '6', '--quiet', '--out', out];

interface Report {
  best: { values: Record<string, number>; labels: Record<string, string>; written: string } | null;
  check: { seed: number; start: { values: Record<string, number | null>; labels: Record<string, string>; objective: { mean: number } }; finalists: { values: Record<string, number>; labels: Record<string, string>; objective: { mean: number }; constraints: Record<string, { mean: number }>; feasible: boolean; against_start: { mean: number; ci95: [number, number]; significant: boolean } }[] };
  tried: { values: Record<string, number>; labels: Record<string, string>; runs: number; outcome: string }[];
  constraints: { text: string; bound: number }[];
  race: { rounds: number[] };
  verdict: string;
}

describe('motiv optimise', () => {
  it('writes the best scheme, which meets the constraint in the final check, and says by how much it beats the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    // in a folder of its own: its scenario: names the scheme's scenario from there
    const out = join(dir, 'best.yaml');
    const r = await runCli([...base(out), '--subject-to', 'cost_of_sales <= 4.3%', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.race.rounds).toEqual([10, 16]);
    expect(doc.tried).toHaveLength(5);
    expect(doc.check.seed).toBe(2);
    const best = doc.best!;
    expect(best.written).toBe(out);
    const finalist = doc.check.finalists.find((f) => f.values[RATE] === best.values[RATE])!;
    // the best of the finalists that meet the bounds on the fresh runs, by their objective there, not their order in the race
    // (a finalist ticked, 7,119 more profit, lost to the one the race ranked first)
    for (const f of doc.check.finalists) if (f.feasible) expect(f.objective.mean).toBeLessThanOrEqual(finalist.objective.mean);
    // the final check, on fresh runs: the constraint met, and the difference from the start paired, with its interval
    expect(finalist.feasible).toBe(true);
    expect(finalist.constraints['cost_of_sales <= 4.3%'].mean).toBeLessThanOrEqual(0.043);
    const d = finalist.against_start;
    expect(d.mean).toBeCloseTo(finalist.objective.mean - doc.check.start.objective.mean, 1);
    expect(d.ci95[0]).toBeLessThanOrEqual(d.mean);
    expect(doc.verdict).toContain(`Best: ${RATE} = ${best.labels[RATE]}.`);
    expect(doc.verdict).toMatch(/beats the scheme as it stands by \+[\d,]+ \(95 % interval \+[\d,]+ \.\. \+[\d,]+\) over 6 months on profit_after_pay/);
    // the scheme written is the original with the value changed, every other byte kept, and it is valid
    const written = readFileSync(out, 'utf8');
    const original = readFileSync(SCHEME, 'utf8');
    const scenario = relative(dir, join(ROOT, 'scenarios/freight.yaml')).split(sep).join('/');
    expect(written.split('\n').slice(1).join('\n')).toBe(original.replace('rate: 1%', `rate: ${best.labels[RATE].replace(' %', '%')}`).replace('scenario: ../scenarios/freight.yaml', `scenario: ${scenario}`));
    expect(written.split('\n')[0]).toMatch(/^# motiv optimise: components\.maintenance\.rate = [\d.]+ % maximises profit_after_pay subject to cost_of_sales <= 4\.3%/);
    const valid = await runCli(['validate', out]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
  });

  it('writes the values of each point in JSON as numbers, a share as its fraction and money as the scheme writes it, beside their labels (QA: "0.5 %" and "1500" as text)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const SALARY = 'components.salary.amount';
    const args = ['optimise', SCHEME, '--vary', `${RATE}=0.5%..10%:2`, '--vary', `${SALARY}=1000..2000:2`, '--maximise', 'profit_after_pay', '--subject-to', 'cost_of_sales <= 4.3%'];
    const r = await runCli([...args, '--runs', '10', '--months', '3', '--workers', '1', '--quiet', '--out', join(dir, 'best.yaml'), '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.constraints[0].bound).toBe(0.043);
    expect(doc.tried.map((t) => t.values)).toEqual([
      { [RATE]: 0.005, [SALARY]: 1000 },
      { [RATE]: 0.1, [SALARY]: 1000 },
      { [RATE]: 0.005, [SALARY]: 2000 },
      { [RATE]: 0.1, [SALARY]: 2000 },
    ]);
    expect(doc.tried[1].labels).toEqual({ [RATE]: '10 %', [SALARY]: '1000' });
    // the scheme as it stands: 'rate: 1%' and 'amount: 1500' as the numbers they are, and as written
    expect(doc.check.start.values).toEqual({ [RATE]: 0.01, [SALARY]: 1500 });
    expect(doc.check.start.labels).toEqual({ [RATE]: '1%', [SALARY]: '1500' });
    for (const f of doc.check.finalists) expect(Object.values(f.values).every((v) => typeof v === 'number')).toBe(true);
    if (doc.best) expect(Object.values(doc.best.values).every((v) => typeof v === 'number')).toBe(true);
  });

  it('takes the best finalist on the fresh runs, not the first the race ranked', async () => {
    // (QA13: at these settings the race put 3.67 % first; on the fresh runs 6.83 % met the bound too and made 7,119 more)
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const args = ['optimise', SCHEME, '--vary', `${RATE}=0.5%..10%:4`, '--maximise', 'profit_after_pay', '--subject-to', 'cost_of_sales <= 4.3%', '--runs', '10', '--months', '6', '--quiet', '--out', join(dir, 'best.yaml'), '--format', 'json'];
    const r = await runCli(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Report;
    const feasible = doc.check.finalists.filter((f) => f.feasible);
    expect(feasible.length).toBeGreaterThan(1);
    const top = feasible.reduce((a, b) => (b.objective.mean > a.objective.mean ? b : a));
    expect(doc.best!.values[RATE]).toBe(top.values[RATE]);
  });

  it('prints what was tried, the final check and the verdict as a table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const r = await runCli([...base(join(dir, 'best.yaml')), '--subject-to', 'cost_of_sales <= 4.3%']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What was tried');
    expect(r.stdout).toContain('Final check on 16 fresh runs (seed 2)');
    expect(r.stdout).toMatch(/as it stands \(components\.maintenance\.rate = 1%\)/);
    expect(r.stdout).toMatch(/^Best: /m);
  });

  it('writes nothing when no finalist meets the constraints in the final check (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const out = join(dir, 'best.yaml');
    const r = await runCli([...base(out), '--subject-to', 'cost_of_sales <= 1%']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no finalist met cost_of_sales <= 1% in the final check: nothing was written to ${out}`);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps the scheme as it stands, writing nothing (exit 1), where the best point tried is surely worse than it (QA: written as "Best", exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const out = join(dir, 'best.yaml');
    // 80 to 100 % of new clients' profit, against the scheme's 50 %: each pays more for the same signings
    const r = await runCli(['optimise', SCHEME, '--vary', 'components.new_client_profit.rate=80%..100%:3', '--maximise', 'profit_after_pay', '--runs', '10', '--months', '6', '--quiet', '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`every point tried is surely worse on profit_after_pay than the scheme as it stands, which meets every bound: nothing was written to ${out}`);
    expect(existsSync(out)).toBe(false);
    const doc = JSON.parse(r.stdout) as Report & { keep_start: boolean };
    expect(doc.keep_start).toBe(true);
    expect(doc.best?.written).toBeNull();
    expect(doc.verdict).toMatch(/^Keep the scheme as it stands: on fresh runs the best point tried, components\.new_client_profit\.rate = 80 %, is surely worse on profit_after_pay, −[\d,]+ \(95 % interval/);
  });

  it('bounds how many reps lose pay on actual data: the cheapest salary that makes no rep lose over 5 %', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const out = join(dir, 'salary.yaml');
    const r = await runCli(['optimise', SCHEME, '--vary', 'components.salary.amount=1000..2000:5', '--maximise', 'profit_after_pay', '--subject-to', 'reps_losing_over_5% <= 0', '--actual', join(ROOT, 'fixtures/freight'), '--runs', '12', '--months', '4', '--quiet', '--format', 'json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { tried: { values: Record<string, number>; losers: Record<string, number>; outcome: string }[]; best: { values: Record<string, number> } };
    const losers = Object.fromEntries(doc.tried.map((t) => [t.values['components.salary.amount'], t.losers['reps_losing_over_5% <= 0']]));
    // a lower salary than today's 1,500 takes more than 5 % from some reps; today's and above take nothing
    expect(losers['1000']).toBeGreaterThan(0);
    expect(losers['1250']).toBeGreaterThan(0);
    expect([losers['1500'], losers['1750'], losers['2000']]).toEqual([0, 0, 0]);
    expect(doc.tried[0].outcome).toMatch(/^out before the race: (1 rep loses|\d+ reps lose) over 5 % of their pay on /);
    // and the most profit after pay among the others is the lowest salary
    expect(doc.best.values['components.salary.amount']).toBe(1500);
  });

  it.each([
    [['--maximise', 'revenue', '--subject-to', 'reps_losing_over_5% <= 1'], /give --actual DIR/],
    [['--maximise', 'revenue', '--actual', 'fixtures/freight'], /--actual is the data a bound on losers is counted on/],
    [[], /one objective: --maximise METRIC or --minimise METRIC/],
    [['--maximise', 'profit_after_pay', '--minimise', 'cost_of_sales'], /one objective/],
    [['--maximise', 'profit'], /no metric 'profit'; .*\(the run metrics: revenue, gross_profit, .*profit_after_pay, .*hours_per_rep; docs\/cli.md says what each is\)/],
    [['--maximise', 'profit_after_pay', '--subject-to', 'cost_of_sales == 4%'], /METRIC <= VALUE/],
    [['--maximise', 'profit_after_pay', '--format', 'csv'], /argument 'csv' is invalid/],
  ])('refuses %j with a usage error', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const r = await runCli(['optimise', SCHEME, '--vary', `${RATE}=1%..2%`, '--out', join(dir, 'b.yaml'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('says a metric no run gives a value has nothing to optimise, writing nothing (exit 1) (QA: "-" everywhere, exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const out = join(dir, 'b.yaml');
    const r = await runCli(['optimise', SCHEME, '--vary', `${RATE}=1%..2%:2`, '--maximise', 'plan_met_share', '--out', out, '--runs', '4', '--months', '2', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^plan_met_share has no value in any run of this scheme and scenario \(.*\): nothing was optimised nor written/);
    expect(existsSync(out)).toBe(false);
  });

  it('will not write over the scheme it optimises, nor over another YAML file without --force', async () => {
    const same = await runCli(['optimise', SCHEME, '--vary', `${RATE}=1%..2%`, '--maximise', 'revenue', '--out', SCHEME]);
    expect(same.code).toBe(2);
    // said first, not 'give --force', which would then be refused (QA)
    expect(same.stderr).toContain('--out is the scheme being optimised');
    expect(same.stderr).not.toContain('--force');
    const dir = mkdtempSync(join(tmpdir(), 'motiv-optimise-'));
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(SCHEME));
    const r = await runCli(['optimise', SCHEME, '--vary', `${RATE}=1%..2%`, '--maximise', 'revenue', '--out', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --force to replace it');
  });
});
