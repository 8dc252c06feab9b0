import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readReportAssets } from '../../src/cli/io/assets.js';
import { renderHtmlReport } from '../../src/cli/render/html.js';
import type { ReportModel } from '../../src/cli/render/report-model.js';
import { RESULTS, useChromium } from '../helpers/browser.js';
import { browserPlan } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { ACTUAL_CHARTS, HOSTILE_NAME, SIMULATED_CHARTS, actualReportModel, simulatedReportModel } from '../helpers/report-model.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by
 * playwright-core (which never downloads a browser). The page and a
 * screenshot are left in test-results/ for a person (or CI artifacts) to look at.
 */
const BROWSER = browserPlan();

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
}

/** per canvas: its kind, bitmap and CSS sizes, and how many pixels are painted */
const CANVAS_PIXELS = `[...document.querySelectorAll('canvas[data-chart]')].map((c) => {
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  return { kind: c.dataset.chart, width: c.width, cssWidth: c.clientWidth, painted, share: painted / (c.width * c.height) };
})`;

describe.skipIf(!BROWSER.run)('HTML report in chromium', () => {
  const chromiumOf = useChromium(BROWSER);

  /** write the report, open it from disk, wait until every chart has drawn; any request beyond the file is refused and recorded */
  async function open(model: ReportModel, name: string): Promise<Visit & { url: string }> {
    const file = join(RESULTS, name);
    writeFileSync(file, renderHtmlReport(model, readReportAssets()));
    return openFile(file);
  }

  async function openFile(file: string): Promise<Visit & { url: string }> {
    const url = pathToFileURL(file).href;
    const page = await chromiumOf().newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('document.body.dataset.chartsRendered !== undefined', null, { timeout: 20_000 }).catch(() => {
      throw new Error(`the charts never finished drawing; errors: ${errors.join('; ') || 'none'}`);
    });
    return { page, requests, errors, url };
  }

  it('draws every chart of a simulated comparison offline, without errors', async () => {
    const { page, requests, errors, url } = await open(simulatedReportModel(), 'report.html');
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      const kinds = await page.evaluate<string[]>(`[...document.querySelectorAll('canvas[data-chart]')].map((c) => c.dataset.chart)`);
      expect(kinds).toEqual(SIMULATED_CHARTS);
      expect(await page.evaluate<string>('document.body.dataset.chartsRendered')).toBe(String(SIMULATED_CHARTS.length));

      const canvases = await page.evaluate<{ kind: string; width: number; cssWidth: number; painted: number; share: number }[]>(CANVAS_PIXELS);
      for (const c of canvases) {
        expect(c.share, `${c.kind} is blank`).toBeGreaterThan(0.02);
        expect(c.width, `${c.kind} is not drawn at twice its CSS width`).toBe(2 * c.cssWidth);
      }

      // the hostile scheme name is text everywhere: title, table head, captions
      expect(await page.evaluate<number>(`document.querySelectorAll('main b').length`)).toBe(0);
      expect(await page.evaluate<string>(`document.querySelector('h1').textContent`)).toContain(HOSTILE_NAME);
      expect(await page.evaluate<string>(`document.title`)).toContain(HOSTILE_NAME);
      expect(await page.locator('h2', { hasText: HOSTILE_NAME }).count()).toBe(1);
      expect(await page.locator('th', { hasText: HOSTILE_NAME }).count()).toBe(2);

      await page.screenshot({ path: join(RESULTS, 'report.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('prints: charts redrawn at the paper width, none cut across pages', async () => {
    const { page, errors } = await open(simulatedReportModel(), 'report-print.html');
    try {
      await page.emulateMedia({ media: 'print' });
      // let Chart.js follow the print layout first (one column), as a browser lays out before it prints
      await page.waitForFunction(`[...document.querySelectorAll('canvas[data-chart]')].every((c) => c.clientWidth === c.parentNode.clientWidth)`);
      await page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
      await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
      const canvases = await page.evaluate<{ kind: string; width: number; share: number }[]>(CANVAS_PIXELS);
      for (const c of canvases) {
        expect(c.width, c.kind).toBe(2 * 680);
        expect(c.share, `${c.kind} is blank in print`).toBeGreaterThan(0.02);
      }
      expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('figure')).breakInside`)).toBe('avoid');
      await page.pdf({ path: join(RESULTS, 'report.pdf'), format: 'A4', printBackground: false });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('actual data: tables, rep pay and winners only', async () => {
    const { page, requests, errors, url } = await open(actualReportModel(), 'report-actual.html');
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.evaluate<string[]>(`[...document.querySelectorAll('canvas[data-chart]')].map((c) => c.dataset.chart)`)).toEqual(ACTUAL_CHARTS);
      expect(await page.evaluate<string>('document.body.dataset.chartsRendered')).toBe(String(ACTUAL_CHARTS.length));
    } finally {
      await page.close();
    }
  });

  // the reports the commands write, end to end
  const CLI_REPORTS: [name: string, args: string[], charts: string[]][] = [
    [
      'cli-compare.html',
      ['compare', 'schemes/freight-lifetime.yaml', 'schemes/hunter-farmer.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '6', '--months', '6', '--workers', '1', '--quiet'],
      ['effort', 'effort-roles', 'fan-revenue', 'fan-pay', 'rep-pay', 'winners-buckets', 'winners-reps'],
    ],
    // stay or switch: the cumulative profit after pay of the switch against staying
    [
      'cli-compare-switch.html',
      ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--switch-at', '3', '--scenario', 'scenarios/freight.yaml', '--runs', '6', '--months', '6', '--workers', '1', '--quiet'],
      ['effort', 'fan-revenue', 'fan-pay', 'transition', 'rep-pay', 'winners-buckets', 'winners-reps'],
    ],
    ['cli-simulate.html', ['simulate', 'schemes/radio-pool.yaml', '--runs', '6', '--months', '6', '--workers', '1', '--quiet'], ['effort', 'fan-revenue', 'fan-pay', 'rep-pay']],
    // from data: the revenue fan starts with the data's actual months, shaded
    ['cli-simulate-data.html', ['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--runs', '6', '--months', '6', '--workers', '1', '--quiet'], ['effort', 'fan-revenue', 'fan-pay', 'rep-pay']],
    ['cli-actual.html', ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio'], ['rep-pay', 'winners-buckets', 'winners-reps']],
    // --sensitivity: the tornado of profit after pay after the effort split
    ['cli-sensitivity.html', ['simulate', 'schemes/freight-lifetime.yaml', '--runs', '4', '--months', '4', '--workers', '1', '--quiet', '--sensitivity'], ['effort', 'tornado', 'fan-revenue', 'fan-pay', 'rep-pay']],
    // a sweep: profit after pay, revenue, pay, cost of sales, the effort split and the hours against the varied rate, each with its band
    [
      'cli-sweep.html',
      ['sweep', 'schemes/freight-new-client.yaml', '--vary', 'components.maintenance.rate=0.5%..10%:4', '--runs', '6', '--months', '6', '--workers', '1', '--quiet'],
      ['sweep', 'sweep', 'sweep', 'sweep', 'sweep', 'sweep'],
    ],
  ];
  for (const [name, args, charts] of CLI_REPORTS) {
    it(`motiv ${args[0]} --html: ${name.replace('.html', '')} draws its charts`, async () => {
      const file = join(RESULTS, name);
      const r = await runCli([...args, '--html', file]);
      expect(r.code, r.stderr).toBe(0);
      const { page, requests, errors, url } = await openFile(file);
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        const kinds = await page.evaluate<string[]>(`[...document.querySelectorAll('canvas[data-chart]')].map((c) => c.dataset.chart)`);
        expect(kinds).toEqual(charts);
        expect(await page.evaluate<string>('document.body.dataset.chartsRendered')).toBe(String(charts.length));
        for (const c of await page.evaluate<{ kind: string; share: number }[]>(CANVAS_PIXELS)) expect(c.share, `${c.kind} is blank`).toBeGreaterThan(0.02);
        await page.screenshot({ path: join(RESULTS, name.replace('.html', '.png')), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
