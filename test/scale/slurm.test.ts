import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { nodeStates, slurmPlan } from '../helpers/slurm.js';

const plan = slurmPlan();
const dir = mkdtempSync(join(tmpdir(), 'motiv-slurm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** a small simulation: 40 runs of 4 months, in 4 shards */
const SIMULATION = ['simulate', 'schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '40', '--months', '4', '--seed', '9'];
const SHARDS = 4;
/** how long the jobs may take, queueing included, before the test gives up (40 short runs take well under a minute) */
const WAIT_MS = 10 * 60_000;

function slurm(command: string, args: string[], timeout = 60_000) {
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...plan.env, MOTIV: `${process.execPath} ${join(ROOT, 'bin/motiv.js')}`, PARTS: join(dir, 'parts') }, encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT', error: r.error };
}

/** what to read when a job fails: each job's log, what slurmctld says of the jobs, and the daemons' logs */
function evidence(jobs: string[]): string {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.log')).sort()) out.push(`--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`);
  for (const id of jobs) out.push(`--- scontrol show job ${id}\n${slurm('scontrol', ['show', 'job', id]).stdout}`);
  const conf = plan.env.SLURM_CONF;
  const logs = conf ? join(conf, '..') : '/var/log/slurm';
  for (const name of ['slurmctld.log', 'slurmd.log']) {
    const file = join(logs, name);
    if (existsSync(file)) out.push(`--- ${file} (last 40 lines)\n${readFileSync(file, 'utf8').split('\n').slice(-41).join('\n')}`);
  }
  return out.join('\n');
}

describe.skipIf(!plan.run)('a sharded simulation on Slurm', () => {
  it('runs as an array job and a dependent merge job, and merges to the bytes of one process', async () => {
    const states = nodeStates(plan.env);
    expect(states.some((s) => /^(idle|mix|alloc)/.test(s)), `sinfo shows no node ready (${states.join(', ') || 'no answer'}): start Slurm with bash .ci/slurm-up.sh`).toBe(true);

    const array = slurm('sbatch', ['--parsable', `--array=0-${SHARDS - 1}`, `--output=${join(dir, 'shard-%a.log')}`, 'deploy/slurm/motiv-shard.sbatch', ...SIMULATION]);
    expect(array.status, `sbatch of the array job failed: ${array.stderr}`).toBe(0);
    const arrayId = array.stdout.trim().split(';')[0];
    // --wait returns when the merge job ends (its exit code); a failed shard cancels it (--kill-on-invalid-dep)
    const merge = slurm(
      'sbatch',
      ['--parsable', '--wait', `--dependency=afterok:${arrayId}`, '--kill-on-invalid-dep=yes', `--output=${join(dir, 'merge.log')}`, 'deploy/slurm/motiv-merge.sbatch', '--format', 'json', '--out', join(dir, 'merged.json')],
      WAIT_MS,
    );
    const mergeId = merge.stdout.trim().split(';')[0];
    if (merge.timedOut) slurm('scancel', [arrayId, ...(mergeId ? [mergeId] : [])]);
    // sbatch --wait exits 0 for a job cancelled because a shard failed: its state says
    const state = mergeId ? /JobState=(\S+)/.exec(slurm('scontrol', ['show', 'job', mergeId]).stdout)?.[1] : undefined;
    const why = merge.timedOut ? `the jobs did not end within ${WAIT_MS / 60_000} minutes (cancelled)` : `the merge job ended ${state ?? 'in a state scontrol does not know'}, sbatch with ${merge.status}: ${merge.stderr}`;
    expect(merge.status === 0 && !merge.timedOut && state === 'COMPLETED', `${why}\n${evidence([arrayId, mergeId].filter(Boolean))}`).toBe(true);

    const parts = readdirSync(join(dir, 'parts')).sort();
    expect(parts).toEqual(Array.from({ length: SHARDS }, (_, i) => `part-${i}`));
    const one = await runCli([...SIMULATION, '--format', 'json', '--quiet']);
    expect(one.code).toBe(0);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(one.stdout);
  });
});
