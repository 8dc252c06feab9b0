import { describe, expect, it } from 'vitest';
import { fitHours } from '../../src/core/calibrate/hours-fit.js';
import { buildPanel } from '../../src/core/calibrate/panel.js';
import { observeHours } from '../../src/core/calibrate/rep-hours.js';
import { simulateHistory } from '../../src/core/generate/history.js';
import { historyTables } from '../../src/core/generate/tables.js';
import { fitHeapMb, fitHoursApart, type FitPlace } from '../../src/cli/sim/fit-hours-apart.js';
import { datasetOfTables } from '../helpers/dataset.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * calibrate plays its hours fit in a worker whose old generation is capped,
 * so that the runs' garbage is collected as they go; the fit must be the one
 * played in the thread that read the history, wherever it is played.
 */
describe('the hours fit played apart, on a capped heap', () => {
  const radio = scenarioText(bundled('scenarios/radio.yaml'));
  const scheme = schemeText(bundled('schemes/radio-territory.yaml'));
  const history = simulateHistory({ scenario: radio, scheme, months: 4, seed: 2 });
  const { dataset } = datasetOfTables(historyTables(history));
  const observed = observeHours(dataset, buildPanel(dataset)!);
  const here = fitHours(radio, scheme, observed);

  it('gives the fit played in this thread, from a worker', async () => {
    const places: FitPlace[] = [];
    const apart = await fitHoursApart(radio, scheme, observed, 256, (p) => places.push(p));
    expect(places).toEqual([{ heapMb: 256, outOfMemory: false }]);
    expect(apart).toEqual(here);
    // the best trial is one of the trials, as in this thread (a structured clone keeps shared objects shared)
    expect(apart.trials).toContain(apart.best);
  });

  it('plays a fit that outgrows its heap again on twice the heap, then in this thread, with the same fit', async () => {
    const places: FitPlace[] = [];
    const apart = await fitHoursApart(radio, scheme, observed, 1, (p) => places.push(p));
    expect(places).toEqual([{ heapMb: 1, outOfMemory: true }, { heapMb: 2, outOfMemory: true }, 'here']);
    expect(apart).toEqual(here);
  });

  it('gives a heap of at least 384 MB, growing with the history', () => {
    expect(fitHeapMb(0)).toBe(384);
    expect(fitHeapMb(157 * 2 ** 20)).toBeGreaterThan(fitHeapMb(50 * 2 ** 20));
  });
});
