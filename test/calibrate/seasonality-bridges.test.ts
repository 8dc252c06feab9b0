import { describe, expect, it } from 'vitest';
import { calibrateHistory, readHistory } from '../../src/core/calibrate/calibrate.js';
import { buildPanel } from '../../src/core/calibrate/panel.js';
import { fitSeasonality } from '../../src/core/calibrate/seasonality.js';
import { parseMonth } from '../../src/core/time/month.js';
import { datasetOf, type Row } from '../helpers/dataset.js';

/**
 * Two months of no sale in a history of two years, each bridged by the same
 * clients' two-month steps over it: each gap is named, and each bridge adds
 * its own steps to the factors it informs, none overwriting another's.
 * 40 clients buy every month but the gaps, all alike, so every step is known
 * exactly: a month's revenue is 100, or 200 where `doubled` says.
 */
const CLIENTS = 40;
const months = (): string[] => {
  const out: string[] = [];
  for (const y of [2025, 2026]) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};
function history(gaps: string[], doubled: string[] = []) {
  const clients: Row[] = Array.from({ length: CLIENTS }, (_, i) => ({ id: `c${i}`, owner: 'r1', status: 'active' }));
  const transactions: Row[] = [];
  for (const m of months()) {
    if (gaps.includes(m)) continue;
    for (const c of clients) transactions.push({ date: `${m}-10`, client_id: c.id, revenue: doubled.includes(m) ? 200 : 100, cost: 0 });
  }
  return datasetOf({ reps: [{ id: 'r1' }], clients, transactions });
}

/** twelve factors from the mean log step into each calendar month, as fitSeasonality chains them */
function chained(steps: number[]): number[] {
  const drift = steps.reduce((a, b) => a + b, 0) / 12;
  const logs = [0];
  for (let k = 1; k < 12; k++) logs.push(logs[k - 1] + steps[k] - drift);
  const raw = logs.map(Math.exp);
  const avg = raw.reduce((a, b) => a + b, 0) / 12;
  return raw.map((x) => x / avg);
}

describe('calibrate: seasonality bridged over two months of no sale', () => {
  it('names each of two gaps in the same calendar month of two years (2025-05 and 2026-05)', () => {
    const data = history(['2025-05', '2026-05']);
    const season = fitSeasonality(buildPanel(data)!);
    expect(season.bridged.flatMap((b) => b.gaps)).toEqual([parseMonth('2025-05'), parseMonth('2026-05')]);
    const warnings = calibrateHistory(readHistory(data)!).warnings.filter((w) => w.startsWith('seasonality:'));
    const bridge = warnings.find((w) => w.includes('no sale'))!;
    expect(bridge, warnings.join('\n')).toContain('2025-05 and 2026-05 have no sale');
    expect(bridge).toContain('check that the history\'s export covers 2025-05 and 2026-05');
  });

  it('keeps both bridges of gaps in adjacent calendar months of two years (2025-05 and 2026-06): June takes the steps of each', () => {
    // June 2025 and July 2026 doubled. Steps into each calendar month, as observed (log 2 = L):
    //   May: 2026's 0; June: none (2025's and 2026's broken); July: 2025's -L (2026's broken); August: 2025's 0 and 2026's -L; the rest 0.
    // The bridge over 2025-05 (April to June, L) less May's 0 gives June L; the one over 2026-06 (May to July, L) less July's -L
    // gives June 2L: 40 clients each, so June's step is 1.5 L (the later bridge alone would make it 2L)
    const L = Math.log(2);
    const data = history(['2025-05', '2026-06'], ['2025-06', '2026-07']);
    const season = fitSeasonality(buildPanel(data)!);
    expect(season.bridged.map((b) => [b.into, b.split])).toEqual([[4, 'after'], [5, 'into']]);
    const steps = [0, 0, 0, 0, 0, 1.5 * L, -L, -L / 2, 0, 0, 0, 0];
    const want = chained(steps);
    season.factors!.forEach((f, k) => expect(f, `month ${k + 1}`).toBeCloseTo(want[k], 10));
    // June rests on both bridges' steps
    expect(season.steps).toBe(CLIENTS);
  });
});
