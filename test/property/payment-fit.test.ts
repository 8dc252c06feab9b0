import * as fc from 'fast-check';
import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { MIN_EVENTS } from '../../src/core/calibrate/estimate.js';
import { fitPayment, NEVER_AFTER_DAYS, type PaymentEstimate, type PaymentFit } from '../../src/core/calibrate/payment-fit.js';
import { transactionFacts } from '../../src/core/data/facts.js';
import { lastDay } from '../../src/core/time/month.js';
import type { Dataset, Q } from '../../src/core/types.js';
import { datasetOf, type Row } from '../helpers/dataset.js';

/** the payment fit as it read invoices before (an object per invoice, filtered copies): the columns must give the same */
function plainFit(data: Dataset<Q>): PaymentFit | undefined {
  if (!data.hasPayments || data.lastMonth === undefined) return undefined;
  const end = lastDay(data.lastMonth);
  const segmentOf = new Map(data.clients.map((c) => [c.id, c.segment]));
  type Invoice = { day: number; due: number; paid: number | undefined };
  const groups = new Map<string | undefined, Invoice[]>();
  const all: Invoice[] = [];
  const txs = transactionFacts(data);
  for (let i = 0; i < txs.length; i++) {
    const due = txs.due(i), paid = txs.paid(i);
    if (due === undefined || due > end) continue;
    const inv = { day: txs.day(i), due, paid: paid !== undefined && paid <= end ? paid : undefined };
    all.push(inv);
    const g = segmentOf.get(txs.client(i));
    groups.set(g, [...(groups.get(g) ?? []), inv]);
  }
  if (all.length === 0) return undefined;
  const estimate = (list: Invoice[]): PaymentEstimate => {
    const settled = list.filter((x) => x.due + NEVER_AFTER_DAYS <= end);
    const lateDays = list.filter((x) => x.paid !== undefined && x.paid > x.due).map((x) => Math.log(x.paid! - x.due));
    return {
      termsDays: Math.round(median(list.map((x) => x.due - x.day))),
      onTime: settled.length > 0 ? settled.filter((x) => x.paid !== undefined && x.paid <= x.due).length / settled.length : 1,
      never: settled.length > 0 ? settled.filter((x) => x.paid === undefined).length / settled.length : 0,
      daysLate: lateDays.length >= MIN_EVENTS ? { median: Math.exp(mean(lateDays)), sigma: sampleStandardDeviation(lateDays) } : undefined,
      settled: settled.length,
      late: lateDays.length,
    };
  };
  const fit: PaymentFit = { all: estimate(all), segments: new Map() };
  for (const [name, list] of groups) {
    if (name === undefined) continue;
    const e = estimate(list);
    if (e.late + Math.round(e.never * e.settled) >= MIN_EVENTS) fit.segments.set(name, e);
  }
  return fit;
}

const iso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const invoice = fc.record({
  client: fc.integer({ min: 0, max: 7 }),
  day: fc.integer({ min: 0, max: 500 }),
  terms: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined, freq: 8 }),
  late: fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined, freq: 6 }),
});

describe('the payment fit read through columns', () => {
  it('gives the fit of an object per invoice, on random invoices, segments and unpaid ones', () => {
    fc.assert(
      fc.property(fc.array(invoice, { minLength: 1, maxLength: 160 }), fc.array(fc.constantFrom('smb', 'mid', 'big', undefined), { minLength: 8, maxLength: 8 }), (rows, segments) => {
        const transactions: Row[] = rows.map((r, i) => ({
          id: `t${i}`,
          date: iso(r.day),
          client_id: `c${r.client}`,
          revenue: 100,
          cost: 40,
          due_date: r.terms === undefined ? undefined : iso(r.day + r.terms),
          paid_date: r.terms === undefined || r.late === undefined ? undefined : iso(r.day + r.terms + r.late),
        }));
        const clients: Row[] = segments.map((segment, c) => ({ id: `c${c}`, owner: 'ann', status: 'active', segment }));
        const data = datasetOf({ reps: [{ id: 'ann' }], clients, transactions });
        expect(fitPayment(data)).toEqual(plainFit(data));
      }),
      { numRuns: 300 },
    );
  });
});
