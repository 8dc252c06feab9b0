import { describe, expect, it } from 'vitest';
import { gcFlags as flagsOn, MANY_RUNS, SEMI_SPACE_MB, semiSpaceMb } from '../../src/cli/gc-threads.js';

/** on a machine of 24 GB */
const gcFlags = (args: string[], cores: number, flags: string[]) => flagsOn(args, cores, flags, 24 * 1024);

const YOUNG = `--max-semi-space-size=${SEMI_SPACE_MB}`;
const ONE_THREAD = '--single-threaded-gc';

describe('a command of many runs is played again with the collection it needs', () => {
  it('asks for a larger young generation and one thread of collection where the workers take every core and the runs are many, as written or by default', () => {
    expect(gcFlags(['simulate', 's.yaml'], 2, [])).toEqual([YOUNG, ONE_THREAD]);
    expect(gcFlags(['compare', 'a.yaml', 'b.yaml', '--runs', String(MANY_RUNS)], 2, [])).toEqual([YOUNG, ONE_THREAD]);
    expect(gcFlags(['sweep', 's.yaml', '--workers=4', '--runs=5000'], 4, [])).toEqual([YOUNG, ONE_THREAD]);
    expect(gcFlags(['optimise', 's.yaml', '--workers', '8'], 4, [])).toEqual([YOUNG, ONE_THREAD]);
  });

  it('asks for the young generation alone with fewer workers than cores, or on one core', () => {
    expect(gcFlags(['simulate', 's.yaml', '--workers', '1'], 2, [])).toEqual([YOUNG]);
    expect(gcFlags(['simulate', 's.yaml', '--workers', '3'], 4, [])).toEqual([YOUNG]);
    expect(gcFlags(['simulate', 's.yaml'], 1, [])).toEqual([YOUNG]);
  });

  it('leaves alone a few runs and commands that play no runs', () => {
    expect(gcFlags(['simulate', 's.yaml', '--runs', '1'], 2, [])).toEqual([]);
    expect(gcFlags(['simulate', 's.yaml', `--runs=${MANY_RUNS - 1}`], 2, [])).toEqual([]);
    for (const command of ['payout', 'validate', 'test', 'calibrate', 'merge']) expect(gcFlags([command, 'x'], 2, [])).toEqual([]);
  });

  it('never relaunches twice, nor over a collection flag the user set, nor for help or a value the command will refuse', () => {
    expect(gcFlags(['simulate', 's.yaml'], 2, [YOUNG, ONE_THREAD])).toEqual([]);
    expect(gcFlags(['simulate', 's.yaml'], 2, ['--single-threaded-gc'])).toEqual([YOUNG]);
    expect(gcFlags(['simulate', 's.yaml'], 2, ['--no-parallel-scavenge', '--max-semi-space-size=8'])).toEqual([]);
    expect(gcFlags(['simulate', 's.yaml'], 2, ['--min-semi-space-size=4'])).toEqual([ONE_THREAD]);
    expect(gcFlags(['simulate', '--help'], 2, [])).toEqual([]);
    expect(gcFlags(['simulate', 's.yaml', '--runs', 'many'], 2, [])).toEqual([]);
    expect(gcFlags(['simulate', 's.yaml', '--workers', 'all'], 2, [])).toEqual([]);
  });

  it("keeps the threads' young generations within a quarter of the machine's memory, and asks for none no larger than V8's", () => {
    expect(semiSpaceMb(2, 24 * 1024)).toBe(SEMI_SPACE_MB);
    expect(semiSpaceMb(16, 8 * 1024)).toBe(42);
    expect(semiSpaceMb(8, 2 * 1024)).toBe(21);
    expect(semiSpaceMb(8, 1024)).toBeUndefined();
    expect(flagsOn(['simulate', 's.yaml', '--workers', '16'], 16, [], 8 * 1024)).toEqual(['--max-semi-space-size=42', ONE_THREAD]);
    expect(flagsOn(['simulate', 's.yaml', '--workers', '4'], 8, [], 1024)).toEqual(['--max-semi-space-size=21']);
    expect(flagsOn(['simulate', 's.yaml'], 8, [], 1024)).toEqual([ONE_THREAD]);
  });
});
