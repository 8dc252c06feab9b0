import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { once } from '../helpers/once.js';

const dir = mkdtempSync(join(tmpdir(), 'motiv-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const RADIO = ['schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml'];
const SIMULATE = ['simulate', ...RADIO, '--runs', '40', '--months', '6', '--seed', '9', '--workers', '1', '--quiet'];
const COMPARE = ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '24', '--months', '4', '--seed', '9', '--workers', '1', '--quiet'];
const SWEEP = ['sweep', 'schemes/freight-new-client.yaml', '--vary', 'components.maintenance.rate=1%..5%:3', '--runs', '12', '--months', '3', '--seed', '4', '--workers', '1', '--quiet'];
/** a small simulation for the refusals: 8 runs of 2 months */
const TINY = ['simulate', ...RADIO, '--runs', '8', '--months', '2', '--workers', '1', '--quiet'];

/** play `args` as `count` shards, each part written to `prefix`-I; the parts' paths */
async function shards(args: string[], count: number, prefix: string): Promise<string[]> {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = at(`${prefix}-${i}`);
    const r = await runCli([...args, '--shard', `${i}/${count}`, '--out', part]);
    // warnings (the data's, the scenario's) may come, as without --shard; nothing else
    expect({ code: r.code, stdout: r.stdout, errors: r.stderr.split('\n').filter((l) => l.includes('error')) }).toEqual({ code: 0, stdout: '', errors: [] });
    parts.push(part);
  }
  return parts;
}

/** merge from a folder without the schemes and scenarios: a part carries what the output needs */
async function merge(args: string[]) {
  return runCli(['merge', ...args], { cwd: dir });
}

const simulateParts = once(() => shards(SIMULATE, 4, 'sim'));
const tinyParts = once(async () => ({ seed1: await shards(TINY, 4, 'tiny'), seed2: await shards([...TINY, '--seed', '2'], 2, 'seed2') }));

