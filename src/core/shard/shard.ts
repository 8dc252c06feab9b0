/**
 * A share of a simulation's runs: `--shard I/N` plays shard I of N. The runs
 * are cut in N contiguous blocks of (nearly) equal size, so shard I plays the
 * same runs whatever machine it lands on, and the shards in order are the
 * runs in order (a run's luck is its number's: `core/random`).
 */
export interface Shard {
  /** 0-based */
  index: number;
  count: number;
}

/** the runs a shard plays: `count` runs from run `first` */
export interface RunBlock {
  first: number;
  count: number;
}

/** shard I of N over `runs` runs: runs floor(I·runs/N) to floor((I+1)·runs/N) - 1 */
export function shardRuns(shard: Shard, runs: number): RunBlock {
  const first = Math.floor((shard.index * runs) / shard.count);
  const end = Math.floor(((shard.index + 1) * runs) / shard.count);
  return { first, count: end - first };
}

/** every run in one block: what a command plays without --shard */
export function allRuns(runs: number): RunBlock {
  return { first: 0, count: runs };
}

/** `I/N` as a person writes it */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** runs 100-199 of 400 */
export function runsText(block: RunBlock, runs: number): string {
  return `run${block.count === 1 ? '' : 's'} ${block.first}${block.count === 1 ? '' : `-${block.first + block.count - 1}`} of ${runs}`;
}

/**
 * `--shard I/N` read against the runs it splits, or what is wrong with it,
 * saying what is allowed: whole numbers, 0 <= I < N, and no more shards than
 * runs (a shard without a run would write a part of nothing).
 */
export function parseShard(text: string, runs: number): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard takes I/N, shard I of N counted from 0 (e.g. --shard 0/4 ... --shard 3/4), not '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `--shard ${text}: N is the number of shards, at least 1`;
  if (index >= count) return `--shard ${text}: shards are counted from 0, so ${count === 1 ? 'a single shard is 0/1' : `I goes from 0 to ${count - 1} for ${count} shards`}`;
  if (count > runs) return `--shard ${text}: ${count} shards of ${runs} run${runs === 1 ? '' : 's'} would leave a shard without a run; give at most ${runs} shards, or more --runs`;
  return { index, count };
}
