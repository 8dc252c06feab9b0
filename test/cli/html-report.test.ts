import { describe, expect, it } from 'vitest';
import { readReportAssets } from '../../src/cli/io/assets.js';
import { renderHtmlReport } from '../../src/cli/render/html.js';
import { jsonForScript } from '../../src/cli/render/html-escape.js';
import { sharedBins } from '../../src/cli/render/histogram.js';
import { reportCharts } from '../../src/cli/render/report-charts.js';
import type { ReportModel } from '../../src/cli/render/report-model.js';
import { ACTUAL_CHARTS, HOSTILE_NAME, SIMULATED_CHARTS, actualReportModel, simulatedReportModel } from '../helpers/report-model.js';

const FAKE_ASSETS = { chartJs: '/* Chart.js stand-in */ window.Chart = function () {};' };

function canvasKinds(html: string): string[] {
  return [...html.matchAll(/<canvas data-chart="([^"]+)"/g)].map((m) => m[1]);
}

/** the page without its inlined scripts and data, i.e. the markup a reader sees */
function markup(html: string): string {
  return html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
}

describe('renderHtmlReport', () => {
  it('draws every chart of a simulated comparison, in page order', () => {
    const html = renderHtmlReport(simulatedReportModel(), FAKE_ASSETS);
    expect(canvasKinds(html)).toEqual(SIMULATED_CHARTS);
    expect(reportCharts(simulatedReportModel()).map((c) => c.kind)).toEqual(SIMULATED_CHARTS);
  });

  it('omits the charts whose data is absent: actual data gets tables, rep pay and winners only', () => {
    const html = renderHtmlReport(actualReportModel(), FAKE_ASSETS);
    expect(canvasKinds(html)).toEqual(ACTUAL_CHARTS);
    expect(html).toContain('Pay (actual data)');
    expect(html).not.toContain('Effort split');
  });

  it('charts each switch of compare --switch-at after the fans: its cumulative profit after pay and interval, a later switch from its month', () => {
    const model = simulatedReportModel();
    const switches: ReportModel['transitions'] = [
      { scheme: 'B switch in 2026-07', index: 1, months: model.months!.slice(6), mean: [1, -2, -3, -1, 2, 5], low: [0, -4, -6, -4, 1, 3], high: [2, 0, 0, 2, 3, 7] },
      { scheme: 'C switch in 2026-10', index: 2, months: model.months!.slice(9), mean: [-1, 0, 1], low: [-2, -1, 0.5], high: [0, 1, 1.5] },
    ];
    const withSwitch = { ...model, transitions: switches };
    const kinds = ['effort', 'effort-roles', 'fan-revenue', 'fan-pay', 'transition', 'rep-pay', 'winners-buckets', 'winners-reps'];
    expect(canvasKinds(renderHtmlReport(withSwitch, FAKE_ASSETS))).toEqual(kinds);
    const chart = reportCharts(withSwitch).find((c) => c.kind === 'transition')!;
    expect(chart.labels).toEqual(model.months!.slice(6));
    expect(chart.datasets.map((d) => d.band ?? (d.median ? 'mean' : ''))).toEqual(['lower', 'upper', 'mean', 'lower', 'upper', 'mean']);
    expect(chart.datasets[5].data).toEqual([NaN, NaN, NaN, -1, 0, 1]);
    expect(chart.datasets[2].bandLabel).toBe('95 % interval');
  });

  it('a model with tables only has no canvas', () => {
    const model = { ...actualReportModel(), schemes: [], winners: undefined };
    expect(canvasKinds(renderHtmlReport(model, FAKE_ASSETS))).toEqual([]);
  });

  it('references nothing on the network', () => {
    const html = renderHtmlReport(simulatedReportModel(), readReportAssets());
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toContain('sourceMappingURL');
    expect(html).toContain('Chart.js v4');
  });

  it('escapes every name in the markup and cannot be broken out of by the chart data', () => {
    const html = renderHtmlReport(simulatedReportModel(), FAKE_ASSETS);
    expect(markup(html)).not.toContain('<b>x</b>');
    expect(markup(html)).toContain('Freight &quot;new&quot; &lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; &#39;co&#39;');
    // three scripts: the data, Chart.js, the page's own; a name in the data does not end one early
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(JSON.stringify(JSON.parse(data))).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1));
  });

  it('puts the metric description on the first cell and greys out faint cells', () => {
    const html = renderHtmlReport(simulatedReportModel(), FAKE_ASSETS);
    expect(html).toContain('<td title="Revenue of all clients over the horizon">revenue</td>');
    expect(html).toMatch(/<td class="num faint">\+17,667\.58<\/td>/);
    expect(html).toContain('the scenario sets no cost per hour');
  });

  it('heads a winners block with the cost change over the horizon, and says what the pay covers', () => {
    const model = simulatedReportModel();
    const cost = 'total cost change over the 12 months (pay_total B − A): −90 EUR (−0.3 %), 95 % interval −400 .. +220; −8 EUR a month on average';
    model.winners = [{ ...model.winners![0], what: 'pay per rep over the 12 months from 2026-01, mean over runs', cost }];
    const html = renderHtmlReport(model, FAKE_ASSETS);
    expect(html).toContain(`<p class="summary">T${cost.slice(1)}.</p>`);
    expect(html).toContain('<h3>Pay per rep over the 12 months from 2026-01, mean over runs</h3>');
    expect(html).toContain('Change per rep: pay per rep over the 12 months from 2026-01, mean over runs');
    // without a cost change given, the totals with what they are
    model.winners = [{ ...model.winners[0], cost: undefined }];
    expect(renderHtmlReport(model, FAKE_ASSETS)).toContain('<p class="summary">Total pay of the 8 reps (pay per rep over the 12 months from 2026-01, mean over runs): 26,400.00 → 26,310.00 EUR (-0.3 %).</p>');
  });

  it('tabulates each rep of a winners block with the total', () => {
    const html = renderHtmlReport(simulatedReportModel(), FAKE_ASSETS);
    expect(html).toContain('<td>Anna Petrova (r01)</td><td class="num">3,200.00</td><td class="num">3,650.00</td><td class="num gain">+450.00</td><td class="num gain">+14.1 %</td><td>gain over 5 %</td>');
    expect(html).toContain('<td>total</td><td class="num">26,400.00</td><td class="num">26,310.00</td><td class="num loss">-90.00</td>');
  });
});

describe('report helpers', () => {
  it('jsonForScript keeps the value and hides markup', () => {
    const value = { name: '</script><!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('sharedBins: round bins over all series, every value counted once', () => {
    const bins = sharedBins([[1000, 1490, 2000], [1210, 3000]]);
    expect(bins.step).toBe(100);
    expect(bins.edges[0]).toBe(1000);
    expect(bins.edges).toHaveLength(20);
    expect(bins.counts.map((c) => c.reduce((a, b) => a + b, 0))).toEqual([3, 2]);
    expect(bins.counts[1][19]).toBe(1); // the maximum falls in the last bin
    expect(sharedBins([[5, 5]]).counts).toEqual([[2]]);
    expect(sharedBins([[]]).edges).toEqual([]);
  });
});
