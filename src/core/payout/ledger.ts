import type { Arith } from '../money/arith.js';
import { problem, type Problem } from '../problems/problem.js';
import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { Client, ClientCategory, CreditRow, CreditRule, Dataset, Q, Rep, Scheme } from '../types.js';
import { statusProblems, statusRule } from './statuses.js';
import { signedDay } from '../data/client-state.js';
import { clientIndex, transactionFacts, type TransactionFacts } from '../data/facts.js';
import type { ClientLookup } from '../data/client-index.js';
import { TransactionColumns } from '../data/transaction-columns.js';
import { ClientClock } from './client-clock.js';
import { attrsOf, SaleCredits } from './sale-credits.js';
import { saleOrder } from '../data/sale-order.js';
import { addActivity } from './ledger-activity.js';
import { clientPlaces } from './client-places.js';
import { pushAt as push } from './month-lists.js';
import { SaleColumns } from './sale-rows.js';
import { SalesLedger } from './sales-ledger.js';
import { OutsideEmployment } from './outside-employment.js';
import { countsLosses } from './checks.js';
import { holdsOn, isDated, ownerAmong } from '../data/credit-days.js';

const NO_ROWS: readonly CreditRow[] = [];

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
  clients: ClientLookup;
  /** a client's total (uncredited) revenue and gross profit in a month, for upsell baselines */
  clientTotal(client: string, m: Month): { revenue: T; grossProfit: T } | undefined;
  hasPayments: boolean;
  problems: Problem[];
  /** the sales whose credit fell outside a rep's employment (dropped): warned about for the months paid */
  outsideEmployment?: OutsideEmployment;
  /**
   * A client's owner on a day, where credits.csv dates its owners (a dated
   * owner row wins over clients.csv's column on its days): the owned
   * clients a rep's `owned` lists are his on that day only. Absent: `owned`
   * is the truth on every day (the simulation keeps it so).
   */
  ownerOn?(client: Client, day: Day): string | undefined;
}

export { signedDay };
// (in a file of their own, which the measures import without the ledger: the ledger reads the scheme's measures)
export { ageAt, clientMonth } from './client-age.js';
export { categoryOn } from './category-on.js';
export { activityOf } from './activity-of.js';


/**
 * Credit every transaction and client event to reps by the scheme's credit
 * rules, and index what each rep did by month.
 */
