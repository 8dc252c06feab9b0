import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetOf, payout, schemeOf } from '../helpers/dataset.js';
import { badRow, bundledSchemes, FROM, HISTORY, kitchenSink, rowsArb, TO } from './arbitraries.js';

describe('property: a rep total is the sum of his lines', () => {
  const schemes = bundledSchemes();

  it('holds exactly, with every line in minor units, on every bundled scheme and random data', () => {
    fc.assert(
      fc.property(rowsArb(), (rows) => {
        const data = datasetOf(rows);
        for (const { file, scheme } of schemes) {
          const bad = badRow(payout(scheme, data, FROM, TO, { historyFrom: HISTORY }));
          expect(bad, file).toBeUndefined();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('holds exactly for a scheme using every component type, any rounding rule and odd rates', () => {
    const params = fc.record({
      rate: fc.integer({ min: 0, max: 99999 }).map((n) => `${n / 1000}%`),
      rounding: fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down', 'floor', 'ceiling'),
      split: fc.boolean(),
      cap: fc.integer({ min: 0, max: 300000 }).map((n) => (n / 1000).toFixed(3)),
      variableCap: fc.integer({ min: 0, max: 800000 }).map((n) => (n / 100).toFixed(2)),
    });
    fc.assert(
      fc.property(params, rowsArb(), (p, rows) => {
        const scheme = schemeOf(kitchenSink(p));
        const bad = badRow(payout(scheme, datasetOf(rows), FROM, TO, { historyFrom: HISTORY }));
        expect(bad).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});
