import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import type { PairedDifference } from '../../src/core/stats/paired-difference.js';
import { compareVerdict, moneyChange } from '../../src/core/verdict/compare-verdict.js';
import { winnersByGroup } from '../../src/core/compare/winners.js';
import { q } from '../../src/core/money/rational.js';
import { compareRuns } from '../../src/core/sim/comparison.js';
import { RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';
import { summarize } from '../../src/core/sim/summary.js';

const dir = mkdtempSync(join(tmpdir(), 'motiv-verdict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** the radio scheme with its fine on overdue receivables at another rate than its 2 % */
function radioWithFine(rate: string): string {
  const text = readFileSync(join(ROOT, 'schemes/radio-territory.yaml'), 'utf8').replace('../scenarios/radio.yaml', join(ROOT, 'scenarios/radio.yaml'));
  const out = text.replace(/(id: late_payment[\s\S]*?rate: )2%/, `$1${rate}`);
  expect(out).not.toBe(text);
  const file = join(dir, `fine-${rate.replace('%', '')}.yaml`);
  writeFileSync(file, out);
  return file;
}

describe('the verdict of compare', () => {
  it('says apart how much more time reps give to chasing late payers, which the time on existing clients does not count', async () => {
    const r = await runCli(['compare', join(ROOT, 'schemes/radio-territory.yaml'), radioWithFine('10%'), '--runs', '8', '--months', '6', '--seed', '1', '--workers', '1']);
    expect(r.code).toBe(0);
    const verdict = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ');
    expect(verdict).toMatch(/of their time on existing clients \([\d.]+ % -> [\d.]+ %\), and \d+ points? more chasing late payers \([\d.]+ % -> [\d.]+ %\)\./);
  });

  it("says so when a scheme's fines leave the reps' pay negative, and only then", async () => {
    const r = await runCli(['compare', join(ROOT, 'schemes/radio-territory.yaml'), radioWithFine('60%'), '--runs', '4', '--months', '6', '--seed', '1', '--workers', '1']);
    expect(r.code).toBe(0);
    const verdict = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ');
    expect(verdict).toMatch(/Under B the reps' pay is negative over the 6 months \(-[\d.]+ [kM] EUR\): what they are charged exceeds what they are paid\./);
    expect(verdict.match(/pay is negative/g)).toHaveLength(1);
  });

  it('says nothing of chasing where clients pay on the day', async () => {
    const r = await runCli(['compare', join(ROOT, 'schemes/freight-lifetime.yaml'), join(ROOT, 'schemes/freight-new-client.yaml'), '--runs', '4', '--months', '3', '--seed', '1', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('of their time on existing clients');
    expect(r.stdout).not.toContain('chasing late payers');
  });
});

describe("the verdict's reps who earn more or less", () => {
  it('says by how much money, not by a share of nothing, where reps earned nothing under the baseline', async () => {
    const zero = join(dir, 'zero.yaml');
    const fined = join(dir, 'fined.yaml');
    writeFileSync(zero, 'name: zero\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 0}\n');
    writeFileSync(fined, 'name: fined\ncurrency: EUR\ncomponents:\n  - {id: p, type: commission, measure: gross_profit, rate: 2%}\n  - {id: f, type: fine, measure: lost_clients, amount: 500}\n');
    const r = await runCli(['compare', zero, fined, '--runs', '4', '--months', '3', '--seed', '1', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    const verdict = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ');
    // (QA: "All 8 reps earn less, by 0 % on average", each losing thousands)
    expect(verdict).toMatch(/All 8 reps earn (more|less), by [\d,.]+ k? ?EUR over the 3 months on average \(each earned nothing under A\)\./);
    expect(verdict).not.toMatch(/by 0 % on average/);
  });
});

describe("the verdict's money that changes surely but by next to nothing", () => {
  it('says it barely changes, not "falls 0 EUR (-0.0 %)" (QA: two equivalent schemes, 0.29 apart on 14.4 M)', () => {
    const sure = (mean: number): PairedDifference => ({ mean, n: 20, ci95: [mean - 0.01, mean + 0.01], significant: true, unpairedCi95: null, widthRatio: null });
    expect(moneyChange(sure(-0.29), 14.4e6, true, 'EUR')).toBe('barely changes (by less than 0.05 %)');
    expect(moneyChange(sure(-0.29), null, true, 'EUR')).toBe('barely changes (by less than 1)');
    expect(moneyChange(sure(-12e6), 42e6, false, 'EUR')).toBe('falls 12.0 M EUR (-29 %)');
  });
});

describe("the verdict's role groups", () => {
  /** two runs of nothing: the verdict's other sentences say nothing changes */
  const quiet = (): RunResult[] =>
    [0, 1].map((run) => ({ run, metrics: new Float64Array(RUN_METRICS.length), monthly: undefined, reps: undefined, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0) }));
  const verdictOf = (groups: { role: string; base: number; other: number; significant: boolean }[]) => {
    const results = [quiet(), quiet()];
    const winners = winnersByGroup(
      groups.map((g) => ({ roles: { other: g.role }, repsPerRun: 2, base: q(g.base), other: q(g.other), significant: g.significant })),
      { base: q(0), other: q(0) },
    );
    const ctx = { months: 3, currency: 'EUR', schemes: [{ label: 'A', name: 'a' }, { label: 'B', name: 'b' }] };
    return compareVerdict(results, results.map((rs) => summarize(rs, { months: 3, reps: 0 })), compareRuns(results), ctx, [winners])[0].join(' ');
  };

  it('names a sure change of a group whatever pay_total does, and says a group whose interval contains 0 earns about the same', () => {
    expect(verdictOf([{ role: 'hunter', base: 9000, other: 6000, significant: true }, { role: 'farmer', base: 9000, other: 9090, significant: false }])).toContain(
      'Counted by their role under B in each run (a run gives reps their roles by their nature): 2 hunter reps earn 33 % less, 2 farmer reps about the same (no measurable change).',
    );
  });

  it('says nothing of groups where no change of one is sure', () => {
    expect(verdictOf([{ role: 'hunter', base: 9000, other: 8990, significant: false }, { role: 'farmer', base: 9000, other: 9010, significant: false }])).not.toContain('Counted by their role');
  });
});
