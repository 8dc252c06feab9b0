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
    // an SDR who owns no firm logs prospecting hours without a client in three months: no prospect of his takes them
    const month = (r: string) => r.split(',')[cols.indexOf('month')];
    const sdrRows = [...new Set(rows.map(month))].sort().slice(3, 6).map((m) => cols.map((c) => (c === 'month' ? m : c === 'rep_id' ? 'sdr' : c === 'activity' ? 'prospect' : c === 'hours' ? '6' : '')).join(','));
    writeFileSync(file, [head, ...edited, ...sdrRows].join('\n') + '\n');
    // his row in reps.csv under the file's own header (a row of the wrong width is no rep)
    const repsFile = join(dir, 'reps.csv');
    const [repsHead, ...repRows] = readFileSync(repsFile, 'utf8').trim().split('\n');
    const repCols = repsHead.split(',');
    writeFileSync(repsFile, [repsHead, ...repRows, repCols.map((c) => (c === 'id' ? 'sdr' : c === 'name' ? 'Sally Dev' : '')).join(',')].join('\n') + '\n');
    const seen = await runCli(['validate', dir]);
    expect(seen.stdout + seen.stderr).not.toMatch(/sdr/);
    const out = await runCli(['calibrate', '--data', dir, '--out', join(root, 'out.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/too few signings \(0/);
    const warning = out.stdout.split('\n').find((l) => l.startsWith('warning: response.prospect') && l.includes('without a client'))!;
    expect(warning, out.stdout).toMatch(/[\d,]+ activity rows hold [\d,.]+ prospecting hours without a client/);
    expect(warning).toContain('spread evenly');
    // the SDR's 18 hours are said as going nowhere, the rest as spread: the two add up to the hours logged
    expect(warning).toMatch(/sdr's 18 in 3 months, logged in months their rep had no prospect of his own/);
    const [, total, spread, rest] = warning.match(/([\d,]+) prospecting hours without a client.*; ([\d,]+) hours went so, the other ([\d,]+) to no prospect/)!.map((x) => Number(x?.replace(/,/g, '')));
    expect(Math.abs(spread + rest - total)).toBeLessThanOrEqual(1);
    expect(rest).toBeGreaterThanOrEqual(18);
    const scenario = parse(readFileSync(join(root, 'out.yaml'), 'utf8'));
    // radio's truth is 0.25; the curve's shape rests on the even spread, so only that it is fitted, and near
    expect(scenario.response.prospect.sign).toBeGreaterThan(0.05);
    expect(readFileSync(join(root, 'out.yaml'), 'utf8')).toMatch(/ sign: [\d.]+\s+# MLE/);
  }, 60_000);
});
