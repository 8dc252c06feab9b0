import { ACTIVITIES } from '../../src/core/scenario/types.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_METRICS } from '../../src/core/sim/metrics.js';
import { ROOT } from '../helpers/cli.js';
import { bundled, meanOf, play, scenarioText, schemeText } from '../helpers/sim.js';

/** every bundled scheme is played in every bundled scenario, with a fixed seed */
const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('bundled schemes in bundled scenarios', () => {
  for (const sc of scenarios) {
    const scenario = scenarioText(bundled(`scenarios/${sc}`));
    for (const s of schemes) {
      it(`${s} in ${sc}`, () => {
        const results = play(scenario, schemeText(bundled(`schemes/${s}`)), 2, { months: 6, seed: 3 });
        for (const r of results) {
          RUN_METRICS.forEach((m, i) => {
            const v = r.metrics[i];
            if (['leads_processed_share', 'leads_unprocessed_share', 'plan_met_share', 'cost_of_sales', 'base_coverage'].includes(m.name)) return;
            expect(Number.isFinite(v), `${m.name} = ${v}`).toBe(true);
          });
        }
        const shares = ACTIVITIES.map((a) => meanOf(results, `effort.${a}`));
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        expect(meanOf(results, 'pay_total')).toBeGreaterThanOrEqual(0);
      });
    }
  }
});
