import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArith, floatArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import type { PayoutResult } from '../../src/core/types.js';
import { datasetOf, payout, schemeOf, toFloatDataset } from '../helpers/dataset.js';
import { bundledSchemes, FROM, HISTORY, kitchenSink, rowsArb, TO } from './arbitraries.js';

const CENT = 0.01 + 1e-9;

/** same rows, same lines in the same order, each amount within a cent */
function expectAgreement(file: string, exact: PayoutResult<R.Q>, float: PayoutResult<number>): void {
  expect(float.rows.map((r) => `${r.rep} ${r.month}`), file).toEqual(exact.rows.map((r) => `${r.rep} ${r.month}`));
  exact.rows.forEach((er, i) => {
    const fr = float.rows[i];
    const where = `${file} ${er.rep} ${er.month}`;
    expect(fr.lines.map((l) => `${l.component}:${l.kind}`), where).toEqual(er.lines.map((l) => `${l.component}:${l.kind}`));
    er.lines.forEach((el, j) => {
      const diff = Math.abs(fr.lines[j].amount - el.amount.f);
      expect(diff, `${where} ${el.component}: float ${fr.lines[j].amount}, exact ${R.toDecimalString(el.amount)}`).toBeLessThanOrEqual(CENT);
    });
  });
}

describe('property: the float engine agrees with the exact one', () => {
  const schemes = bundledSchemes();

  it('pays the same lines within a cent each, on every bundled scheme and random data', () => {
    fc.assert(
      fc.property(rowsArb(), (rows) => {
        const exactData = datasetOf(rows);
        const floatData = toFloatDataset(exactData);
        for (const { file, scheme } of schemes) {
          const exact = payout(scheme, exactData, FROM, TO, { historyFrom: HISTORY });
          const float = payout(scheme, floatData, FROM, TO, { A: floatArith, historyFrom: HISTORY });
          expectAgreement(file, exact, float);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('pays the same lines within a cent each on a scheme using every component type and engine feature', () => {
    const scheme = schemeOf(kitchenSink({ rate: '4.75%', rounding: 'half-even', split: true, cap: '1500.00', variableCap: '6000.00' }));
    fc.assert(
      fc.property(rowsArb(), (rows) => {
        const exactData = datasetOf(rows);
        const exact = payout(scheme, exactData, FROM, TO, { historyFrom: HISTORY });
        const float = payout(scheme, toFloatDataset(exactData), FROM, TO, { A: floatArith, historyFrom: HISTORY });
        expectAgreement('kitchen sink', exact, float);
      }),
      { numRuns: 40 },
    );
  });

  it('rounds a float to the same minor units as the exact decimal it stands for, in every mode', () => {
    // amounts up to a million with up to five decimals, and up to 100,000 with six (a four-digit rate on cents)
    const decimal = fc
      .integer({ min: 0, max: 6 })
      .chain((d) => fc.bigInt({ min: -(10n ** BigInt(d + (d === 6 ? 5 : 6))), max: 10n ** BigInt(d + (d === 6 ? 5 : 6)) }).map((n) => new R.Q(n, 10n ** BigInt(d))));
    fc.assert(
      fc.property(decimal, fc.constantFrom(...R.ROUNDING_MODES), fc.constantFrom(0, 2, 3), (x, mode, digits) => {
        const exact = exactArith.round(x, digits, mode);
        const float = floatArith.round(x.f, digits, mode);
        expect(float, `${R.toDecimalString(x)} ${mode} to ${digits} digits`).toBe(exact.f);
      }),
      { numRuns: 3000 },
    );
  });

  it('floors a large product whose last decimal is its only fraction like the exact one (-499,999.99 x 1.9999)', () => {
    const amount = R.q(-49_999_999, 100);
    const rateQ = R.q(19_999, 10_000);
    for (const mode of R.ROUNDING_MODES) expect(floatArith.round(amount.f * rateQ.f, 2, mode), mode).toBe(exactArith.round(R.mul(amount, rateQ), 2, mode).f);
  });

  it('rounds the float result of rate x amount like the exact product', () => {
    const cents = fc.integer({ min: -50_000_000, max: 50_000_000 }); // up to 500,000
    const rate = fc.integer({ min: 0, max: 20_000 }); // 0.0000 .. 2.0000
    fc.assert(
      fc.property(cents, rate, fc.constantFrom(...R.ROUNDING_MODES), (c, r, mode) => {
        const amount = R.q(c, 100);
        const rateQ = R.q(r, 10_000);
        const exact = exactArith.round(R.mul(amount, rateQ), 2, mode);
        const float = floatArith.round(amount.f * rateQ.f, 2, mode);
        expect(float, `${R.toDecimalString(amount)} x ${R.toDecimalString(rateQ)} ${mode}`).toBe(exact.f);
      }),
      { numRuns: 3000 },
    );
  });
});
