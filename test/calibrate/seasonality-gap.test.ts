import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, type CliRun } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-gap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** a generated history of 16 months, and the same with one month of its transactions taken out: the month, and calibrate's runs on both */
let gap: string, whole: CliRun, gapped: CliRun;
const seasonalityOf = (file: string): number[] => parse(readFileSync(join(root, file), 'utf8')).seasonality;

beforeAll(async () => {
  const dir = join(root, 'h16');
  const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', '16', '--seed', '7', '--quiet']);
  expect(g.code, g.stderr).toBe(0);
  whole = await runCli(['calibrate', '--data', dir, '--out', join(root, 'whole.yaml')]);
  expect(whole.code, whole.stderr).toBe(0);
  const file = join(dir, 'transactions.csv');
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const dateAt = head.split(',').indexOf('date');
  const months = [...new Set(rows.map((r) => r.split(',')[dateAt].slice(0, 7)))].sort();
  // a month in the middle that the history holds once: its steps in and out are the only ones of those calendar months
  gap = months.find((m, i) => i > 0 && i < months.length - 1 && months.filter((x) => x.slice(5) === m.slice(5)).length === 1)!;
  writeFileSync(file, [head, ...rows.filter((r) => !r.split(',')[dateAt].startsWith(gap))].join('\n') + '\n');
  gapped = await runCli(['calibrate', '--data', dir, '--out', join(root, 'gap.yaml')]);
  expect(gapped.code, gapped.stderr).toBe(0);
}, 60_000);

describe('motiv calibrate: a history with a month of no sale', () => {
  it('bridges the month with two-month steps and keeps the twelve factors (QA: one empty month kept twelve 1s)', () => {
    const into = MONTHS[Number(gap.slice(5)) - 1];
    const after = MONTHS[Number(gap.slice(5)) % 12];
    const line = gapped.stdout.split('\n').find((l) => l.includes('warning: seasonality:'))!;
    expect(line).toContain(`${gap} has no sale`);
    expect(line).toContain(`${into} and ${after}`);
    expect(line).toContain('two-month steps');
    expect(line).not.toContain('kept twelve 1s');
    const factors = seasonalityOf('gap.yaml'), truth = seasonalityOf('whole.yaml');
    expect(factors).toHaveLength(12);
    expect(factors.some((f) => Math.abs(f - 1) > 0.1)).toBe(true);
    // the months away from the gap as the whole history has them (within 5 %: the whole one's are fitted from the revenue paths)
    const k = Number(gap.slice(5)) - 1;
    factors.forEach((f, m) => {
      if (m !== k) expect(Math.abs(f / truth[m] - 1), `${MONTHS[m]}: ${f} for ${truth[m]}`).toBeLessThan(0.05);
    });
  });

  it('says the bridged month in the scenario file', () => {
    expect(readFileSync(join(root, 'gap.yaml'), 'utf8')).toMatch(/seasonality: \[.*# .*bridged/);
  });
});
