import type { Arith } from '../money/arith.js';
import { lastDay, type Day } from '../time/month.js';
import { matchesFilter } from '../payout/filter.js';
import { ageAt, clientMonth } from '../payout/client-age.js';
import { categoryOn } from '../payout/category-on.js';
import { signedDay } from '../data/client-state.js';
import type { LedgerTx } from '../payout/ledger.js';
import type { Period } from '../time/period.js';
import type { Client, Filter } from '../types.js';
import type { AllSum, Measure, MeasureInput } from './measure.js';
import { OverdueMonths } from './overdue-months.js';
import { SalesLedger } from '../payout/sales-ledger.js';

function eventMeasure(name: string, description: string, kind: 'signed' | 'activated' | 'lost'): Measure {
  return {
    name,
    kind: 'count',
    description,
    filters: ['segment'],
    compute(input, filter, period) {
      const { A } = input;
      let acc = A.zero;
      for (let m = period.start; m <= period.end; m++) {
        for (const e of input.rep.events.get(m) ?? []) {
          if (e.kind !== kind) continue;
          if (filter.segments && (e.segment === undefined || !filter.segments.includes(e.segment))) continue;
          acc = A.add(acc, e.share);
        }
      }
      return acc;
    },
  };
}

export const newClients = eventMeasure('new_clients', 'Clients signed in the period, credited by the credit rules (a split signing counts by share).', 'signed');
export const activatedClients = eventMeasure('activated_clients', 'Clients that became active in the period, credited like a sale.', 'activated');
export const lostClients = eventMeasure('lost_clients', "Owned clients lost in the period.", 'lost');

/**
 * owned clients (signed or active, not lost) at the end of the period that
 * pass the filter. An inbound account (status `inbound`: the deals from
 * inbound leads, booked to the rep) is no client of his base, as in the
 * simulation's book: nobody contacts it, so it would keep his coverage below
 * 100 % (a generated history's payout missed a coverage bonus the simulation
 * paid).
 */
export function ownedAtEnd<T>(input: MeasureInput<T>, filter: Filter, period: Period): Client[] {
  const end = lastDay(period.end);
  // (where credits.csv dates a client's owners: his on that day)
  const ownerOn = input.ledger.ownerOn;
  const me = input.rep.rep.id;
  return input.rep.owned.filter((c) => {
    if (c.status === 'inbound') return false;
    if (ownerOn && ownerOn(c, end) !== me) return false;
    const category = categoryOn(c, end);
    if (category === undefined) return false;
    return matchesFilter(filter, {
      category,
      isNew: clientMonth(signedDay(c)) === period.end,
      segment: c.segment,
      ageActivation: ageAt(c, period.end, 'activation'),
      ageSigning: ageAt(c, period.end, 'signing'),
    });
  });
}

function contactedIn<T>(input: MeasureInput<T>, period: Period): Set<string> {
  const out = new Set<string>();
  for (let m = period.start; m <= period.end; m++) for (const c of input.rep.activity.get(m)?.clients ?? []) out.add(c);
  return out;
}

export const clientsOwned: Measure = {
  name: 'clients_owned',
  stock: true,
  kind: 'count',
  description: "Clients the rep owns (signed or active, not lost) at the end of the period: his load.",
  filters: ['category', 'segment', 'age_months'],
  compute(input, filter, period) {
    return input.A.int(ownedAtEnd(input, filter, period).length);
  },
};

export const clientsContacted: Measure = {
  name: 'clients_contacted',
  stock: true,
  kind: 'count',
  description: 'Owned clients (at period end) the rep contacted at least once in the period (activity.csv).',
  filters: ['category', 'segment', 'age_months'],
  compute(input, filter, period) {
    const contacted = contactedIn(input, period);
    return input.A.int(ownedAtEnd(input, filter, period).filter((c) => contacted.has(c.id)).length);
  },
};

export const coverage: Measure = {
  name: 'coverage',
  stock: true,
  kind: 'ratio',
  description: 'Coverage of the base: the share of owned clients contacted in the period (0 when he owns none).',
  filters: ['category', 'segment', 'age_months'],
  compute(input, filter, period) {
    const { A } = input;
    const owned = ownedAtEnd(input, filter, period);
    if (owned.length === 0) return A.zero;
    const contacted = contactedIn(input, period);
    const hit = owned.filter((c) => contacted.has(c.id)).length;
    return A.div(A.int(hit), A.int(owned.length));
  },
};

