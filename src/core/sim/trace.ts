import type { Day } from '../time/month.js';
import { LOST } from './world.js';

/** when an invoice is due and paid (undefined: never); the ledger's transaction of the sale serves */
export interface Invoice {
  due: Day | undefined;
  paid: Day | undefined;
}

/**
 * What each client got and did in one month, kept only for a traced run
 * (`SimSpec.trace`): the hot loop writes here behind one test, so a run
 * nobody traces pays nothing. An observer reads it at the month end, before
 * the next month clears it. Client slots index the world; reps are slots.
 */
export class MonthTrace {
  /** the client's state when the month's hours were given (PROSPECT, SIGNED, ACTIVE); LOST: not in play */
  readonly state: Uint8Array;
  /** hours its owner gave it, and the owner's slot (-1 nobody) */
  readonly ownerHours: Float64Array;
  readonly ownerSlot: Int32Array;
  /** hours the second rep of a pair gave it, and his slot (-1 none) */
  readonly partnerHours: Float64Array;
  readonly partnerSlot: Int32Array;
  /** what it bought this month, and the slot of the rep who brought the order (its owner then, or a colleague who poached it; -1 nobody) */
  readonly revenue: Float64Array;
  readonly grossProfit: Float64Array;
  readonly seller: Int32Array;
  /** hours its owner gave to chasing its overdue invoices */
  readonly collectHours: Float64Array;
  /** the invoice of its purchase, where clients pay late: its due day and the day it is paid (a live view: a client chased later pays sooner) */
  readonly invoice: (Invoice | undefined)[];
  /** inbound leads each rep slot processed this month */
  readonly leadsProcessed: Int32Array;
  /** hours reps gave firms they do not own (an open base, poaching), in the order given */
  readonly rivals: { client: number; slot: number; hours: number }[] = [];
  /** the inbound deals won this month, in the order they were won */
  readonly deals: { slot: number; revenue: number; grossProfit: number; invoice: Invoice | undefined }[] = [];
  /** client slots in use this month */
  count = 0;

  constructor(capacity: number, reps: number) {
    this.state = new Uint8Array(capacity);
    this.ownerHours = new Float64Array(capacity);
    this.ownerSlot = new Int32Array(capacity);
    this.partnerHours = new Float64Array(capacity);
    this.partnerSlot = new Int32Array(capacity);
    this.revenue = new Float64Array(capacity);
    this.grossProfit = new Float64Array(capacity);
    this.seller = new Int32Array(capacity);
    this.leadsProcessed = new Int32Array(reps);
    this.collectHours = new Float64Array(capacity);
    this.invoice = new Array(capacity).fill(undefined);
  }

  /** a new month of `count` client slots: nothing recorded yet */
  begin(count: number): void {
    this.count = count;
    this.state.fill(LOST, 0, count);
    this.ownerHours.fill(0, 0, count);
    this.partnerHours.fill(0, 0, count);
    this.revenue.fill(0, 0, count);
    this.grossProfit.fill(0, 0, count);
    this.seller.fill(-1, 0, count);
    this.collectHours.fill(0, 0, count);
    this.invoice.fill(undefined, 0, count);
    this.leadsProcessed.fill(0);
    this.deals.length = 0;
    this.rivals.length = 0;
  }

  /** client i was in play in state `state`: its owner (slot) gave it `hours`, its partner `partnerHours` */
  client(i: number, state: number, owner: number, hours: number, partner: number, partnerHours: number): void {
    this.state[i] = state;
    this.ownerSlot[i] = owner;
    this.ownerHours[i] = hours;
    this.partnerSlot[i] = partner;
    this.partnerHours[i] = partnerHours;
  }

  /** rep slot r gave client i, which he does not own, `hours` */
  rival(i: number, r: number, hours: number): void {
    this.rivals.push({ client: i, slot: r, hours });
  }

  sale(i: number, seller: number, revenue: number, grossProfit: number, invoice?: Invoice): void {
    this.revenue[i] = revenue;
    this.grossProfit[i] = grossProfit;
    this.seller[i] = seller;
    this.invoice[i] = invoice;
  }

  /** client i's owner chased its overdue invoices for `hours` */
  collect(i: number, hours: number): void {
    this.collectHours[i] = hours;
  }

  /** rep slot r processed a lead; won, with this revenue (0 when it was not won) */
  lead(r: number, revenue: number, grossProfit: number, won: boolean, invoice?: Invoice): void {
    this.leadsProcessed[r]++;
    if (won) this.deals.push({ slot: r, revenue, grossProfit, invoice });
  }
}
