import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

/**
 * compare A B --switch-at M: staying on A against switching to B in month M,
 * on the same runs, with the transition month by month. Small: 12 runs of 9
 * months, the switch in the 7th (2026-07), so three months of transition.
 */
const SCHEMES = ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml'];
const SMALL = ['--scenario', 'scenarios/freight.yaml', '--runs', '12', '--months', '9', '--seed', '3', '--quiet', '--workers', '1'];
const SWITCH = [...SCHEMES, '--switch-at', '7', ...SMALL];

interface Difference {
  mean: number;
  ci95: [number, number] | null;
  significant: boolean;
}

describe('motiv compare --switch-at: stay, or switch', () => {
  it('prints the comparison, then the transition month by month and the cumulative difference (golden)', async () => {
    const r = await runCli(SWITCH);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('stay on Freight A - profit share for life vs switch to Freight B - paid mainly for new clients in 2026-07 · Freight forwarder');
    expect(out).toContain('A = stay on Freight A - profit share for life (schemes/freight-lifetime.yaml), the baseline');
    expect(out).toContain('B = switch to Freight B - paid mainly for new clients in 2026-07 (schemes/freight-lifetime.yaml until 2026-06, then schemes/freight-new-client.yaml)');
    expect(out).toContain('transition month by month, B − A (switch in 2026-07 minus stay), EUR per month');
    expect(out).toContain("cumulative difference, B − A, EUR summed from 2026-01 to each month's end");
    // one row per month from the switch, in each of the two tables
    for (const month of ['2026-07', '2026-08', '2026-09']) expect(out.match(new RegExp(`│ ${month} │`, 'g'))).toHaveLength(2);
    expect(out).not.toMatch(/│ 2026-06 │/);
    expect(out).toMatch(/\ndip: the cumulative profit after pay (falls lowest|is lowest at the horizon's end, still falling,) in 2026-0\d, the \d\w\w month since the switch: −[\d,]+ EUR \(95 % interval /);
    expect(out).toMatch(/\nworst month: 2026-0\d, the \d\w\w month since the switch, profit after pay −[\d,]+ EUR \(95 % interval /);
    expect(out).toMatch(/\n(pays back from 2026-0\d|does not pay back within the horizon \(to 2026-09\))/);
    expect(out).toMatch(/\nby 2026-09, the horizon's end: profit after pay [−+][\d,]+ EUR \(95 % interval [^)]+\), revenue [−+][\d,]+ EUR/);
    golden('compare-switch.txt', out);
  });

  it("gives every month's paired difference and the cumulative one with intervals in JSON, the same bytes on any number of workers", async () => {
    const one = await runCli([...SWITCH, '--format', 'json']);
    const two = await runCli([...SWITCH.slice(0, -1), '2', '--format', 'json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout);
    expect(doc.switch).toEqual({
      stay: { name: 'Freight A - profit share for life', file: 'schemes/freight-lifetime.yaml' },
      to: { name: 'Freight B - paid mainly for new clients', file: 'schemes/freight-new-client.yaml' },
      at: ['2026-07'],
    });
    expect(doc.schemes.map((s: { label: string; switch_at?: string }) => [s.label, s.switch_at])).toEqual([
      ['A', undefined],
      ['B', '2026-07'],
    ]);
    expect(doc.units.transition).toMatchObject({ revenue: 'EUR per month', profit_after_pay: 'EUR per month', 'effort.active': 'share', cumulative: "EUR summed from 2026-01 to the month's end" });
    const [t] = doc.transitions;
    expect(t).toMatchObject({ scheme: 'B', baseline: 'A', switch_at: '2026-07' });
    expect(Object.keys(t)).toEqual(['scheme', 'baseline', 'switch_at', 'months', 'dip', 'worst_month', 'pays_back_from', 'end']);
    expect(t.months.map((m: { month: string }) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    for (const m of t.months) {
      for (const key of ['revenue', 'pay_total', 'profit_after_pay', 'effort.prospect', 'effort.signed', 'effort.active', 'effort.leads']) expect(m).toHaveProperty([key]);
      for (const d of [m.revenue, m.profit_after_pay, m['effort.active'], m.cumulative.profit_after_pay, m.cumulative.revenue] as Difference[]) {
        expect(d.ci95![0]).toBeLessThanOrEqual(d.mean);
        expect(d.ci95![1]).toBeGreaterThanOrEqual(d.mean);
      }
    }
    // paid mainly for new clients, the reps leave active clients from the month of the switch
    expect(t.months[0]['effort.active'].mean).toBeLessThan(0);
    expect(t.months[0]['effort.active'].significant).toBe(true);
    // the cumulative difference at the horizon's end is the difference of the run metric over the horizon
    const overHorizon = doc.differences[0].metrics;
    expect(t.end.month).toBe('2026-09');
    expect(t.end.profit_after_pay.mean).toBeCloseTo(overHorizon.profit_after_pay.mean, 1);
    expect(t.end.revenue.mean).toBeCloseTo(overHorizon.revenue.mean, 1);
    expect(t.end.profit_after_pay.ci95[0]).toBeCloseTo(overHorizon.profit_after_pay.ci95[0], 1);
    // the cumulative profit after pay is the running sum of the months' (the means add up)
    const monthly = t.months.map((m: { profit_after_pay: Difference }) => m.profit_after_pay.mean);
    expect(t.months[2].cumulative.profit_after_pay.mean).toBeCloseTo(monthly[0] + monthly[1] + monthly[2], 1);
    if (t.dip) expect(t.dip.cumulative_profit_after_pay.mean).toBe(Math.min(...t.months.map((m: { cumulative: { profit_after_pay: Difference } }) => m.cumulative.profit_after_pay.mean)));
    if (t.pays_back_from) expect(t.pays_back_from.cumulative_profit_after_pay.ci95[0]).toBeGreaterThan(0);
  });

  it("marks n.s. in plain text, as compare's own table does, each difference of the transition tables whose interval contains 0, and no other", async () => {
    const [text, json] = await Promise.all([runCli(SWITCH), runCli([...SWITCH, '--format', 'json'])]);
    const [t] = JSON.parse(json.stdout).transitions;
    const rowOf = (month: string, k: number) => text.stdout.split('\n').filter((l) => l.startsWith(`│ ${month} │`))[k].split('│').slice(2, -1).map((c) => c.trim());
    let marked = 0;
    for (const m of t.months) {
      // the month's own differences: revenue, pay_total, profit_after_pay, effort.active
      const own = rowOf(m.month, 0);
      ['revenue', 'pay_total', 'profit_after_pay', 'effort.active'].forEach((key, i) => expect(own[i].endsWith(' n.s.'), `${m.month} ${key}: ${own[i]}`).toBe(!m[key].significant));
      // the cumulative ones: profit_after_pay and its interval, revenue and its interval
      const cumulative = rowOf(m.month, 1);
      expect(cumulative[0].endsWith(' n.s.')).toBe(!m.cumulative.profit_after_pay.significant);
      expect(cumulative[2].endsWith(' n.s.')).toBe(!m.cumulative.revenue.significant);
      marked += [...own, ...cumulative].filter((c) => c.endsWith(' n.s.')).length;
    }
    // (this seed has some: profit after pay in the switch's month, and cumulated to its second)
    expect(marked).toBeGreaterThan(0);
    expect(text.stdout).toContain("effort in points of the month's hours; n.s.: not significant, the 95 % interval of the paired difference contains 0\n");
  });

  it('plays A alone in both before the switch: the same months, to the cent (--detail)', async () => {
    const doc = JSON.parse((await runCli([...SWITCH, '--format', 'json', '--detail'])).stdout);
    const [a, b] = doc.schemes.map((s: { monthly: Record<string, { mean: number[] }> }) => s.monthly);
    for (const key of ['revenue', 'pay_total', 'effort.active']) {
      expect(b[key].mean.slice(0, 6)).toEqual(a[key].mean.slice(0, 6));
      expect(b[key].mean[6]).not.toBe(a[key].mean[6]);
    }
  });

  it('writes the transition in CSV, with a month column', async () => {
    const r = await runCli([...SWITCH, '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,name,scheme,mean,p5,p50,p95,difference,ci95_low,ci95_high,significant,unpaired_ci95_low,unpaired_ci95_high,bucket,month');
    expect(lines.filter((l) => l.startsWith('metric,revenue,'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('transition,profit_after_pay,B,') && /,2026-0[789]$/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('cumulative,profit_after_pay,B,'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('cumulative,revenue,B,'))).toHaveLength(3);
    for (const section of ['dip', 'worst_month', 'pays_back']) expect(lines.filter((l) => l.startsWith(`${section},profit_after_pay,B,`))).toHaveLength(1);
  });

  it('plays several switch months on the same runs: repeated and comma-separated, numbers and YYYY-MM', async () => {
    const r = await runCli([...SCHEMES, '--switch-at', '4,2026-08', '--switch-at', '6', ...SMALL, '--runs', '4', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.switch.at).toEqual(['2026-04', '2026-08', '2026-06']);
    expect(doc.schemes.map((s: { name: string }) => s.name)).toEqual([
      'stay on Freight A - profit share for life',
      'switch to Freight B - paid mainly for new clients in 2026-04',
      'switch to Freight B - paid mainly for new clients in 2026-08',
      'switch to Freight B - paid mainly for new clients in 2026-06',
    ]);
    expect(doc.transitions.map((t: { scheme: string; switch_at: string; months: unknown[] }) => [t.scheme, t.switch_at, t.months.length])).toEqual([
      ['B', '2026-04', 6],
      ['C', '2026-08', 2],
      ['D', '2026-06', 4],
    ]);
    expect(doc.differences.map((d: { scheme: string; baseline: string }) => `${d.scheme}-${d.baseline}`)).toEqual(['B-A', 'C-A', 'D-A']);
  });

  it('puts the transition tables in the HTML report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-switch-'));
    const html = join(dir, 'report.html');
    const r = await runCli([...SWITCH, '--html', html]);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('transition month by month, B − A (switch in 2026-07 minus stay), EUR per month');
    expect(page).toContain('cumulative difference, B − A');
    expect(page).toContain('the horizon&#39;s end: profit after pay');
  });
});

describe('motiv compare --switch-at: mistakes', () => {
  const usage = async (args: string[], message: string | RegExp) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('    at ');
  };

  it('needs exactly two schemes', async () => {
    await usage([...SCHEMES, 'schemes/hunter-farmer.yaml', '--switch-at', '7', ...SMALL], /--switch-at .* takes exactly two schemes, not 3/);
    await usage(['compare', 'schemes/freight-lifetime.yaml', '--switch-at', '7', ...SMALL], /takes exactly two schemes, not 1/);
  });

  it('takes a month of the horizon after the first, as a number from 2 or YYYY-MM', async () => {
    const outside = "--switch-at must be a month inside the horizon after the first (2..9, or 2026-02..2026-09), not '";
    await usage([...SCHEMES, '--switch-at', '1', ...SMALL], `${outside}1'`);
    await usage([...SCHEMES, '--switch-at', '2026-01', ...SMALL], `${outside}2026-01'`);
    await usage([...SCHEMES, '--switch-at', '10', ...SMALL], `${outside}10'`);
    await usage([...SCHEMES, '--switch-at', '2026-10', ...SMALL], `${outside}2026-10'`);
    await usage([...SCHEMES, '--switch-at', 'July', ...SMALL], `${outside}July'`);
    await usage([...SCHEMES, '--switch-at', '2026-13', ...SMALL], `${outside}2026-13'`);
    await usage([...SCHEMES, '--switch-at', '0x7', ...SMALL], `${outside}0x7'`);
    await usage([...SCHEMES, '--switch-at', '4,', ...SMALL], "--switch-at has an empty month in '4,'");
    await usage([...SCHEMES, '--switch-at', '2', ...SMALL, '--months', '1'], '--switch-at needs a horizon of at least 2 months, and this one has 1');
    await usage([...SCHEMES, '--switch-at', '7', '--switch-at', '2026-07', ...SMALL], '--switch-at gives 2026-07 twice');
  });

  it('is for a simulation: not with --data alone (actual results)', async () => {
    await usage(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--switch-at', '3'], '--switch-at is for a simulation; with --data and no --scenario');
  });
});
