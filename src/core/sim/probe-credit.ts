import { creditFor } from '../payout/credit.js';
import { NO_ORGANISATION } from '../scheme/organisation.js';
import type { Organisation } from '../scheme/organisation-types.js';
import type { Client, CreditRule, Rep } from '../types.js';
import type { TxAttrs } from './sim-ledger.js';

/**
 * A rep's share of the credit of his probe client's sales and events, by the
 * attributes asked. Under a handover, a client he signed belongs to another
 * role after the handover months, and a client he took over was signed by
 * someone else: the credit rules decide.
 */
export class ProbeCredit {
  /** his shares by the attributes asked, while the credit rules, his role and the organisation hold still (a run, under one scheme) */
  private readonly shares = new Map<string, number>();
  private rules: readonly CreditRule[] = [];
  private role: string | undefined;
  private org: Organisation = NO_ORGANISATION;

  constructor(
    private readonly rep: Rep,
    /** the probe client, whose owner, closer and finder are set for each question */
    private readonly client: Client,
  ) {}

  /** a new run (or a new scheme): his role and the organisation say whose clients he keeps */
  attach(role: string | undefined, org: Organisation): void {
    this.role = role;
    this.org = org;
    this.shares.clear();
  }

  /** a call of rates() under these credit rules: the shares known are forgotten if they are other rules */
  reset(rules: readonly CreditRule[]): void {
    if (rules === this.rules) return;
    this.rules = rules;
    this.shares.clear();
  }

  /** his share of a client's credit at these ages */
  shareOf(attrs: TxAttrs): number {
    const key = `${attrs.category}|${attrs.isNew ? 1 : 0}|${attrs.segment}|${attrs.ageActivation}|${attrs.ageSigning}`;
    const known = this.shares.get(key);
    if (known !== undefined) return known;
    const share = this.creditShare(attrs);
    this.shares.set(key, share);
    return share;
  }

  private creditShare(attrs: TxAttrs): number {
    const h = this.org.handover;
    const me = this.rep.id;
    const other = `other:${me}`;
    const c = this.client;
    c.owner = me;
    c.closer = me;
    c.finder = me;
    if (h && this.role === h.from) {
      const age = h.since === 'signing' ? attrs.ageSigning : attrs.ageActivation;
      if (age > h.afterMonths) c.owner = other;
    } else if (h && this.role === h.to) {
      c.closer = other;
      c.finder = other;
    }
    let share = 0;
    for (const credit of creditFor(this.rules, c, undefined, attrs, [])) if (credit.rep === me) share += credit.share.f;
    return share;
  }
}