export const overdue: Measure = {
  name: 'overdue',
  stock: true,
  kind: 'money',
  description: 'Credited receivables past their due date and still unpaid at the end of the period.',
  filters: ['category', 'segment', 'age_months'],
  readsAllOnly: true,
  compute(input, filter, period) {
    const { A } = input;
    if (!input.ledger.hasPayments) return A.zero;
    const months = overdueMonths(input, filter);
    if (months) return months.at(period.end);
    return overdueSum(A, filter, lastDay(period.end), input.rep.all, 0, input.rep.all.length, A.zero).value;
  },
  sumAll(input, filter, period, from, to, acc) {
    if (!input.ledger.hasPayments || input.A.exact) return undefined;
    return overdueSum(input.A, filter, lastDay(period.end), input.rep.all, from, to, acc);
  },
};

/** `acc` plus the receivables among sales [from, to) overdue and unpaid at day `end`, in order (the list is by day: a sale after `end` ends the sum); a credit note (revenue below 0) owes the client, not the firm, and is none */
function overdueSum<T>(A: Arith<T>, filter: Filter, end: Day, all: readonly LedgerTx<T>[], from: number, to: number, acc: T): AllSum<T> {
  // (doubles: summed in a local number; an arithmetic that is not exact over other values, as below)
  if (typeof acc === 'number') return overdueFloat(A as unknown as Arith<number>, filter, end, all as unknown as readonly LedgerTx<number>[], from, to, acc as unknown as number) as unknown as AllSum<T>;
  for (let i = from; i < to; i++) {
    const tx = all[i];
    if (tx.day > end) return { value: acc, stopped: true };
    if (overdueAt(tx, end) && A.sign(tx.revenue) > 0 && matchesFilter(filter, tx)) acc = A.add(acc, tx.revenue);
  }
  return { value: acc, stopped: false };
}

/** a sale is overdue at day `end`: due before it and not paid by it */
function overdueAt<T>(tx: LedgerTx<T>, end: Day): boolean {
  return tx.due !== undefined && tx.due < end && (tx.paid === undefined || tx.paid > end);
}

/**
 * overdueSum in doubles, its sum a number from the start (+acc, the same
 * double): the optimised loop then adds unboxed doubles; a sum that starts
 * as the generic `acc` was boxed anew at every sale
 */
function overdueFloat(A: Arith<number>, filter: Filter, end: Day, all: readonly LedgerTx<number>[], from: number, to: number, acc: number): AllSum<number> {
  let sum = +acc;
  for (let i = from; i < to; i++) {
    const tx = all[i];
    if (tx.day > end) return { value: sum, stopped: true };
    if (overdueAt(tx, end) && tx.revenue > 0 && matchesFilter(filter, tx)) sum = A.add(sum, tx.revenue);
  }
  return { value: sum, stopped: false };
}


/**
 * A rep's overdue figures by month, by his sales and the filter, while his
 * sales stand as they were (a grown list is walked again); by his ledger
 * where it keeps his sales as rows (SalesLedger), which never change.
 */
const overdueCache = new WeakMap<object, Map<Filter, { length: number; months: OverdueMonths<unknown> | undefined }>>();
function overdueMonths<T>(input: MeasureInput<T>, filter: Filter): OverdueMonths<T> | undefined {
  if (!input.A.exact) return undefined;
  const rows = input.rep instanceof SalesLedger ? input.rep.allRows() : undefined;
  const sales = rows ? undefined : input.rep.all;
  const key = sales ?? input.rep;
  const length = sales ? sales.length : rows!.to;
  let byFilter = overdueCache.get(key);
  if (!byFilter) overdueCache.set(key, (byFilter = new Map()));
  let known = byFilter.get(filter);
  if (!known || known.length !== length) {
    const months = sales ? OverdueMonths.of(input.A, sales, filter) : OverdueMonths.ofRows(input.A, rows!, filter);
    byFilter.set(filter, (known = { length, months }));
  }
  return known.months as OverdueMonths<T> | undefined;
}
