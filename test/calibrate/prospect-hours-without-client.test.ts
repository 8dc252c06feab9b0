import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-clientless-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('motiv calibrate: prospecting hours logged without a client (docs/data.md: a blank client_id is prospecting in general)', () => {
  it('counts those hours and the signings of the history, spread over each rep\'s prospects, and says so (QA: 0 signings counted)', async () => {
    const dir = join(root, 'h16');
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', '16', '--seed', '7', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    // every prospecting row's client blanked: the hours are there, which prospect they went to is not
    const file = join(dir, 'activity.csv');
    const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const cols = head.split(',');
    const clientAt = cols.indexOf('client_id'), activityAt = cols.indexOf('activity');
    let blanked = 0;
    const edited = rows.map((r) => {
      const cells = r.split(',');
      if (cells[activityAt] !== 'prospect') return r;
      blanked++;
      cells[clientAt] = '';
      return cells.join(',');
    });
    expect(blanked).toBeGreaterThan(100);
    writeFileSync(file, [head, ...edited].join('\n') + '\n');
    const out = await runCli(['calibrate', '--data', dir, '--out', join(root, 'out.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/too few signings \(0/);
    const warning = out.stdout.split('\n').find((l) => l.startsWith('warning: response.prospect') && l.includes('without a client'))!;
    expect(warning, out.stdout).toMatch(/[\d,]+ activity rows hold [\d,.]+ prospecting hours without a client/);
    expect(warning).toContain('spread evenly');
    const scenario = parse(readFileSync(join(root, 'out.yaml'), 'utf8'));
    // radio's truth is 0.25; the curve's shape rests on the even spread, so only that it is fitted, and near
    expect(scenario.response.prospect.sign).toBeGreaterThan(0.05);
    expect(readFileSync(join(root, 'out.yaml'), 'utf8')).toMatch(/ sign: [\d.]+\s+# MLE/);
  }, 60_000);
});
