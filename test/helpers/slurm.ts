import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inCi } from './chromium.js';

/**
 * Whether the Slurm test runs: it submits jobs to a Slurm controller on this
 * machine (`.ci/slurm-up.sh` starts one, with its configuration in
 * /tmp/motiv-slurm unless SLURM_CONF says where). Outside CI a machine where
 * `sinfo` finds no node skips it, with one line saying how to run it; with
 * CI set it is mandatory (`.ci/run` starts Slurm first).
 */
export interface SlurmPlan {
  run: boolean;
  /** the environment Slurm's commands run with: SLURM_CONF set when .ci/slurm-up.sh's configuration is there */
  env: NodeJS.ProcessEnv;
  skipped: string | undefined;
}

/** where .ci/slurm-up.sh writes its configuration */
export const SLURM_UP_CONF = '/tmp/motiv-slurm/slurm.conf';

export function slurmEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.SLURM_CONF || !existsSync(SLURM_UP_CONF)) return env;
  return { ...env, SLURM_CONF: SLURM_UP_CONF };
}

/**
 * The nodes' states as sinfo gives them ('idle', 'mix', ...), or nothing when
 * sinfo is missing or reaches no controller in `timeoutMs` (a running one
 * answers in milliseconds; none takes sinfo 9 s to give up).
 */
export function nodeStates(env: NodeJS.ProcessEnv, timeoutMs = 15_000): string[] {
  const r = spawnSync('sinfo', ['-h', '-N', '-o', '%t'], { env, encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) return [];
  return r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

export function slurmPlan(env: NodeJS.ProcessEnv = process.env): SlurmPlan {
  const withConf = slurmEnv(env);
  if (inCi(env) || nodeStates(withConf, 2_000).length > 0) return { run: true, env: withConf, skipped: undefined };
  return { run: false, env: withConf, skipped: 'Slurm test skipped: needs a Slurm daemon; run `bash .ci/slurm-up.sh`, then `CI=1 npx vitest run test/scale` (with CI set it is mandatory)' };
}
