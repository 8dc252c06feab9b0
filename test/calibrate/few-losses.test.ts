import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-few-losses-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('motiv calibrate: a history with some active clients lost, but fewer than 30', () => {
  it('writes drift.churn as the plain rate, losses over active client-months, and says so (QA: 9 losses in 1,444 active-months kept churn at 0)', async () => {
    const dir = join(root, 'h16');
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', '16', '--seed', '7', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    // keep the loss of 9 clients lost while active within the history; the others stay active
    const file = join(dir, 'clients.csv');
    const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const col = (name: string) => head.split(',').indexOf(name);
    let kept = 0;
    const edited = rows.map((r) => {
      const cells = r.split(',');
      if (!cells[col('lost_date')] || !cells[col('activated_date')] || cells[col('lost_date')] < '2026-03') return r;
      if (kept++ < 9) return r;
      cells[col('lost_date')] = '';
      cells[col('status')] = 'active';
      return cells.join(',');
    });
    writeFileSync(file, [head, ...edited].join('\n') + '\n');
    const out = await runCli(['calibrate', '--data', dir, '--out', join(root, 'few.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    const line = readFileSync(join(root, 'few.yaml'), 'utf8').split('\n').find((l) => /^\s+churn:/.test(l))!;
    const m = /churn: ([\d.e-]+)\s+# .*plain rate: (\d+) active clients lost in ([\d,]+) active client-months/.exec(line);
    expect(m, line).not.toBeNull();
    const [, value, losses, months] = m!;
    expect(Number(losses)).toBeGreaterThan(0);
    expect(Number(losses)).toBeLessThan(30);
    expect(Number(value)).toBeCloseTo(Number(losses) / Number(months.replace(/,/g, '')), 4);
    const warning = out.stdout.split('\n').find((l) => l.startsWith('warning: drift.churn'))!;
    expect(warning).toContain('plain rate');
    expect(warning).not.toMatch(/drift\.churn[^:]*: .*kept the defaults/);
  }, 60_000);
});
