import { describe, expect, it } from 'vitest';
import { schemeFitsScenario } from '../../src/core/sim/fit.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

const scenario = scenarioText(bundled('scenarios/departures.yaml'));
const scheme = (credit: string, org = '') => schemeText(`name: x\ncurrency: EUR\ncredit:\n${credit}components:\n  - {id: base, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 1%}\n${org}`);

describe('a credit role that no simulated rep holds', () => {
  it("warns, at the role, that its share of a split falls to the seller: a team's pooled share plays as the seller's own pay", () => {
    const p = schemeFitsScenario(scheme('  - split: {closer: 50%, team: 50%}\n'), scenario);
    expect(p.map((x) => [x.severity, x.code, x.path, x.onKey])).toEqual([['warning', 'unknown-reference', ['credit', 0, 'split', 'team'], true]]);
    expect(p[0].message).toBe("credit role 'team' is held by no simulated rep, so its 50 % of each sale falls to the seller: what it pools plays as the seller's own pay");
    expect(p[0].hint).toBe(
      "a simulated client's credit roles are 'seller', 'owner', 'finder' and 'closer' only: the simulation reads no credits.csv; for two reps sharing a client's credit, use organisation pair work (organisation.pairs) and the role 'pair'",
    );
  });

  it('warns that an overlay role credits nobody, and suggests a built-in role for a misspelt one', () => {
    const p = schemeFitsScenario(scheme('  - split: {seller: 60%, closr: 40%}\n    overlay: {se: 100%}\n'), scenario);
    expect(p.map((x) => x.path)).toEqual([
      ['credit', 0, 'split', 'closr'],
      ['credit', 0, 'overlay', 'se'],
    ]);
    expect(p[0].message).toContain("; did you mean 'closer'?");
    expect(p[1].message).toBe("overlay role 'se' is held by no simulated rep, so its 100 % credits nobody: the pay on it is not simulated");
  });

  it("says nothing of the built-in roles, nor of 'pair' under organisation pair work (both reps of a paired client hold it)", () => {
    expect(schemeFitsScenario(scheme('  - split: {seller: 25%, owner: 25%, finder: 25%, closer: 25%}\n'), scenario)).toEqual([]);
    expect(schemeFitsScenario(scheme('  - when: {segment: [vip, key]}\n    split: {pair: 100%}\n  - split: {owner: 100%}\n', 'organisation:\n  pairs: {segments: [vip, key]}\n'), scenario)).toEqual([]);
    expect(schemeFitsScenario(scheme('  - split: {pair: 100%}\n'), scenario).map((x) => x.path)).toEqual([['credit', 0, 'split', 'pair']]);
  });
});
