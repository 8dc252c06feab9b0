import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';

/**
 * Attention to a signed client makes it likelier to become active and less
 * likely to go cold, both at once (values.ts signedValue): a rep paid more
 * while a client stays signed than once it is active gains by its staying,
 * loses by its activation. Each effect was cut at nothing alone, so the
 * activation's loss was dropped (QA: 40 % of signed clients' revenue drew
 * more hours per signed client than 5 %, and more than a salary).
 */
describe('a rep paid while a client stays signed', () => {
  // freight whose book holds signed clients and nothing else, with no new prospects: only the signed clients' attention moves
  const scenario = scenarioText(
    bundled('scenarios/freight.yaml')
      .replace(/^ {2}prospects: \d+/m, '  prospects: 0')
      .replace(/^ {2}signed: \d+/m, '  signed: 12')
      .replace(/^ {2}active: \d+/m, '  active: 0')
      .replace(/new_prospects: \d+/, 'new_prospects: 0'),
  );
  const scheme = (rate: string) => schemeText(`name: signed ${rate}\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: c, type: commission, measure: revenue, filter: {category: signed}, rate: ${rate}}\n`);
  const at = (name: string) => RUN_METRICS.findIndex((m) => m.name === name);
  const signedHours = (runs: RunResult[]) => runs.map((r) => r.metrics[at('effort.signed')] * r.metrics[at('hours_per_rep')]);

  it('gives signed clients no more hours the more he is paid while they stay signed (activating one loses him its pay)', () => {
    const low = signedHours(play(scenario, scheme('5%'), 12, { months: 6 }));
    const high = signedHours(play(scenario, scheme('40%'), 12, { months: 6 }));
    const d = paired(high.map((h, k) => h - low[k]));
    console.log(`hours a month on signed clients, 40 % of their revenue against 5 %: ${fmt(d)}`);
    expect(d.hi).toBeLessThan(0.5);
  });
});
