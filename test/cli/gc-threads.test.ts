import { describe, expect, it } from 'vitest';
import { MANY_RUNS, singleThreadedGc } from '../../src/cli/gc-threads.js';

describe('many runs on workers that take every core are played with one thread of garbage collection', () => {
  it('asks for it where the workers take every core and the runs are many, as written or by default', () => {
    expect(singleThreadedGc(['simulate', 's.yaml'], 2, [])).toBe(true);
    expect(singleThreadedGc(['compare', 'a.yaml', 'b.yaml', '--runs', String(MANY_RUNS)], 2, [])).toBe(true);
    expect(singleThreadedGc(['sweep', 's.yaml', '--workers=4', '--runs=5000'], 4, [])).toBe(true);
    expect(singleThreadedGc(['optimise', 's.yaml', '--workers', '8'], 4, [])).toBe(true);
  });

  it('leaves alone a few runs, fewer workers than cores, one core, and commands that play no runs', () => {
    expect(singleThreadedGc(['simulate', 's.yaml', '--runs', '1'], 2, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml', `--runs=${MANY_RUNS - 1}`], 2, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml', '--workers', '1'], 2, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml', '--workers', '3'], 4, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml'], 1, [])).toBe(false);
    for (const command of ['payout', 'validate', 'test', 'calibrate', 'merge']) expect(singleThreadedGc([command, 'x'], 2, [])).toBe(false);
  });

  it('never relaunches twice, nor over a collection flag the user set, nor for help or a value the command will refuse', () => {
    expect(singleThreadedGc(['simulate', 's.yaml'], 2, ['--single-threaded-gc'])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml'], 2, ['--no-parallel-scavenge'])).toBe(false);
    expect(singleThreadedGc(['simulate', '--help'], 2, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml', '--runs', 'many'], 2, [])).toBe(false);
    expect(singleThreadedGc(['simulate', 's.yaml', '--workers', 'all'], 2, [])).toBe(false);
  });
});
