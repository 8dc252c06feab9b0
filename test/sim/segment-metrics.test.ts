import { describe, expect, it } from 'vitest';
import { G, R, SEGMENT_METRICS } from '../../src/core/sim/metrics.js';
import { summarize } from '../../src/core/sim/summary.js';
import { once } from '../helpers/once.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

const freight = scenarioText(bundled('scenarios/freight.yaml'));
const departures = scenarioText(bundled('scenarios/departures.yaml'));

describe('what became of each segment’s clients', () => {
  const runs = once(() => [
    ...play(freight, schemeText(bundled('schemes/freight-new-client.yaml')), 4, { months: 12 }),
    // with departures, clients who follow a leaving rep are lost too
    ...play(departures, schemeText(bundled('schemes/key-accounts.yaml')), 4, { months: 24 }),
  ]);

  it('adds up, segment by segment, to the run: signed, activated, lost, active at the end, and revenue (no leads here)', () => {
    for (const r of runs()) {
      const S = r.segments.length / SEGMENT_METRICS.length;
      expect(S).toBeGreaterThanOrEqual(2);
      const sum = (k: number) => Array.from({ length: S }, (_, g) => r.segments[g * SEGMENT_METRICS.length + k]).reduce((a, b) => a + b, 0);
      expect(sum(G.clients_signed)).toBe(r.metrics[R.clients_signed]);
      expect(sum(G.clients_activated)).toBe(r.metrics[R.clients_activated]);
      expect(sum(G.clients_lost)).toBe(r.metrics[R.clients_lost]);
      expect(sum(G.active_end)).toBe(r.metrics[R.active_end]);
      expect(sum(G.revenue)).toBeCloseTo(r.metrics[R.revenue], 3);
    }
  });

  it('are summarised per segment by name, each metric over the runs', () => {
    const s = summarize(runs().slice(0, 4), { months: 12, reps: freight.reps.count, segmentNames: freight.segments.map((x) => x.name) });
    expect(Object.keys(s.segments)).toEqual(['key', 'standard']);
    expect(Object.keys(s.segments.key)).toEqual(SEGMENT_METRICS.map((m) => m.name));
    expect(s.segments.key.clients_signed.mean! + s.segments.standard.clients_signed.mean!).toBeCloseTo(
      runs()
        .slice(0, 4)
        .reduce((a, r) => a + r.metrics[R.clients_signed], 0) / 4,
      9,
    );
  });
});
