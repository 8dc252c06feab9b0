import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserPlan } from './chromium.js';
import { ROOT } from './cli.js';

/** where browser tests leave their pages, screenshots and PDFs for a person (or CI artifacts) */
export const RESULTS = join(ROOT, 'test-results');

/**
 * Chromium for the tests of a describe block: launched headless and offline
 * (no first-run, sync or background traffic) before them, closed after.
 * With CI set the browser tests are mandatory: no Chromium is a failure,
 * saying how to install one, not a skip.
 */
export function useChromium(plan: BrowserPlan): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!plan.executable || !existsSync(plan.executable)) {
      throw new Error(`CI is set and no Chromium was found on PATH: install it with \`apt-get install chromium\` (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium binary`);
    }
    browser = await chromium.launch({
      executablePath: plan.executable,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
