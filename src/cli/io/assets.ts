import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportAssets } from '../render/html.js';

const require = createRequire(import.meta.url);

/**
 * Chart.js's UMD bundle, to inline in the HTML report. The package's
 * "exports" do not list the UMD file (nor package.json), so resolve the
 * CommonJS entry (dist/chart.cjs) and read its neighbour.
 */
export function readReportAssets(): ReportAssets {
  const dist = dirname(require.resolve('chart.js'));
  return { chartJs: readFileSync(join(dist, 'chart.umd.min.js'), 'utf8') };
}
