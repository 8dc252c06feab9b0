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

  it('opens the table output, before the metrics', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '4', '--months', '3', '--quiet']);
    const lines = r.stdout.split('\n');
    expect(lines[3]).toMatch(/^Reps spend /);
    expect(r.stdout.indexOf('Reps spend')).toBeLessThan(r.stdout.indexOf('│ metric'));
  });
});
