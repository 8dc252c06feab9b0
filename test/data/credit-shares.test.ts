import { describe, expect, it } from 'vitest';
import { convertCell } from '../../src/core/crm/convert-cell.js';
import type { ReadStyle } from '../../src/core/crm/map.js';
import { exactArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { buildLedger } from '../../src/core/payout/ledger.js';
import { datasetOfTables, paid, payout, schemeOf, schemeText } from '../helpers/dataset.js';

/** a dataset of three reps, one client and one sale of `revenue`, split by credits.csv rows of `shares` (one a rep) */
function split(shares: string[], revenue = '1000.00') {
  const reps = ['ana', 'ben', 'cy'].slice(0, shares.length);
  return datasetOfTables([
    { file: 'reps.csv', header: ['id'], rows: reps.map((r) => [r]) },
    { file: 'clients.csv', header: ['id', 'owner'], rows: [['acme', 'ana']] },
    { file: 'transactions.csv', header: ['id', 'date', 'client_id', 'revenue'], rows: [['t1', '2026-03-10', 'acme', revenue]] },
    { file: 'credits.csv', header: ['client_id', 'rep_id', 'share'], rows: shares.map((s, i) => ['acme', reps[i], s]) },
  ]);
}
const sharesOf = (shares: string[]) => split(shares).dataset.credits.map((c) => R.toDecimalString(c.share!, 6));
const shareSums = (shares: string[]) => split(shares).problems.filter((p) => p.code === 'share-sum').map((p) => p.message);
const third = R.toDecimalString(R.q(1, 3), 6);

describe('explicit credit shares of an equal three-way split', () => {
  it('are written as fractions, 1/3 each, read exactly', () => {
    expect(split(['1/3', '1/3', '1 / 3']).problems).toEqual([]);
    expect(sharesOf(['1/3', '1/3', '1/3'])).toEqual([third, third, third]);
    expect(sharesOf(['2/3', '1/3'])).toEqual([R.toDecimalString(R.q(2, 3), 6), third]);
  });

  it('are written rounded, 33.33 % each (or 0.3333, 33.3 %, 33 %), read as the thirds they stand for', () => {
    for (const s of ['33.33%', '33,33%', '0.3333', '33.3 %', '33%']) {
      expect(split([s, s, s]).problems, s).toEqual([]);
      expect(sharesOf([s, s, s]), s).toEqual([third, third, third]);
    }
    // any rounded shares that stand for fractions adding up to 100 %: 1/6, 1/6 and 2/3 written 16.67 % + 16.67 % + 66.67 % = 100.01 %
    expect(sharesOf(['16.67%', '16.67%', '66.67%'])).toEqual([R.toDecimalString(R.q(1, 6), 6), R.toDecimalString(R.q(1, 6), 6), R.toDecimalString(R.q(2, 3), 6)]);
  });

  it('credit the whole sale between them, to the cent of what each is paid', () => {
    const { dataset } = split(['33.33%', '33.33%', '33.33%'], '300.00');
    const scheme = schemeOf(schemeText('c', '  - {id: c, type: commission, measure: revenue, rate: 10%}'));
    const ledger = buildLedger(scheme, dataset, exactArith);
    const credited = ['ana', 'ben', 'cy'].map((r) => ledger.reps.get(r)!.all.reduce((s, t) => R.add(s, t.revenue), R.ZERO));
    expect(R.toDecimalString(R.sum(credited))).toBe('300');
    const r = payout(scheme, dataset, '2026-03');
    expect(['ana', 'ben', 'cy'].map((rep) => paid(r, rep, '2026-03', 'c'))).toEqual(['10.00', '10.00', '10.00']);
  });

  it('are kept as written when they add up to 100 % as written (33.33 %, 33.33 %, 33.34 %)', () => {
    expect(sharesOf(['33.33%', '33.33%', '33.34%'])).toEqual(['0.3333', '0.3333', '0.3334']);
  });

  it('that do not stand for fractions adding up to 100 % are still a share-sum error, as written', () => {
    expect(shareSums(['50%', '49%'])).toEqual(["credit shares of client 'acme' on lines 2, 3 add up to 99 %, not 100 %"]);
    expect(shareSums(['30%', '30%', '30%'])).toHaveLength(1);
    expect(shareSums(['33.34%', '33.34%', '33.34%'])).toEqual(["credit shares of client 'acme' on lines 2, 3, 4 add up to 100.02 %, not 100 %"]);
    expect(split(['50%', '49%']).problems[0].hint).toContain('equal thirds are 1/3 or 33.33% each');
  });

  it('as a fraction above 1 or over 0 is refused at its cell', () => {
    const over = split(['4/3']).problems;
    expect(over.map((p) => [p.code, p.file, p.line])).toEqual([['bad-value', 'credits.csv', 2]]);
    expect(over[0].hint).toContain('or a fraction, e.g. 0.5, 50% or 1/3');
    expect(split(['1/0']).problems.map((p) => p.code)).toEqual(['not-a-number']);
  });

  it('read through a CRM map, a fraction passes whatever its decimal mark, and 33,33 % is read rounded as any', () => {
    const style: ReadStyle = { delimiter: undefined, decimal: ',', dateFormat: undefined, encoding: 'utf-8', currencyMarks: [], at: {} };
    expect(convertCell('1/3', 'share', style, {})).toEqual({ text: '1/3' });
    expect(convertCell('33,33 %', 'share', style, {})).toEqual({ text: '33.33%' });
  });
});