describe('simulate --shard I/N, then merge', () => {
  it('gives the bytes one machine prints, in JSON, a table, CSV and the HTML report, whatever the order of the parts', async () => {
    const parts = await simulateParts();
    const one = await runCli([...SIMULATE, '--format', 'json', '--html', at('one.html')]);
    expect(one.code).toBe(0);
    const merged = await merge([...parts].reverse().concat('--format', 'json', '--html', at('merged.html')));
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    expect(readFileSync(at('merged.html'), 'utf8')).toBe(readFileSync(at('one.html'), 'utf8'));
    expect(JSON.parse(merged.stdout).runs).toBe(40);
    for (const format of ['table', 'csv']) {
      const single = await runCli([...SIMULATE, '--format', format]);
      const shuffled = await merge([parts[2], parts[0], parts[3], parts[1], '--format', format]);
      expect(shuffled.code).toBe(0);
      expect(shuffled.stdout, format).toBe(single.stdout);
    }
  });

  it('writes small parts: shard I holds runs 10·I to 10·I+9 of 40', async () => {
    const parts = await simulateParts();
    for (const [i, part] of parts.entries()) {
      const lines = readFileSync(part, 'utf8').trim().split('\n');
      const head = JSON.parse(lines[0]);
      expect(head).toMatchObject({ motiv: 'motiv part', command: 'simulate', shard: { index: i, count: 4 }, runs: 40, first: 10 * i, count: 10, jobs: 1 });
      expect(lines.slice(1).map((l) => JSON.parse(l).run)).toEqual(Array.from({ length: 10 }, (_, k) => 10 * i + k));
      expect(head.inputs.map((x: { what: string; file: string }) => `${x.what} ${x.file}`)).toEqual(['scheme schemes/radio-territory.yaml', 'scenario scenarios/radio.yaml']);
    }
  });

  it('writes the merged output to --out, whole', async () => {
    const parts = await simulateParts();
    const r = await merge([...parts, '--format', 'json', '--out', at('merged.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(at('merged.json'), 'utf8')).seed).toBe(9);
  });
});

describe('compare and sweep --shard I/N, then merge', () => {
  it('compare: the same bytes as one machine, in JSON and as a table', async () => {
    const parts = await shards(COMPARE, 3, 'cmp');
    for (const format of ['json', 'table']) {
      const single = await runCli([...COMPARE, '--format', format]);
      const merged = await merge([parts[1], parts[2], parts[0], '--format', format]);
      expect(merged.code).toBe(0);
      expect(merged.stdout, format).toBe(single.stdout);
    }
  });

  it('sweep: the same bytes as one machine, every point', async () => {
    const parts = await shards(SWEEP, 2, 'sweep');
    const single = await runCli([...SWEEP, '--format', 'json']);
    const merged = await merge([...parts, '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
  });
});

describe('every mode that plays runs can be sharded', () => {
  const modes: [string, string[]][] = [
    ['simulate from data, with --detail and --sensitivity', ['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--detail', '--sensitivity']],
    ['simulate --switch-at --to, with --uncertainty', ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--switch-at', '2', '--to', 'schemes/freight-new-client.yaml', '--uncertainty']],
    ['compare --switch-at', ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--scenario', 'scenarios/freight.yaml', '--switch-at', '2,3', '--detail']],
  ];
  for (const [what, args] of modes) {
    it(`${what}: the merged JSON is one machine's`, async () => {
      const played = [...args, '--runs', '4', '--months', '3', '--seed', '5', '--workers', '1', '--quiet'];
      const parts = await shards(played, 2, what.replace(/\W+/g, '-'));
      const single = await runCli([...played, '--format', 'json']);
      expect(single.code).toBe(0);
      const merged = await merge([...parts, '--format', 'json']);
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toBe(single.stdout);
    });
  }
});

describe('--shard refuses what it cannot do, before any work', () => {
  const cases: [string, string[], string][] = [
    ['not I/N', ['--shard', 'two', '--out', 'p'], "--shard takes I/N, shard I of N counted from 0 (e.g. --shard 0/4 ... --shard 3/4), not 'two'"],
    ['I not below N', ['--shard', '4/4', '--out', 'p'], '--shard 4/4: shards are counted from 0, so I goes from 0 to 3 for 4 shards'],
    ['no shards', ['--shard', '0/0', '--out', 'p'], '--shard 0/0: N is the number of shards, at least 1'],
    ['more shards than runs', ['--shard', '0/9', '--out', 'p'], '--shard 0/9: 9 shards of 8 runs would leave a shard without a run; give at most 8 shards, or more --runs'],
    ['no --out', ['--shard', '1/4'], '--shard 1/4 writes a part of the simulation to a file: give it --out FILE (e.g. --out part-1), then motiv merge the parts'],
    ['--format', ['--shard', '1/4', '--out', 'p', '--format', 'json'], "with --shard, --out is the part file and the output is merge's: give --format to motiv merge instead"],
    ['--html', ['--shard', '1/4', '--out', 'p', '--html', 'r.html'], "with --shard, --out is the part file and the output is merge's: give --html to motiv merge instead"],
  ];
  for (const [what, extra, message] of cases) {
    it(`${what}: a usage error saying what is allowed`, async () => {
      const r = await runCli([...TINY, ...extra], { cwd: ROOT });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `error: ${message}\n` });
    });
  }

  it('compare on actual results plays no runs, so it has nothing to shard', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--shard', '0/2', '--out', at('x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard is for a simulation; with --data and no --scenario, compare pays the reps on their actual results');
  });
});

describe('merge refuses parts that do not make one simulation, naming them', () => {
  it('a missing shard, by number and runs', async () => {
    const { seed1 } = await tinyParts();
    const r = await merge([seed1[0], seed1[1], seed1[3]]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: shard 2/4 missing (runs 4-5 of 8) (merge needs every shard\'s part: play it with --shard 2/4 --out FILE and give that file too) [shard-missing]\n1 error\n',
    );
  });

  it('a shard given twice', async () => {
    const { seed1 } = await tinyParts();
    copyFileSync(seed1[1], at('tiny-1-copy'));
    const r = await merge([...seed1, at('tiny-1-copy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tiny-1-copy: error: shard 1/4 is given twice: here and in tiny-1 (give each shard once) [shard-duplicate]');
  });

  it('the same file given twice is said as such, not as a shard in two files (QA: "here and in parts/0", naming itself)', async () => {
    const { seed1 } = await tinyParts();
    const r = await merge([seed1[0], seed1[0], seed1[1], seed1[2], seed1[3]]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tiny-0: error: this file is given twice; merge reads each part once (give each file once) [shard-duplicate]');
    expect(r.stderr).not.toContain('here and in');
  });

  it('a part of another seed: which option, and which files', async () => {
    const { seed1, seed2 } = await tinyParts();
    const r = await merge([seed1[0], seed2[1]]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seed2-1: error: not a part of the same simulation as tiny-0: it is shard 1/2, tiny-0 shard 0/4');
    expect(r.stderr).toContain('seed2-1: error: not a part of the same simulation as tiny-0: it was played --seed 2, tiny-0 --seed 1');
  });

  it('a part of another scheme: which digest differs, and its file', async () => {
    const { seed1 } = await tinyParts();
    const [other] = await shards(['simulate', 'schemes/radio-pool.yaml', ...TINY.slice(2)], 1, 'pool');
    const r = await merge([seed1[0], other]);
    expect(r.code).toBe(1);
    // both are shard 0, so the first by name is the one the other is held against
    expect(r.stderr).toMatch(/tiny-0: error: not a part of the same simulation as pool-0: its scheme 'schemes\/radio-territory.yaml' \(sha256 [0-9a-f]{12}\) is not the one of pool-0, scheme 'schemes\/radio-pool.yaml' \(sha256 [0-9a-f]{12}\)/);
  });

  it('a part of another command', async () => {
    const { seed1 } = await tinyParts();
    const [cmp] = await shards(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', ...TINY.slice(2)], 1, 'tinycmp');
    const r = await merge([seed1[0], cmp]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tinycmp-0: error: not a part of the same simulation as tiny-0: it is a part of motiv compare, tiny-0 of motiv simulate');
  });

  it('a part played by another motiv', async () => {
    const { seed1 } = await tinyParts();
    const [head, ...runs] = readFileSync(seed1[2], 'utf8').split('\n');
    writeFileSync(at('old-2'), [JSON.stringify({ ...JSON.parse(head), version: '0.0.1' }), ...runs].join('\n'));
    const r = await merge([seed1[0], seed1[1], at('old-2'), seed1[3]]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('old-2: error: this part was played by motiv 0.0.1, and this is motiv ');
    expect(r.stderr).toContain('[part-version]');
  });

  it('a file that is not a part, and a part cut short', async () => {
    const { seed1 } = await tinyParts();
    const text = readFileSync(seed1[3], 'utf8');
    writeFileSync(at('cut-3'), text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    const r = await merge([join(ROOT, 'schemes/radio-territory.yaml'), seed1[1], at('cut-3')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('schemes/radio-territory.yaml: error: this file is not a part of a sharded simulation: its first line is not JSON');
    expect(r.stderr).toContain('cut-3: error: this part holds 1 of its 2 runs (1 job × 2): it was cut short');
    expect(r.stderr).toContain('[not-a-part]');
  });

  it('writing the result over a part: a usage error', async () => {
    const { seed1 } = await tinyParts();
    const r = await merge([...seed1, '--out', 'tiny-0']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: "error: --out 'tiny-0' is one of the parts merged: write the result elsewhere\n" });
  });

  it('no part at all is a usage error', async () => {
    const r = await merge([]);
    expect(r.code).toBe(2);
  });
});
