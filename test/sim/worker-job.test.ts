import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorFor } from '../../src/cli/sim/job.js';
import { Q } from '../../src/core/money/rational.js';
import { reviveRationals } from '../../src/core/money/revive.js';
import { Simulator } from '../../src/core/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * A simulation worker gets the schemes and the scenario the main thread
 * validated as a structured clone, which strips the rationals' class; it
 * revives them and must play every bundled scheme exactly as the originals.
 */
const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));

describe('a simulation job sent to a worker', () => {
  it("gets its rationals back as rationals (a structured clone strips their class)", () => {
    const scheme = schemeText(bundled('schemes/radio-poach.yaml'));
    expect(scheme.credit[0].split[0].share).toBeInstanceOf(Q);
    const clone = structuredClone(scheme);
    expect(clone.credit[0].split[0].share).not.toBeInstanceOf(Q);
    reviveRationals(clone);
    expect(clone.credit[0].split[0].share).toBeInstanceOf(Q);
    expect(clone.credit[0].split[0].share.f).toBe(0.5);
  });

  it.each(schemes)('plays %s the same after a structured clone as the scheme it was cloned from', (file) => {
    const scheme = schemeText(bundled(`schemes/${file}`));
    const scenarioFile = scheme.scenario ? join('schemes', scheme.scenario) : 'scenarios/freight.yaml';
    const scenario = scenarioText(bundled(scenarioFile));
    const job = structuredClone({ schemes: [{ scheme, from: 0 }], scenario, months: 6, seed: 3, detail: true });
    const cloned = simulatorFor(job);
    const original = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: 6, seed: 3, detail: true });
    expect(Array.from(cloned.run(0).metrics)).toEqual(Array.from(original.run(0).metrics));
  });
});
