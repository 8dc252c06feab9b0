import { creditFor } from '../payout/credit.js';
import { NO_ORGANISATION } from '../scheme/organisation.js';
import type { Organisation } from '../scheme/organisation-types.js';
import type { Client, ClientCategory, CreditRule, Rep } from '../types.js';
import type { TxAttrs } from './sim-ledger.js';

const CATEGORY_CODE: Record<ClientCategory, number> = { new: 1, signed: 2, active: 3 };
/** ages coded in a share's number key: 0..AGES-2 as themselves, Infinity as AGES-1 */
const AGES = 4096;

/** an age as coded in a share's number key, or -1 when it is none of the usual (the key is text then) */
function ageCode(age: number): number {
  if (age === Infinity) return AGES - 1;
  return Number.isInteger(age) && age >= 0 && age < AGES - 1 ? age : -1;
}

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
    this.forget();
  }

  /** a call of rates() under these credit rules: the shares known are forgotten if they are other rules */
  reset(rules: readonly CreditRule[]): void {
    if (rules === this.rules) return;
    this.rules = rules;
    this.forget();
  }

  private forget(): void {
    this.shares.clear();
    this.bySegment.clear();
  }

  /** his share of a client's credit at these ages */
  shareOf(attrs: TxAttrs): number {
    const a = ageCode(attrs.ageActivation);
    const g = ageCode(attrs.ageSigning);
    // (a number for the usual ages: the probes ask thousands of times a run, and a text key is made and hashed each time)
    if (a < 0 || g < 0) return this.known(this.shares, `${attrs.category}|${attrs.isNew ? 1 : 0}|${attrs.segment}|${attrs.ageActivation}|${attrs.ageSigning}`, attrs);
    let bySegment = this.bySegment.get(attrs.segment);
    if (!bySegment) this.bySegment.set(attrs.segment, (bySegment = new Map()));
    return this.known(bySegment, (((attrs.category ? CATEGORY_CODE[attrs.category] : 0) * 2 + (attrs.isNew ? 1 : 0)) * AGES + a) * AGES + g, attrs);
  }

  /** the shares of usual ages, by segment and a number of the category, newness and ages */
  private readonly bySegment = new Map<string | undefined, Map<number, number>>();

  private known<K>(shares: Map<K, number>, key: K, attrs: TxAttrs): number {
    const known = shares.get(key);
    if (known !== undefined) return known;
    const share = this.creditShare(attrs);
    shares.set(key, share);
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
