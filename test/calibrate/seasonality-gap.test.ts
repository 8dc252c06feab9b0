import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-gap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('motiv calibrate: a history with a month of no sale', () => {
  it('names the calendar months whose steps it lacks, not "too few steps (0)" (QA: one empty month hid all twelve factors, its month unnamed)', async () => {
    const dir = join(root, 'h16');
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', '16', '--seed', '7', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const file = join(dir, 'transactions.csv');
    const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const dateAt = head.split(',').indexOf('date');
    const months = [...new Set(rows.map((r) => r.split(',')[dateAt].slice(0, 7)))].sort();
    // a month in the middle that the history holds once: its steps in and out are the only ones of those calendar months
    const gap = months.find((m, i) => i > 0 && i < months.length - 1 && months.filter((x) => x.slice(5) === m.slice(5)).length === 1)!;
    writeFileSync(file, [head, ...rows.filter((r) => !r.split(',')[dateAt].startsWith(gap))].join('\n') + '\n');
    const out = await runCli(['calibrate', '--data', dir, '--out', join(root, 'gap.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    const into = MONTHS[Number(gap.slice(5)) - 1];
    const after = MONTHS[Number(gap.slice(5)) % 12];
    const line = out.stdout.split('\n').find((l) => l.includes('warning: seasonality:'))!;
    expect(line).toContain(`${into} (0)`);
    expect(line).toContain(`${after} (0)`);
    expect(line).toContain('a month of the history with no sale');
    expect(line).not.toContain('too few client month-to-month steps (0)');
  });
});
