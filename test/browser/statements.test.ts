import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS, useChromium } from '../helpers/browser.js';
import { browserPlan } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { SCRIPT_NAME, statementFixture } from '../helpers/statement-fixture.js';

/**
 * Rep statements in a real browser (Debian's chromium through playwright-core,
 * as the report's test): what a rep sees is payout's own figures. The pages
 * are left in test-results/statements for a person to look at.
 */
const BROWSER = browserPlan();

interface PayoutJson {
  reps: { id: string; months: { month: string; total: string; lines: { component: string; target?: string; amount: string }[] }[] }[];
}

describe.skipIf(!BROWSER.run)('rep statements in chromium', () => {
  const chromiumOf = useChromium(BROWSER);

  /** open a page from disk with scripts off; any request beyond the file is refused and recorded */
  async function open(file: string): Promise<{ page: Page; requests: string[]; url: string }> {
    const url = pathToFileURL(file).href;
    const context = await chromiumOf().newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, url };
  }

  /** the amount as the page shows it, as a plain decimal: '1,202.23' -> '1202.23' */
  const plain = (text: string) => text.trim().replace(/,/g, '');

  for (const [name, args, rep, month] of [
    ['radio', ['schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2026-03'], 'pet', '2026-03'],
    // the bundled SaaS plan: ana on two plans (AE, and team lead from 16 July)
    ['saas', ['schemes/saas-ote.yaml', '--data', 'fixtures/saas', '--from', '2026-01', '--to', '2026-07'], 'ana', '2026-07'],
    ['hostile', [], 'a', '2026-02'],
  ] as const) {
    it(`${name}: the visible total is the JSON payout's for ${rep} in ${month}, and every line shows with its amount`, async () => {
      const fixture = name === 'hostile' ? statementFixture() : undefined;
      const payArgs = fixture ? [fixture.scheme, '--data', fixture.data] : [...args];
      const dir = join(RESULTS, `statements-${name}`);
      rmSync(dir, { recursive: true, force: true });
      const r = await runCli(['payout', ...payArgs, '--statements', dir, '--format', 'json', '--explain']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as PayoutJson;
      const want = json.reps.find((x) => x.id === rep)!.months.find((m) => m.month === month)!;

      const { page, requests, url } = await open(join(dir, rep, `${month}.html`));
      try {
        expect(requests).toEqual([url]);
        expect(plain(await page.locator('[data-field="total"]').innerText())).toBe(want.total);
        expect(plain(await page.locator('[data-field="line-total"]').innerText())).toBe(want.total);
        expect(await page.locator('[data-field="month"]').innerText()).toBe(month);
        const rows = page.locator('tr[data-line]');
        expect(await rows.count()).toBe(want.lines.length);
        for (const [i, line] of want.lines.entries()) {
          const row = rows.nth(i);
          expect(await row.locator('td').first().innerText()).toContain(line.target ? `${line.component} → ${line.target}` : line.component);
          expect(plain(await row.locator('[data-amount]').innerText())).toBe(line.amount);
          expect(await row.isVisible()).toBe(true);
        }
        if (fixture) {
          // the name is text on the page, not a script
          expect(await page.locator('[data-field="rep"]').innerText()).toContain(SCRIPT_NAME);
          expect(await page.evaluate<number>('document.scripts.length')).toBe(0);
          expect(await page.title()).toContain(SCRIPT_NAME);
        }
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('[data-field="total"]').isVisible()).toBe(true);
      } finally {
        await page.context().close();
      }

      // the index links every statement, and the link opens it
      const index = await open(join(dir, 'index.html'));
      try {
        const links = await index.page.evaluate<string[]>(`[...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))`);
        expect(links).toContain(`${rep}/${month}.html`);
        expect(links.length).toBe(json.reps.reduce((n, x) => n + x.months.length, 0));
      } finally {
        await index.page.context().close();
      }
    });
  }
});