export function buildLedger<T>(scheme: Scheme, data: Dataset<T>, A: Arith<T>): Ledger<T> {
  const problems: Problem[] = [];
  // one index of the clients by id, read by the sales' clients, by activity and by the measures (the loader's, when it fits)
  const clients = clientIndex(data);
  const counts = statusRule(scheme);
  const txs = transactionFacts(data);
  // with exact arithmetic, a sale credited whole is kept as its row of the columns (SalesLedger)
  const columns = A.exact && txs instanceof TransactionColumns ? txs : undefined;
  const days = new Int32Array(txs.length);
  for (let i = 0; i < days.length; i++) days[i] = txs.day(i);
  // each client's months worked out once
  const clocks = data.clients.map((c) => new ClientClock(c));
  const clientOfRow = clientPlaces(txs, clients);
  const sales = columns ? new SaleColumns(columns, days, clientOfRow, clocks, data.hasPayments) : undefined;
  const reps = new Map<string, SalesLedger<T>>();
  for (const rep of data.reps) reps.set(rep.id, new SalesLedger<T>(rep, sales, data.clients));
  for (const c of data.clients) if (c.owner !== undefined) reps.get(c.owner)?.owned.push(c);

  const creditsByClient = new Map<string, typeof data.credits[number][]>();
  for (const row of data.credits) push(creditsByClient, row.client, row);
  // a client whose owners credits.csv dates is among the owned clients of each of them (ownerOn says on which days)
  const datedOwners = new Map<string, CreditRow[]>();
  for (const row of data.credits) if (row.role === 'owner' && isDated(row)) push(datedOwners, row.client, row);
  for (const [id, rows] of datedOwners) {
    const c = clients.get(id);
    if (!c) continue;
    for (const rep of new Set(rows.map((r) => r.rep))) if (rep !== c.owner) reps.get(rep)?.owned.push(c);
  }
  const ownerOn = (c: Client, day: Day) => (datedOwners.has(c.id) ? ownerAmong(c, datedOwners.get(c.id)!.filter((r) => holdsOn(r, day))) : c.owner);

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

  problems.push(...statusProblems(scheme, txs));
  // (worked out by the worker that read the transactions, when it read them all)
  const order = (txs instanceof TransactionColumns ? txs.knownSaleOrder() : undefined) ?? saleOrder(txs, days);
  const rowsOf = (c: Client) => creditsByClient.get(c.id) ?? NO_ROWS;
  const credits = new SaleCredits(scheme.credit, reps, rowsOf, shareT, data.clients.length);
  const outside = new OutsideEmployment();
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const at = clientOfRow[i];
    if (at < 0) continue; // reported by the dataset checks
    const status = txs.status(i);
    if (status !== undefined && !counts(status)) continue; // a draft or cancelled deal is no sale (statuses.ts)
    const day = days[i];
    const month = monthOfDay(day);
    const clock = clocks[at];
    const client = clock.client;
    const shares = credits.of(at, clock, txs.rep(i), day, month);
    if (shares.length === 0) {
      const id = txs.id(i);
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
    if (sales && shares.length === 1 && shares[0].share === A.one) {
      // the common case: the sale wholly one rep's, kept as its row of the columns (exact arithmetic only: T is Q)
      const ledger = shares[0].ledger;
      if (!ledger) continue;
      if (!employedOn(ledger.rep, day)) {
        outside.note(ledger.rep, day, txs.id(i), txs.source(i));
        continue;
      }
      ledger.addRow(i);
      continue;
    }
    const due = txs.due(i);
    const paid = data.hasPayments ? txs.paid(i) : day;
    const revenue = txs.revenue(i);
    const grossProfit = txs.grossProfit(i);
    const cost = txs.cost(i);
    const id = txs.id(i);
    const attrs = attrsOf(clock, day, month);
    for (const { ledger, share: s } of shares) {
      if (!ledger) continue;
      if (!employedOn(ledger.rep, day)) {
        outside.note(ledger.rep, day, id, txs.source(i));
        continue;
      }
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
      ledger.addTx(entry);
    }
  }

  // client events: signing and activation credited like a sale in that month; loss to the owner (each to a rep employed that day)
  const eventCredits = new SaleCredits(scheme.credit, reps, rowsOf, shareT, data.clients.length);
  const event = (at: number, kind: 'signed' | 'activated', day: Day | undefined) => {
    if (day === undefined) return;
    const shares = eventCredits.of(at, clocks[at], undefined, day, monthOfDay(day));
    for (const { ledger, share } of shares) {
      if (ledger && employedOn(ledger.rep, day)) ledger.addEvent(at, kind, day, share);
    }
  };
  // (whether the scheme counts losses: asked only of a loss outside its owner's employment)
  let losses: boolean | undefined;
  for (let at = 0; at < data.clients.length; at++) {
    const client = data.clients[at];
    event(at, 'signed', signedDay(client));
    event(at, 'activated', client.activated);
    if (client.lost !== undefined) {
      // (its owner on the day it was lost: a dated owner row then, else the column)
      // a loss counts against a rep employed that day only, as a signing is his only then: a loss before an owner
      // joined or after he left is no one's (no fine counts it, no clawback follows: engine.ts), warned of as a sale
      // then is, where the scheme counts losses at all
      const owner = ownerAmong(client, rowsOf(client).filter((r) => holdsOn(r, client.lost!)));
      const ledger = owner === undefined ? undefined : reps.get(owner);
      if (!ledger) continue;
      if (employedOn(ledger.rep, client.lost)) ledger.addEvent(at, 'lost', client.lost, A.one);
      else if ((losses ??= countsLosses(scheme))) outside.noteLoss(ledger.rep, client.lost, client.id, client.source);
    }
  }

  addActivity(data, reps, clients, A);

  // a client's monthly totals are summed when a component first asks for one (an upsell's baseline): most schemes never do
  let clientTotals: Map<string, Map<Month, { revenue: T; grossProfit: T }>> | undefined;
  const clientTotal = (client: string, m: Month) => (clientTotals ??= totalsByClient(txs, order, clients, counts, A)).get(client)?.get(m);
  return { reps, clients, clientTotal, hasPayments: data.hasPayments, problems, outsideEmployment: outside, ownerOn: datedOwners.size > 0 ? ownerOn : undefined };
}

/** each client's total revenue and gross profit by month, over the sales that count, summed in the ledger's order (by day, then id) */
function totalsByClient<T>(
  txs: TransactionFacts<T>,
  order: ArrayLike<number>,
  clients: ClientLookup,
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

export type { CreditRule };
