import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * simulate --detail, each rep's months: what `payout` computes for the same
 * rep and month on the history `generate` writes of the same run, and the
 * same figures in JSON and CSV.
 */
const root = mkdtempSync(join(tmpdir(), 'motiv-detail-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// run 0 of seed 3: simulate --runs 1 plays it, generate writes it down
const RUN = ['--scenario', 'scenarios/leads.yaml', '--months', '6', '--seed', '3'];
const SIMULATE = ['simulate', 'schemes/leads-plan.yaml', ...RUN, '--runs', '1', '--workers', '1', '--quiet', '--detail'];

type Series = Record<'mean' | 'p5' | 'p50' | 'p95', (number | null)[]>;
interface Detail {
  monthly: { months: string[] };
  reps: { id: string; monthly: Record<string, Series> }[];
}

interface PayoutLine {
  component: string;
  explain?: { basis?: string };
}
interface PayoutJson {
  reps: { id: string; months: { month: string; total: string; lines: PayoutLine[] }[] }[];
}

describe('simulate --detail, rep by rep and month by month', () => {
  it('gives the attainment and pay that motiv payout computes on the history of the same run', async () => {
    const dir = join(root, 'history');
    const g = await runCli(['generate', ...RUN, '--scheme', 'schemes/leads-plan.yaml', '--out', dir, '--quiet']);
    expect(g.code).toBe(0);
    const p = await runCli(['payout', 'schemes/leads-plan.yaml', '--data', dir, '--explain', '--format', 'json']);
    expect(p.code).toBe(0);
    const s = await runCli([...SIMULATE, '--format', 'json']);
    expect(s.code).toBe(0);
    const sim = JSON.parse(s.stdout) as Detail;
    const months = sim.monthly.months;

    let compared = 0;
    for (const rep of (JSON.parse(p.stdout) as PayoutJson).reps) {
      const mine = sim.reps.find((r) => r.id === rep.id)!.monthly;
      for (const m of rep.months) {
        const t = months.indexOf(m.month);
        // the bonus's basis: "attainment of revenue_plan (revenue) 2026-01: 34,387.92 / 32,000.00 = 107.4622 %"
        const basis = m.lines.find((l) => l.component === 'plan_bonus')!.explain!.basis!;
        const [, month, actual, planned] = /^attainment of revenue_plan \(revenue\) (\S+): ([\d,.]+) \/ ([\d,.]+) = /.exec(basis)!;
        expect(month).toBe(m.month);
        const amount = (text: string) => Number(text.replaceAll(',', ''));
        // the history's sales are written to the cent: a few cents of 30,000 or more
        expect(mine['attainment.revenue_plan'].mean[t]! - amount(actual) / amount(planned), `${rep.id} ${m.month}`).toBeCloseTo(0, 5);
        // payout rounds each line to the cent, the simulation does not
        expect(Math.abs(mine.pay.mean[t]! - Number(m.total))).toBeLessThan(0.05);
        compared++;
      }
    }
    expect(compared).toBe(10 * 6);
  });

  it('lists the same figures in CSV, a row per series, month and rep after the rep rows', async () => {
    const json = JSON.parse((await runCli([...SIMULATE, '--format', 'json'])).stdout) as Detail;
    const csv = (await runCli([...SIMULATE, '--format', 'csv'])).stdout;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const sections = [...new Set(rows.map((r) => r.section))];
    expect(sections.slice(-2)).toEqual(['rep', 'rep_monthly']);
    const detail = rows.filter((r) => r.section === 'rep_monthly');
    const series = Object.keys(json.reps[0].monthly);
    expect(series).toEqual(['employed', 'hours.prospect', 'hours.signed', 'hours.active', 'hours.leads', 'hours.collect', 'hours', 'pay', 'pay_variable', 'revenue', 'attainment.revenue_plan']);
    expect(detail).toHaveLength(json.reps.length * series.length * 6);
    // rep by rep, series by series, month by month
    expect(detail.slice(0, 7).map((r) => [r.rep, r.metric, r.month])).toEqual([
      ...json.monthly.months.map((m) => ['r1', 'employed', m]),
      ['r1', 'hours.prospect', '2026-01'],
    ]);
    for (const r of detail) {
      const s = json.reps.find((x) => x.id === r.rep)!.monthly[r.metric];
      const t = json.monthly.months.indexOf(r.month);
      for (const k of ['mean', 'p5', 'p50', 'p95'] as const) expect(r[k], `${r.rep} ${r.metric} ${r.month} ${k}`).toBe(s[k][t] === null ? '' : String(s[k][t]));
    }

    const plain = await runCli(SIMULATE.filter((a) => a !== '--detail').concat('--format', 'csv'));
    expect(plain.stdout).not.toMatch(/rep_monthly/);
  });

  it("refuses, before any run, to keep more of the reps' months than a simulation holds", async () => {
    const args = ['simulate', 'schemes/leads-plan.yaml', '--scenario', 'scenarios/leads.yaml', '--months', '240', '--runs', '100000', '--quiet', '--format', 'json'];
    const r = await runCli([...args, '--detail']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "error: --detail keeps each rep's months of every run: 100,000 runs × 10 reps × 240 months × 11 series would need about 21.1 GB of memory; a simulation keeps at most 2.0 GB (play at most 9,469 runs with --detail here, or fewer --months) [bad-value]\n1 error\n",
    );
  });
});
