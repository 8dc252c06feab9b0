import type { EntityName } from '../random/counter.js';
import { draw, nameOf, poisson } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { Names } from '../random/names.js';
import { STREAM } from '../random/streams.js';
import { sample } from '../scenario/distributions.js';
import { P, REP_METRICS } from './metrics.js';
import { ramp } from './people.js';
import { invoiceDates } from './receivables.js';
import type { MonthTally } from './respond.js';
import type { Client, Rep } from '../types.js';
import type { RunState } from './state.js';
import { INBOUND_DEAL } from './inbound-deal.js';
import { A_LEADS, NA } from './world.js';

/**
 * A month's inbound leads in typed arrays, reused month after month: how
 * many arrived, each one's value, margin and name, the rep it went to (-1:
 * the pool, anyone's) and whether it was processed. The reps' decisions
 * read and mark them; at the month's end the processed ones are won or not.
 */
export class LeadBoard {
  nLeads = 0;
  readonly leadValue: Float64Array;
  readonly leadMargin: Float64Array;
  readonly leadOwner: Int32Array;
  readonly leadTaken: Uint8Array;
  readonly leadNames: Names;
  /** leads dealt out so far (round robin carries on across months) */
  private dealt = 0;
  private readonly market: EntityName;

  constructor(
    readonly cap: number,
    private readonly key: number,
  ) {
    this.leadValue = new Float64Array(cap);
    this.leadMargin = new Float64Array(cap);
    this.leadOwner = new Int32Array(cap);
    this.leadTaken = new Uint8Array(cap);
    this.leadNames = new Names(cap);
    this.market = nameOf(key, ENTITY.market);
  }

  /** the month's leads arrive and are shared out by the scheme's rule among the reps who process leads; how many arrived */
  arrive(s: RunState): number {
    const { sc, t } = s;
    this.nLeads = 0;
    const takers: number[] = [];
    for (let r = 0; r < s.reps.length; r++) if (s.employed[r] && s.allowed[r] & (1 << A_LEADS)) takers.push(r);
    if (!sc.leads) return 0;
    const n = Math.min(this.cap, poisson(sc.leads.perMonth, draw(this.market, STREAM.leadCount, t)));
    const mode = s.org.leads.distribution;
    for (let j = 0; j < n; j++) {
      this.leadNames.set(j, nameOf(this.key, ENTITY.lead, t, j));
      this.leadValue[j] = Math.max(0, sample(sc.leads.value, this.leadNames.uniform(j, STREAM.leadValue, 0)));
      this.leadMargin[j] = sample(sc.leads.margin, this.leadNames.uniform(j, STREAM.leadMargin, 0));
      this.leadOwner[j] = takers.length === 0 || mode === 'pool' ? -1 : takers[mode === 'equal' ? (j + t) % takers.length : (this.dealt + j) % takers.length];
      this.leadTaken[j] = 0;
    }
    this.dealt += n;
    this.nLeads = n;
    s.leads.n = n;
    return n;
  }

  /**
   * The month's processed leads: each is won with the rep's chance, and a
   * won one is a deal of his inbound account, in the ledger. What each rep
   * could expect of the leads he processed (their deals, revenue and profit
   * at his chance) is what he expects of his leads next month
   * (RunState.expInbound). Returns how many were processed.
   */
  close(s: RunState, tally: MonthTally, repAcc: Float64Array, repRevenueMonth: Float64Array | undefined, trackActivity: boolean, paysLate: boolean): number {
    const { sc, t, month, ledger, trace } = s;
    const RW = REP_METRICS.length;
    const expected = s.expInbound;
    expected.fill(0);
    let processed = 0;
    for (let j = 0; j < this.nLeads; j++) {
      if (!this.leadTaken[j]) continue;
      processed++;
      const r = this.leadOwner[j];
      const win = leadWin(s, r);
      expected[r * 3] += win;
      expected[r * 3 + 1] += win * this.leadValue[j];
      expected[r * 3 + 2] += win * this.leadValue[j] * this.leadMargin[j];
      const won = this.leadNames.uniform(j, STREAM.leadWin, 0) < win;
      if (trace && !won) trace.lead(r, 0, 0, false);
      if (won) {
        const rev = ledger.money(this.leadValue[j]);
        const pr = ledger.money(rev * this.leadMargin[j]);
        const day = s.dayOf(t);
        const bill = invoiceDates(sc.payment, day, this.leadNames.uniform(j, STREAM.payment, 0), this.leadNames.uniform(j, STREAM.paymentDay, 0));
        ledger.sale(-1, s.inbound[r], month, day, rev, pr, INBOUND_DEAL, bill);
        if (trace) trace.lead(r, rev, pr, true, paysLate ? (ledger.lastSale[0] ?? bill) : undefined);
        tally.revenue += rev;
        tally.profit += pr;
        repAcc[r * RW + P.revenue] += rev;
        if (repRevenueMonth) repRevenueMonth[r] += rev;
      }
      if (trackActivity) ledger.activity(s.reps[r].id, month, undefined, 'leads', sc.leads!.hours);
    }
    return processed;
  }
}

/** a rep's chance of winning a lead he processes: the scenario's, by his skill and ramp */
export function leadWin(s: RunState, r: number): number {
  return Math.min(1, s.sc.response.leads.win * s.w.skill[r * NA + A_LEADS] * ramp(s, r));
}

/** a rep's account for inbound deals: the client his lead deals are booked to */
export function inboundAccount(s: RunState, rep: Rep): Client {
  const c: Client = { id: `in:${rep.id}`, name: 'inbound', segment: undefined, owner: rep.id, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, columns: {} };
  s.ledger.clients.set(c.id, c);
  return c;
}
