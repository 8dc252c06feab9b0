import type { Arith } from '../money/arith.js';
import { problem, type Problem } from '../problems/problem.js';
import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { Client, ClientCategory, CreditRule, Dataset, Q, Rep, Scheme } from '../types.js';
import { creditFor } from './credit.js';
import { statusProblems, statusRule } from './statuses.js';
import { isUndated, signedDay, stateOn, undatedState } from '../data/client-state.js';
import { activityFacts, transactionFacts, type TransactionFacts } from '../data/facts.js';
import { ActivityColumns } from '../data/activity-columns.js';
import { DecimalSum } from '../data/decimal-sum.js';
import { TransactionColumns } from '../data/transaction-columns.js';
import { ColumnLedgerTx } from './column-tx.js';

/** One transaction as credited to one rep: amounts already multiplied by his share. */
export interface LedgerTx<T> {
  id: string;
  client: string;
  day: Day;
  month: Month;
  share: T;
  revenue: T;
  cost: T;
  grossProfit: T;
  due: Day | undefined;
  /** day the money came in; the transaction day when the data has no payments */
  paid: Day | undefined;
  category: ClientCategory | undefined;
  isNew: boolean;
  /** months since activation (1 = first month), 0 before activation, Infinity when unknown */
  ageActivation: number;
  ageSigning: number;
  segment: string | undefined;
}

/**
 * A credited transaction, always built here with its fields in one order, so
 * that every transaction has the same shape and the loops over them stay fast.
 */
export function ledgerTx<T>(
  id: string,
  client: string,
  day: Day,
  month: Month,
  share: T,
  revenue: T,
  cost: T,
  grossProfit: T,
  due: Day | undefined,
  paid: Day | undefined,
  attrs: { category: ClientCategory | undefined; isNew: boolean; ageActivation: number; ageSigning: number; segment: string | undefined },
): LedgerTx<T> {
  return {
    id,
    client,
    day,
    month,
    share,
    revenue,
    cost,
    grossProfit,
    due,
    paid,
    category: attrs.category,
    isNew: attrs.isNew,
    ageActivation: attrs.ageActivation,
    ageSigning: attrs.ageSigning,
    segment: attrs.segment,
  };
}

export interface LedgerEvent<T> {
  client: string;
  month: Month;
  /** the day of the event, where known (a view of a rep in a role keeps the events of its days) */
  day?: Day;
  kind: 'signed' | 'activated' | 'lost';
  share: T;
  segment: string | undefined;
}

export interface MonthActivity<T> {
  clients: Set<string>;
  contacts: number;
  hours: T;
  hoursByActivity: Map<string, T>;
}

export interface RepLedger<T> {
  rep: Rep;
  txByMonth: Map<Month, LedgerTx<T>[]>;
  paidByMonth: Map<Month, LedgerTx<T>[]>;
  /** every credited transaction, by day */
  all: LedgerTx<T>[];
  events: Map<Month, LedgerEvent<T>[]>;
  /** clients whose owner is this rep */
  owned: Client[];
  activity: Map<Month, MonthActivity<T>>;
}

export interface Ledger<T> {
  reps: Map<string, RepLedger<T>>;
  clients: Map<string, Client>;
  /** a client's total (uncredited) revenue and gross profit in a month, for upsell baselines */
  clientTotal(client: string, m: Month): { revenue: T; grossProfit: T } | undefined;
  hasPayments: boolean;
  problems: Problem[];
}

export function clientMonth(day: Day | undefined): Month | undefined {
  return day === undefined ? undefined : monthOfDay(day);
}

export { signedDay };

/** signed or active on the day; undefined for a prospect or a lost client */
export function categoryOn(c: Client, day: Day): ClientCategory | undefined {
  const state = stateOn(c, day);
  return state === 'signed' || state === 'active' ? state : undefined;
}

