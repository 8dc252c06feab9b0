import { ledgerTx, type Ledger, type LedgerEvent, type LedgerTx, type MonthActivity, type RepLedger } from '../payout/ledger.js';
import type { Problem } from '../problems/problem.js';
import { firstDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { InvoiceDates, Receivables } from './receivables.js';
import type { Client, ClientCategory, Rep, Scheme } from '../types.js';
import { indexOfId } from './client-ids.js';
import { NO_MONTH, WINDOW, type LedgerBuffers } from './ledger-buffers.js';
import { setTx } from './reused-tx.js';
import { toMinorUnits } from '../money/minor-units.js';
import { SimCredit, type Credited } from './sim-credit.js';
import { forgetSettled, reuseOnTime } from './settled-invoices.js';

/**
 * The simulation's facts in the form the payout engine reads: credited
 * transactions and client events per rep and month, as the payout of real
 * data has them. Months older than a year and a bit are dropped as the run
 * goes on; client totals (upsell baselines) live in a ring of typed arrays.
 * A rep's `all` holds only the receivables that may be overdue (an invoice
 * paid by its due date never is): the overdue measure alone reads it.
 */
export class SimLedger implements Ledger<number> {
  readonly reps = new Map<string, RepLedger<number>>();
  readonly clients = new Map<string, Client>();
  readonly hasPayments = true;
  readonly problems: Problem[] = [];
  private readonly revenueRing: Float64Array;
  private readonly profitRing: Float64Array;
  private readonly monthRing: Int32Array;
  /** client slots in a ring's month: the rings are month by month, so one month's sales write next to each other */
  private readonly ringWidth: number;
  /** who is credited with each client's sales (pair work, a handover's forgotten lists) */
  readonly credits: SimCredit;
  /** this month's transaction list of each rep, by rep index */
  private current: LedgerTx<number>[][] = [];
  private readonly ledgers: RepLedger<number>[] = [];
  private readonly repIndex = new Map<string, number>();
  private month = NO_MONTH;
  /** transactions of months that left the window, reused (no garbage per client and month) */
  private readonly free: LedgerTx<number>[];
  /**
   * With receivables, the invoices paid by their due date, by the month they
   * are paid in, until it is gone: a month's are reused together, with no
   * look at each of them every month (a scan of all of them read about
   * 23,000 transactions a run in case 4, most far apart in memory).
   */
  private readonly onTime = new Map<Month, LedgerTx<number>[]>();
  /**
   * The run's invoices owed past due (respond.ts sets it): an invoice paid
   * late is let go from them before its transaction is reused. Unset, an
   * invoice paid late is never reused.
   */
  owedIn: Receivables | undefined = undefined;
  /** the currency's decimals (2 for EUR): a sale is booked to its minor unit, as a CRM holds it */
  private readonly digits: number;

  constructor(
    scheme: Scheme,
    readonly repList: readonly Rep[],
    buffers: LedgerBuffers,
    readonly ids: string[],
    readonly trackActivity: boolean,
    /** months of transactions the engine can read back (the longest payout period or a plan's look-back, and this month) */
    private readonly keepMonths = WINDOW,
    /** clients pay invoices after the sale (a scenario's `payment`): payments are indexed by their own month, and receivables kept while unpaid */
    readonly receivables = false,
    /** with receivables, whether an invoice paid on time is reused once its months are gone (nothing outside the ledger holds it) */
    private readonly reuseInvoices = true,
  ) {
    this.digits = scheme.minorDigits;
    repList.forEach((rep, i) => {
      const led: RepLedger<number> = { rep, txByMonth: new Map(), paidByMonth: new Map(), all: [], events: new Map(), owned: [], activity: new Map() };
      this.reps.set(rep.id, led);
      this.ledgers.push(led);
      this.repIndex.set(rep.id, i);
    });
    this.revenueRing = buffers.revenue;
    this.profitRing = buffers.profit;
    this.monthRing = buffers.month;
    this.ringWidth = buffers.month.length / WINDOW;
    this.monthRing.fill(NO_MONTH);
    this.credits = new SimCredit(scheme, buffers, this.repIndex, (slot) => this.ledgers[slot].rep.id);
    this.free = buffers.free;
  }

  /** credit rules change with the scheme */
  useScheme(scheme: Scheme): void {
    this.credits.useScheme(scheme);
  }

  /** the run is over: its transactions go back to the pool for the next run */
  release(): void {
    for (const led of this.reps.values()) for (const list of led.txByMonth.values()) for (const tx of list) this.free.push(tx);
    this.credits.release();
  }

  clientTotal(client: string, m: Month): { revenue: number; grossProfit: number } | undefined {
    const i = indexOfId(client);
    if (i < 0) return undefined;
    const slot = this.ringSlot(i, m);
    if (this.monthRing[slot] !== m) return undefined;
    return { revenue: this.revenueRing[slot], grossProfit: this.profitRing[slot] };
  }

  /** where client slot i's total of month m is kept in the rings */
  private ringSlot(i: number, m: Month): number {
    return (((m % WINDOW) + WINDOW) % WINDOW) * this.ringWidth + i;
  }

  /** start month m: forget what is too old to matter */
  beginMonth(m: Month): void {
    const old = m - this.keepMonths;
    this.month = m;
    this.current = this.ledgers.map((led) => {
      const list: LedgerTx<number>[] = [];
      led.txByMonth.set(m, list);
      return list;
    });
    // (an invoice paid by its due date is held by no one once its months are gone: reused)
    if (this.receivables) reuseOnTime(this.onTime, old, this.free);
    for (const led of this.reps.values()) {
      const gone = led.txByMonth.get(old);
      // (an invoice may be paid, or still owed, long after its month: its transaction is not reused)
      if (gone && !this.receivables) for (const tx of gone) this.free.push(tx);
      // (every month: the overdue measure reads the whole list at every month end a probe pays)
      if (this.receivables) forgetSettled(led.all, firstDay(old), this.reuseInvoices ? this.free : undefined, this.owedIn);
      led.txByMonth.delete(old);
      led.paidByMonth.delete(old);
      led.events.delete(old);
      led.activity.delete(old);
    }
  }

  /**
   * An amount as a sale books it: to the currency's minor unit, as a CRM's rows (and generate's) hold it, so
   * payout on a generated history pays what the run paid. Every sale's revenue and profit are booked through it.
   */
  money(x: number): number {
    return toMinorUnits(x, this.digits) / 10 ** this.digits;
  }

  /**
   * A client's purchases of month m, credited by the scheme's credit rules.
   * `client` is the engine's view of it; `index` its slot in the world.
   */
  sale(index: number, client: Client, m: Month, day: number, revenue: number, profit: number, attrs: TxAttrs, bill?: InvoiceDates, seller?: number): void {
    // (no bill: paid on the day; a bill's paid day undefined: never paid)
    const due = bill ? bill.due : day;
    const paid = bill ? bill.paid : day;
    if (index >= 0) {
      const slot = this.ringSlot(index, m);
      if (this.monthRing[slot] !== m) {
        this.monthRing[slot] = m;
        this.revenueRing[slot] = 0;
        this.profitRing[slot] = 0;
      }
      this.revenueRing[slot] += revenue;
      this.profitRing[slot] += profit;
    }
    // (popped, not cut by setting the length: a runtime call at every sale)
    while (this.lastSale.length > 0) this.lastSale.pop();
    while (this.lastSaleLedger.length > 0) this.lastSaleLedger.pop();
    if (seller === undefined && index >= 0) {
      // (one rep credited, as most clients have: no list to read)
      const sole = this.credits.soleCredit(index, client, attrs);
      if (sole > 0) {
        if (sole > 1) this.credit1(sole - 2, client, m, day, revenue, profit, this.credits.soleShare, attrs, due, paid);
        return;
      }
    }
    const credited = seller === undefined ? this.credits.credit(index, client, attrs) : this.credits.creditAsSeller(index, client, attrs, seller);
    for (let k = 0; k < credited.length; k++) {
      const { rep: r, share } = credited[k];
      if (r >= 0) this.credit1(r, client, m, day, revenue, profit, share, attrs, due, paid);
    }
  }

  /** a sale's transaction credited to the rep at slot r, at his share */
  private credit1(r: number, client: Client, m: Month, day: Day, revenue: number, profit: number, share: number, attrs: TxAttrs, due: Day, paid: Day | undefined): void {
    const reused = this.free.pop();
    const rev = revenue * share;
    const cost = (revenue - profit) * share;
    const gp = profit * share;
    const owed = this.receivables ? due : undefined;
    const settled = this.receivables ? paid : day;
    const tx = reused ? setTx(reused, client.id, client.id, day, m, share, rev, cost, gp, owed, settled, attrs) : ledgerTx(client.id, client.id, day, m, share, rev, cost, gp, owed, settled, attrs);
    if (m === this.month) this.current[r].push(tx);
    else push(this.ledgers[r].txByMonth, m, tx);
    if (this.receivables) {
      const led = this.ledgers[r];
      // (an invoice paid by its due date is overdue at no period end: only the overdue measure reads `all`)
      const paidMonth = paid === undefined ? NO_MONTH : monthOfDay(paid);
      if (paid === undefined || paid > due) led.all.push(tx);
      else if (this.reuseInvoices) push(this.onTime, paidMonth, tx);
      if (paid !== undefined) push(led.paidByMonth, paidMonth, tx);
      this.lastSale.push(tx);
      this.lastSaleLedger.push(led);
    }
  }

  /** with receivables, the transactions the last sale made (one per rep credited) and their reps' ledgers: what is owed on it */
  readonly lastSale: LedgerTx<number>[] = [];
  readonly lastSaleLedger: RepLedger<number>[] = [];

  /** an invoice paid on `day` after all (a client chased pays): its payment moves to that day's month */
  settle(led: RepLedger<number>, tx: LedgerTx<number>, day: Day): void {
    if (tx.paid !== undefined) {
      const list = led.paidByMonth.get(monthOfDay(tx.paid));
      const at = list ? list.indexOf(tx) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    tx.paid = day;
    push(led.paidByMonth, monthOfDay(day), tx);
  }

  /**
   * The months before `m` are no history the engine reads (owed-before.ts
   * wrote only the invoices still owed then): their lists and the clients'
   * totals of them are let go. Their invoices stay where they are owed
   * (`all`) and paid (`paidByMonth`, and those paid on time to be reused).
   */
  forgetBefore(m: Month): void {
    for (const led of this.ledgers) {
      for (const k of [...led.txByMonth.keys()]) if (k < m) led.txByMonth.delete(k);
      for (const k of [...led.events.keys()]) if (k < m) led.events.delete(k);
    }
    for (let j = 0; j < this.monthRing.length; j++) if (this.monthRing[j] !== NO_MONTH && this.monthRing[j] < m) this.monthRing[j] = NO_MONTH;
  }

  /** paid on the day: the same list serves the engine's payments index (with receivables, payments were indexed as they were drawn) */
  closeMonth(m: Month): void {
    if (this.receivables) return;
    for (const led of this.reps.values()) {
      const list = led.txByMonth.get(m);
      if (list) led.paidByMonth.set(m, list);
    }
  }

  /** `seller`: the rep who closed it when he is not its owner (a poached firm) */
  event(index: number, client: Client, m: Month, kind: 'signed' | 'activated' | 'lost', attrs: TxAttrs, seller?: number): void {
    if (kind === 'lost') {
      const owner = client.owner === undefined ? undefined : this.reps.get(client.owner);
      if (owner) push(owner.events, m, { client: client.id, month: m, kind, share: 1, segment: client.segment });
      return;
    }
    for (const { rep, share } of seller === undefined ? this.credits.credit(index, client, attrs) : this.credits.creditAsSeller(index, client, attrs, seller)) {
      if (rep >= 0) push<LedgerEvent<number>>(this.ledgers[rep].events, m, { client: client.id, month: m, kind, share, segment: client.segment });
    }
  }

  /** hours and contacts of a rep on a client (activity measures: coverage, contacts, hours) */
  activity(rep: string, m: Month, client: string | undefined, activity: string, hours: number): void {
    const led = this.reps.get(rep);
    if (!led) return;
    let a = led.activity.get(m);
    if (!a) led.activity.set(m, (a = { clients: new Set(), contacts: 0, hours: 0, hoursByActivity: new Map() } satisfies MonthActivity<number>));
    if (client !== undefined && hours > 0) {
      a.clients.add(client);
      a.contacts++;
    }
    a.hours += hours;
    a.hoursByActivity.set(activity, (a.hoursByActivity.get(activity) ?? 0) + hours);
  }

  /** who is credited with a sale of this client, with these attributes (rep indexes, -1 for a rep not in the simulation) */
  credit(index: number, client: Client, attrs: TxAttrs): Credited[] {
    return this.credits.credit(index, client, attrs);
  }

  /** the share of a sale of this client the rep at `seller` would be credited with if he brought the order */
  sellerShare(index: number, client: Client, attrs: TxAttrs, seller: number): number {
    return this.credits.sellerShare(index, client, attrs, seller);
  }

  /** the slot a rep's id is credited to (a rep who left: his slot, now his successor's); undefined for an id never seen */
  slotOf(id: string): number | undefined {
    return this.repIndex.get(id);
  }

  /** a new rep in a slot (a replacement): a ledger of his own, from now on */
  setRep(slot: number, rep: Rep): void {
    const led: RepLedger<number> = { rep, txByMonth: new Map(), paidByMonth: new Map(), all: [], events: new Map(), owned: [], activity: new Map() };
    this.ledgers[slot] = led;
    this.reps.set(rep.id, led);
    this.repIndex.set(rep.id, slot);
  }
}

export interface TxAttrs {
  category: ClientCategory | undefined;
  isNew: boolean;
  segment: string | undefined;
  ageActivation: number;
  ageSigning: number;
}

function push<V>(map: Map<Month, V[]>, m: Month, v: V): void {
  const list = map.get(m);
  if (list) list.push(v);
  else map.set(m, [v]);
}
