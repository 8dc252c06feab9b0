import { describe, expect, it } from 'vitest';
import { renderRevenueChart } from '../../src/cli/render/revenue-chart.js';
import { runCli } from '../helpers/cli.js';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

describe('the terminal chart of monthly revenue', () => {
  it('draws one line per scheme between the lowest and highest month, with a legend', () => {
    const text = renderRevenueChart(
      [
        { label: 'A lifetime', values: [100, 200, 300, 400] },
        { label: 'B new clients', values: [400, 300, 200, 100] },
      ],
      MONTHS,
      false,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('monthly revenue, median over runs');
    expect(lines[1]).toMatch(/^400 [┤┼]/);
    expect(lines.some((l) => /^100 ┼|^100 ┤/.test(l))).toBe(true);
    expect(text).toContain('2026-01');
    expect(text).toContain('2026-04');
    expect(lines[lines.length - 1]).toContain('A lifetime: line 1');
    expect(lines[lines.length - 1]).toContain('B new clients: line 2');
  });

  it('draws the actual months of the data first, left of a ruler that marks them actual and the rest simulated', () => {
    const actual = { months: ['2025-09', '2025-10', '2025-11', '2025-12'], values: [100, 100, 100, 100] };
    const text = renderRevenueChart([{ label: 'A', values: [400, 400, 400, 400] }], MONTHS, false, actual);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('monthly revenue: actual (the data), then the median over runs');
    const ruler = lines.find((l) => l.includes('actual ─'))!;
    const split = ruler.indexOf('┤├');
    expect(ruler.slice(split + 1)).toMatch(/^├─+ simulated ─+┤$/);
    // the actual months at 100 lie left of the split, the simulated at 400 right of it
    const row = (label: string) => lines.find((l) => l.startsWith(label))!;
    const drawn = (l: string) => [...l].flatMap((ch, i) => (i > 5 && '─╭╮╯╰│'.includes(ch) ? [i] : []));
    expect(Math.max(...drawn(row('100')))).toBeLessThanOrEqual(split);
    expect(Math.min(...drawn(row('400')))).toBeGreaterThan(split - 1);
    expect(lines.some((l) => /^ +2025-09 +2026-01 +2026-04$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toContain('actual: the months left of the ruler');
    // in colour, in the terminal's own colour apart from the schemes'
    expect(renderRevenueChart([{ label: 'A', values: [400, 400] }], MONTHS.slice(0, 2), true, actual)).toContain('\u001b[39m');
  });

  it('colours each scheme when asked', () => {
    const text = renderRevenueChart([{ label: 'A', values: [1, 2] }, { label: 'B', values: [2, 1] }], MONTHS.slice(0, 2), true);
    expect(text).toContain('\u001b[34m');
    expect(text).toContain('\u001b[33m');
  });

  it('copes with a flat series', () => {
    expect(renderRevenueChart([{ label: 'A', values: [5, 5, 5] }], MONTHS.slice(0, 3), false)).toContain('monthly revenue');
  });

  const COMPARE = ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--runs', '3', '--months', '3', '--workers', '1'];
  it('follows the compare table on a terminal', async () => {
    const r = await runCli(COMPARE, { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('monthly revenue, median over runs');
  });

  it('is left out with --quiet, with --out and when stdout is not a terminal', async () => {
    expect((await runCli([...COMPARE, '--quiet'], { tty: true })).stdout).not.toContain('monthly revenue');
    expect((await runCli(COMPARE)).stdout).not.toContain('monthly revenue');
    const sim = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '3', '--months', '3', '--workers', '1'], { tty: true });
    expect(sim.stdout).toContain('monthly revenue, median over runs');
  });
});
