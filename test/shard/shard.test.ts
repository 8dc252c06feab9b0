import { describe, expect, it } from 'vitest';
import { parseShard, runsText, shardRuns } from '../../src/core/shard/shard.js';

describe('shard I of N', () => {
  it('cuts the runs into N contiguous blocks that cover each run once, in order, at most one run apart in size', () => {
    for (const runs of [1, 7, 40, 400, 1001]) {
      for (const count of [1, 2, 3, 4, 7].filter((n) => n <= runs)) {
        const blocks = Array.from({ length: count }, (_, index) => shardRuns({ index, count }, runs));
        expect(blocks[0].first).toBe(0);
        blocks.forEach((b, i) => i > 0 && expect(b.first).toBe(blocks[i - 1].first + blocks[i - 1].count));
        expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(runs);
        const sizes = blocks.map((b) => b.count);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThan(0);
      }
    }
  });

  it('gives shard 2 of 4 over 400 runs runs 200 to 299', () => {
    expect(shardRuns({ index: 2, count: 4 }, 400)).toEqual({ first: 200, count: 100 });
    expect(runsText({ first: 200, count: 100 }, 400)).toBe('runs 200-299 of 400');
    expect(runsText({ first: 3, count: 1 }, 4)).toBe('run 3 of 4');
  });

  it('reads I/N, spaces allowed, and says what is allowed otherwise', () => {
    expect(parseShard('3/4', 400)).toEqual({ index: 3, count: 4 });
    expect(parseShard(' 0 / 1 ', 1)).toEqual({ index: 0, count: 1 });
    expect(parseShard('3', 400)).toMatch(/^--shard takes I\/N/);
    expect(parseShard('-1/4', 400)).toMatch(/^--shard takes I\/N/);
    expect(parseShard('1.5/4', 400)).toMatch(/^--shard takes I\/N/);
    expect(parseShard('4/4', 400)).toBe('--shard 4/4: shards are counted from 0, so I goes from 0 to 3 for 4 shards');
    expect(parseShard('0/0', 400)).toBe('--shard 0/0: N is the number of shards, at least 1');
    expect(parseShard('0/5', 4)).toBe('--shard 0/5: 5 shards of 4 runs would leave a shard without a run; give at most 4 shards, or more --runs');
  });

  it('says a single shard is 0/1, not that I goes from 0 to 0 for 1 shards', () => {
    expect(parseShard('1/1', 4)).toBe('--shard 1/1: shards are counted from 0, so a single shard is 0/1');
    expect(parseShard('2/2', 4)).toBe('--shard 2/2: shards are counted from 0, so I goes from 0 to 1 for 2 shards');
  });
});
