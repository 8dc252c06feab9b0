import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** a number of the verdict ("45.5 M", "352 k", "4,161", "39 %") as a plain number */
function value(text: string): number {
  const t = text.replace(/,/g, '').trim();
  if (t.endsWith(' M')) return Number(t.slice(0, -2)) * 1e6;
  if (t.endsWith(' k')) return Number(t.slice(0, -2)) * 1e3;
  if (t.endsWith(' %')) return Number(t.slice(0, -2)) / 100;
  return Number(t);
}

/** written to the precision the text shows: half a unit of its last digit */
function slack(text: string): number {
  const t = text.replace(/,/g, '').replace(/ [Mk%]$/, '');
  const decimals = t.includes('.') ? t.split('.')[1].length : 0;
  const scale = text.endsWith(' M') ? 1e6 : text.endsWith(' k') ? 1e3 : text.endsWith(' %') ? 0.01 : 1;
  return 0.5 * 10 ** -decimals * scale * 1.0001;
}

describe("simulate's verdict in words", () => {
  it('says every number of the table it quotes, rounded as written', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '12', '--months', '12', '--quiet', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { verdict: string[]; metrics: Record<string, { mean: number; p5: number; p95: number }> };
    const text = doc.verdict.join(' ');
    expect(doc.verdict.length).toBeGreaterThanOrEqual(3);
    expect(doc.verdict.length).toBeLessThanOrEqual(6);
    const m = doc.metrics;
    const checks: [RegExp, number][] = [
      [/spend ([\d.]+ %) of their hours on prospects/, m['effort.prospect'].mean],
      [/([\d.]+ %) on signed clients not yet active/, m['effort.signed'].mean],
      [/([\d.]+ %) on active clients/, m['effort.active'].mean],
      [/work ([\d.,]+) hours a month/, m.hours_per_rep.mean],
      [/revenue is ([\d.,]+ [Mk]?) EUR/, m.revenue.mean],
      [/between ([\d.,]+ [Mk]?) and/, m.revenue.p5],
      [/and ([\d.,]+ [Mk]?)\), pay/, m.revenue.p95],
      [/, pay ([\d.,]+ [Mk]?),/, m.pay_total.mean],
      [/profit after pay ([\d.,]+ [Mk]?);/, m.profit_after_pay.mean],
      [/cost of sales ([\d.]+ %)/, m.cost_of_sales.mean],
      [/A rep earns ([\d.,]+ ?[Mk]?) a month/, m['rep_pay.mean'].mean],
      [/tenth under ([\d.,]+ ?[Mk]?)\./, m['rep_pay.p10'].mean],
      [/At the end ([\d.,]+) clients are active/, m.active_end.mean],
      [/and ([\d.,]+) signed clients have not started buying/, m.signed_stalled_end.mean],
      [/; ([\d.,]+) clients were lost/, m.clients_lost.mean],
    ];
    for (const [re, expected] of checks) {
      const found = re.exec(text);
      expect(found, `${re} in: ${text}`).not.toBeNull();
      const quoted = found![1].trim();
      expect(Math.abs(value(quoted) - expected), `${quoted} for ${expected}`).toBeLessThanOrEqual(slack(quoted));
    }
  });

  it("compare's verdict quotes the paired differences of the table, and says only what their intervals support", async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--runs', '12', '--months', '12', '--quiet', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      verdict: Record<string, string[]>;
      schemes: { metrics: Record<string, { mean: number }> }[];
      differences: { metrics: Record<string, { mean: number; ci95: [number, number]; significant: boolean }> }[];
    };
    const text = doc.verdict.B.join(' ');
    const [a, b] = doc.schemes.map((x) => x.metrics);
    const d = doc.differences[0].metrics;
    const existing = (m: typeof a) => m['effort.signed'].mean + m['effort.active'].mean;
    // (the points are the difference of the two shares shown, each rounded: within a unit of the last digit, not half)
    const checks: [RegExp, number, number?][] = [
      [/reps spend ([\d.]+) points? less/, -100 * (existing(b) - existing(a)), 2],
      [/existing clients \(([\d.]+ %) ->/, existing(a)],
      [/-> ([\d.]+ %)\)/, existing(b)],
      [/Revenue falls ([\d.,]+ [Mk]?) EUR/, -d.revenue.mean],
      [/EUR \(-([\d.]+ %),/, -d.revenue.mean / a.revenue.mean],
      [/95 % interval -([\d.]+ %) to/, -d.revenue.ci95[0] / a.revenue.mean],
      [/ to -([\d.]+ %)\) over/, -d.revenue.ci95[1] / a.revenue.mean],
      [/pay falls ([\d.,]+ [Mk]?) \(/, -d.pay_total.mean],
      [/profit after pay falls ([\d.,]+ [Mk]?) \(/, -d.profit_after_pay.mean],
    ];
    for (const [re, expected, roundings = 1] of checks) {
      const found = re.exec(text);
      expect(found, `${re} in: ${text}`).not.toBeNull();
      const quoted = found![1].trim();
      expect(Math.abs(value(quoted) - expected), `${quoted} for ${expected}`).toBeLessThanOrEqual(roundings * slack(quoted));
    }
    expect(d.revenue.significant && d.pay_total.significant).toBe(true);
    expect(text).toMatch(/All 8 reps earn less, by \d+ % on average\./);
    expect(text).toMatch(/The main risk: /);
  });

  it('says a difference the paired interval does not support "does not change measurably"', async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-lifetime.yaml', '--runs', '6', '--months', '4', '--quiet', '--format', 'json']);
    const text = (JSON.parse(r.stdout) as { verdict: Record<string, string[]> }).verdict.B.join(' ');
    expect(text).toContain("the share of reps' time on existing clients does not change measurably");
    expect(text).toContain('Revenue does not change measurably over 4 months, pay does not change measurably, profit after pay does not change measurably.');
    expect(text).toContain('No risk the table measures');
    expect(text).not.toMatch(/reps earn/);
  });

  it('opens the table output, before the metrics', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '4', '--months', '3', '--quiet']);
    const lines = r.stdout.split('\n');
    expect(lines[3]).toMatch(/^Reps spend /);
    expect(r.stdout.indexOf('Reps spend')).toBeLessThan(r.stdout.indexOf('│ metric'));
  });
});