export function ageAt(c: Client, m: Month, since: 'activation' | 'signing'): number {
  const start = since === 'activation' ? c.activated : signedDay(c);
  if (start === undefined) {
    if (!isUndated(c)) return 0;
    // undated: long since signed (and activated, when its status is active); a prospect is 0, as is a signed client's activation
    const state = undatedState(c);
    return state === 'prospect' || (since === 'activation' && state === 'signed') ? 0 : Infinity;
  }
  const sm = monthOfDay(start);
  return m < sm ? 0 : m - sm + 1;
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/**
 * Credit every transaction and client event to reps by the scheme's credit
 * rules, and index what each rep did by month.
 */
export function buildLedger<T>(scheme: Scheme, data: Dataset<T>, A: Arith<T>): Ledger<T> {
  const problems: Problem[] = [];
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  const reps = new Map<string, RepLedger<T>>();
  for (const rep of data.reps) {
    reps.set(rep.id, { rep, txByMonth: new Map(), paidByMonth: new Map(), all: [], events: new Map(), owned: [], activity: new Map() });
  }
  for (const c of data.clients) if (c.owner !== undefined) reps.get(c.owner)?.owned.push(c);

  const creditsByClient = new Map<string, typeof data.credits[number][]>();
  for (const row of data.credits) push(creditsByClient, row.client, row);

  // a share by its value: creditFor makes a new rational for every sale, so a cache by object grew by one entry a sale
  const shareCache = new Map<string, T>();
  const shareT = (q: Q): T => {
    // in lowest terms, n = d only for 1/1
    if (q.n === q.d) return A.one;
    const key = `${q.n}/${q.d}`;
    let t = shareCache.get(key);
    if (t === undefined) {
      t = A.of(q);
      shareCache.set(key, t);
    }
    return t;
  };

  const counts = statusRule(scheme);
  const txs = transactionFacts(data);
  // with exact arithmetic, a sale credited whole keeps its amounts in the columns (ColumnLedgerTx)
  const columns = A.exact && txs instanceof TransactionColumns ? txs : undefined;
  problems.push(...statusProblems(scheme, txs));
  // rows by day, then id (then as read): an index, not a copy of the rows
  const order = new Uint32Array(txs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const days = new Int32Array(txs.length);
  for (let i = 0; i < days.length; i++) days[i] = txs.day(i);
  order.sort((a, b) => {
    const byDay = days[a] - days[b];
    if (byDay !== 0) return byDay;
    const ia = txs.id(a);
    const ib = txs.id(b);
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
  // each row's client, looked up in the order of the file (mostly the order of clients.csv, so the lookups go along the map, not at random as by day)
  const clientOfRow: (Client | undefined)[] = new Array(txs.length);
  for (let i = 0; i < txs.length; i++) clientOfRow[i] = clients.get(txs.client(i));
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const client = clientOfRow[i];
    if (!client) continue; // reported by the dataset checks
    const status = txs.status(i);
    if (status !== undefined && !counts(status)) continue; // a draft or cancelled deal is no sale (statuses.ts)
    const day = days[i];
    const id = txs.id(i);
    const month = monthOfDay(day);

    const attrs = {
      category: categoryOn(client, day),
      isNew: clientMonth(signedDay(client)) === month,
      segment: client.segment,
      ageActivation: ageAt(client, month, 'activation'),
      ageSigning: ageAt(client, month, 'signing'),
    };
    const shares = creditFor(scheme.credit, client, txs.rep(i), attrs, creditsByClient.get(client.id) ?? []);
    if (shares.length === 0) {
      const source = txs.source(i);
      problems.push(
        problem('unknown-id', `transaction '${id}' has no rep to credit: client '${client.id}' has no owner and the row names no rep`, {
          severity: 'warning',
          ...(source ? { file: source.file, line: source.line, column: 1 } : {}),
          hint: "fill the client's owner column or the transaction's rep column",
        }),
      );
      continue;
    }
    const due = txs.due(i);
    const paid = data.hasPayments ? txs.paid(i) : day;
    if (columns && shares.length === 1 && shares[0].share.n === shares[0].share.d) {
      // the common case: the sale wholly one rep's, its amounts left in the columns (exact arithmetic only: T is Q)
      const ledger = reps.get(shares[0].rep);
      if (!ledger || !employedOn(ledger.rep, day)) continue;
      const { category, isNew, ageActivation, ageSigning, segment } = attrs;
      const entry = new ColumnLedgerTx(columns, i, id, client.id, day, month, due, paid, category, isNew, ageActivation, ageSigning, segment) as unknown as LedgerTx<T>;
      push(ledger.txByMonth, month, entry);
      if (paid !== undefined) push(ledger.paidByMonth, monthOfDay(paid), entry);
      ledger.all.push(entry);
      continue;
    }
    const revenue = txs.revenue(i);
    const grossProfit = txs.grossProfit(i);
    const cost = txs.cost(i);
    for (const { rep, share } of shares) {
      const ledger = reps.get(rep);
      if (!ledger || !employedOn(ledger.rep, day)) continue;
      const s = shareT(share);
      const whole = s === A.one;
      const entry = ledgerTx(
        id,
        client.id,
        day,
        month,
        s,
        whole ? revenue : A.mul(revenue, s),
        whole ? cost : A.mul(cost, s),
        whole ? grossProfit : A.mul(grossProfit, s),
        due,
        paid,
        attrs,
      );
      push(ledger.txByMonth, month, entry);
      if (paid !== undefined) push(ledger.paidByMonth, monthOfDay(paid), entry);
      ledger.all.push(entry);
    }
  }

  // client events: signing and activation credited like a sale in that month; loss to the owner
  for (const client of data.clients) {
    const signed = signedDay(client);
    const credits = creditsByClient.get(client.id) ?? [];
    const event = (kind: 'signed' | 'activated', day: Day | undefined) => {
      if (day === undefined) return;
      const month = monthOfDay(day);
      const attrs = {
        category: categoryOn(client, day),
        isNew: clientMonth(signed) === month,
        segment: client.segment,
        ageActivation: ageAt(client, month, 'activation'),
        ageSigning: ageAt(client, month, 'signing'),
      };
      for (const { rep, share } of creditFor(scheme.credit, client, undefined, attrs, credits)) {
        const ledger = reps.get(rep);
        if (ledger && employedOn(ledger.rep, day)) push(ledger.events, month, { client: client.id, month, day, kind, share: shareT(share), segment: client.segment });
      }
    };
    event('signed', signed);
    event('activated', client.activated);
    if (client.lost !== undefined && client.owner !== undefined) {
      const month = monthOfDay(client.lost);
      const ledger = reps.get(client.owner);
      if (ledger) push(ledger.events, month, { client: client.id, month, day: client.lost, kind: 'lost', share: A.one, segment: client.segment });
    }
  }

  const activity = activityFacts(data);
  // hours kept as decimals are summed exactly in doubles (DecimalSum), made rationals once a rep-month: not a rational added a row
  const hourAmounts = A.exact && activity instanceof ActivityColumns ? activity.hourAmounts : undefined;
  const sums = new Map<MonthActivity<T>, { total: DecimalSum; byActivity: Map<string, DecimalSum> }>();
  for (let i = 0; i < activity.length; i++) {
    const ledger = reps.get(activity.rep(i));
    if (!ledger) continue;
    const month = activity.month(i);
    const client = activity.client(i);
    const contacts = activity.contacts(i);
    let ma = ledger.activity.get(month);
    if (!ma) ledger.activity.set(month, (ma = { clients: new Set(), contacts: 0, hours: A.zero, hoursByActivity: new Map() }));
    const kind = activity.activity(i) ?? activityOf(client ? clients.get(client) : undefined, month);
    if (hourAmounts) {
      const units = hourAmounts.unitsAt(i);
      const decimal = units === units;
      if (client !== undefined && (contacts > 0 || (decimal ? units > 0 : hourAmounts.sign(i) > 0))) ma.clients.add(client);
      ma.contacts += contacts;
      let sum = sums.get(ma);
      if (!sum) sums.set(ma, (sum = { total: new DecimalSum(), byActivity: new Map() }));
      let byActivity = sum.byActivity.get(kind);
      if (!byActivity) sum.byActivity.set(kind, (byActivity = new DecimalSum()));
      if (decimal) {
        const places = hourAmounts.placesAt(i);
        sum.total.add(units, places);
        byActivity.add(units, places);
      } else {
        sum.total.addRational(hourAmounts.get(i));
        byActivity.addRational(hourAmounts.get(i));
      }
      continue;
    }
    const hours = activity.hours(i);
    if (client !== undefined && (contacts > 0 || A.sign(hours) > 0)) ma.clients.add(client);
    ma.contacts += contacts;
    ma.hours = A.add(ma.hours, hours);
    ma.hoursByActivity.set(kind, A.add(ma.hoursByActivity.get(kind) ?? A.zero, hours));
  }
  // (only with exact arithmetic, where T is Q)
  for (const [ma, sum] of sums) {
    ma.hours = sum.total.value() as unknown as T;
    for (const [kind, hours] of sum.byActivity) ma.hoursByActivity.set(kind, hours.value() as unknown as T);
  }

  // a client's monthly totals are summed when a component first asks for one (an upsell's baseline): most schemes never do
  let clientTotals: Map<string, Map<Month, { revenue: T; grossProfit: T }>> | undefined;
  const clientTotal = (client: string, m: Month) => (clientTotals ??= totalsByClient(txs, order, clients, counts, A)).get(client)?.get(m);
  return { reps, clients, clientTotal, hasPayments: data.hasPayments, problems };
}

/** each client's total revenue and gross profit by month, over the sales that count, summed in the ledger's order (by day, then id) */
function totalsByClient<T>(
  txs: TransactionFacts<T>,
  order: Uint32Array,
  clients: ReadonlyMap<string, Client>,
  counts: (status: string | undefined) => boolean,
  A: Arith<T>,
): Map<string, Map<Month, { revenue: T; grossProfit: T }>> {
  const clientTotals = new Map<string, Map<Month, { revenue: T; grossProfit: T }>>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const client = txs.client(i);
    if (!clients.has(client)) continue;
    const status = txs.status(i);
    if (status !== undefined && !counts(status)) continue;
    const month = monthOfDay(txs.day(i));
    const revenue = txs.revenue(i);
    const grossProfit = txs.grossProfit(i);
    let totals = clientTotals.get(client);
    if (!totals) clientTotals.set(client, (totals = new Map()));
    const t = totals.get(month);
    totals.set(month, t ? { revenue: A.add(t.revenue, revenue), grossProfit: A.add(t.grossProfit, grossProfit) } : { revenue, grossProfit });
  }
  return clientTotals;
}

/** a sale made before a rep joined or after he left is not his */
export function employedOn(rep: Rep, day: Day): boolean {
  return (rep.start === undefined || day >= rep.start) && (rep.end === undefined || day <= rep.end);
}

/** the activity an hour on a client counts as, by the client's state that month */
export function activityOf(client: Client | undefined, m: Month): string {
  if (!client) return 'prospect';
  const signed = signedDay(client);
  if (signed === undefined) {
    // an undated client's hours count as its status says (a lost one's as prospecting: it is no client in the data)
    const state = undatedState(client);
    return state === 'lost' ? 'prospect' : state;
  }
  if (m < monthOfDay(signed)) return 'prospect';
  if (client.activated !== undefined && m >= monthOfDay(client.activated)) return 'active';
  return 'signed';
}

export type { CreditRule };
