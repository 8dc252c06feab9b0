import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playRuns, playRunsOfEach } from '../../src/cli/sim/pool.js';
import { scenarioText, schemeText } from '../helpers/sim.js';
import { ROOT } from '../helpers/cli.js';

/** the installed command (dist/), so that every worker count runs the same compiled code */
async function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout = execFileSync(process.execPath, [join(ROOT, 'bin/motiv.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: 0, stdout };
}

/** the same seed gives the same bytes out, whatever the number of workers */
describe('simulate is deterministic', () => {
  const args = ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '24', '--months', '12', '--seed', '11', '--format', 'json', '--quiet'];

  it('gives byte-identical JSON on 1 and 2 workers', async () => {
    const one = await runCli([...args, '--workers', '1']);
    const two = await runCli([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('plays the same runs on any number of threads, more than the cores too', async () => {
    // the command caps --workers at the cores; the pool itself is asked for more here, so that
    // results keyed by run and not by thread are checked on any machine
    const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const scheme = schemeText(text('schemes/freight-lifetime.yaml'));
    const scenario = scenarioText(text('scenarios/freight.yaml'));
    const job = { schemes: [{ scheme, from: 0 }], scenario, months: 6, seed: 11, detail: true };
    const one = await playRuns(job, 13, 1);
    for (const workers of [2, 3, 5]) expect(await playRuns(job, 13, workers), `${workers} threads`).toEqual(one);
    // this thread plays beside its helpers, and may finish before they are up: here every run crosses a thread
    for (const workers of [1, 2]) expect((await playRunsOfEach([job], 13, workers, undefined, 0, { helpersOnly: true }))[0], `${workers} helpers alone`).toEqual(one);
  });

  it('plays several schemes in one pool (compare) exactly as each alone', async () => {
    const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const scenario = scenarioText(text('scenarios/freight.yaml'));
    const jobs = ['schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml'].map((f) => ({ schemes: [{ scheme: schemeText(text(f)), from: 0 }], scenario, months: 6, seed: 11, detail: true }));
    const alone = [await playRuns(jobs[0], 9, 1), await playRuns(jobs[1], 9, 1)];
    for (const workers of [1, 2, 3]) expect(await playRunsOfEach(jobs, 9, workers), `${workers} threads`).toEqual(alone);
    expect(await playRunsOfEach(jobs, 9, 2, undefined, 0, { helpersOnly: true }), '2 helpers alone').toEqual(alone);
  });

  it('with --detail too', async () => {
    const one = await runCli([...args, '--workers', '1', '--detail']);
    const two = await runCli([...args, '--workers', '2', '--detail']);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout);
    expect(doc.monthly.months).toHaveLength(12);
    expect(doc.monthly.revenue.mean).toHaveLength(12);
    expect(doc.reps).toHaveLength(8);
    expect(doc.reps[7].monthly.hours.p95).toHaveLength(12);
  });

  it("with --detail, each rep's attainment of a plan too", async () => {
    const plan = ['simulate', 'schemes/leads-plan.yaml', '--runs', '6', '--months', '4', '--seed', '11', '--format', 'json', '--quiet', '--detail'];
    const one = await runCli([...plan, '--workers', '1']);
    const two = await runCli([...plan, '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).reps[9].monthly['attainment.revenue_plan'].p50).toHaveLength(4);
  });

  it('gives other numbers for another seed', async () => {
    const a = await runCli([...args, '--workers', '1']);
    const b = await runCli([...args.map((x) => (x === '11' ? '12' : x)), '--workers', '1']);
    expect(b.stdout).not.toBe(a.stdout);
  });
});
