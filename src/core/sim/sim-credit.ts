import { creditFor } from '../payout/credit.js';
import { matchesFilter } from '../payout/filter.js';
import type { Client, CreditRow, Scheme } from '../types.js';
import type { LedgerBuffers } from './ledger-buffers.js';
import type { TxAttrs } from './sim-ledger.js';

/** a share of credit for the rep at an index */
export interface Credited {
  rep: number;
  share: number;
}

/** the share of a credit list the rep at an index gets */
export function shareOf(credits: readonly Credited[], rep: number): number {
  let share = 0;
  for (const x of credits) if (x.rep === rep) share += x.share;
  return share;
}

/**
 * Who is credited with a simulated client's sales and events, by the
 * scheme's credit rules: cached by client slot and rule (a client's roles
 * rarely change; a handover forgets its entry), with pair work and a
 * seller who does not own the firm (an open base, poaching).
 */
export class SimCredit {
  /** credit lists by client slot and credit rule */
  private readonly creditCache: (Credited[] | undefined)[][];

  constructor(
    private scheme: Scheme,
    private readonly buffers: LedgerBuffers,
    /** a rep's slot by id, and the id of the rep in a slot */
    private readonly repIndex: Map<string, number>,
    private readonly repId: (slot: number) => string,
  ) {
    this.capacity = buffers.credit.length;
    if (buffers.creditScheme !== scheme) {
      buffers.credit.fill(undefined as never);
      this.soleFor(scheme);
      buffers.creditScheme = scheme;
    }
    this.creditCache = buffers.credit;
  }

  private readonly capacity: number;

  /** the sole-credit arrays sized for a scheme's rules (and none matching), cleared */
  private soleFor(scheme: Scheme): void {
    const size = (scheme.credit.length + 1) * this.capacity;
    if (this.buffers.sole.length < size) {
      this.buffers.sole = new Int32Array(size);
      this.buffers.soleShare = new Float64Array(size);
    } else this.buffers.sole.fill(0);
  }

  /** a slot's sole credits of every rule are stale */
  private forgetSole(index: number): void {
    const sole = this.buffers.sole;
    for (let k = index; k < sole.length; k += this.capacity) sole[k] = 0;
  }

  /**
   * Who is credited with a sale of client slot `index` (not a seller's):
   * the rep's slot + 2 (1: a rep not in the simulation) when one rep is,
   * his share then in `soleShare`; -1 when several are (credit's list says
   * who). Read from typed arrays: the sale of every client-month asks.
   */
  soleCredit(index: number, client: Client, attrs: TxAttrs): number {
    return this.soleAt(index, client, attrs, this.ruleOf(attrs));
  }

  private soleAt(index: number, client: Client, attrs: TxAttrs, rule: number): number {
    const at = rule * this.capacity + index;
    const sole = this.buffers.sole;
    let code = sole[at];
    if (code === 0) {
      const list = this.listAt(index, client, attrs, rule);
      code = list.length === 1 ? list[0].rep + 2 : -1;
      if (code > 0) this.buffers.soleShare[at] = list[0].share;
      sole[at] = code;
    }
    if (code > 0) this.soleShare = this.buffers.soleShare[at];
    return code;
  }

  /** the share of the last soleCredit that found one rep */
  soleShare = 0;

  /** credit rules change with the scheme */
  useScheme(scheme: Scheme): void {
    this.scheme = scheme;
    this.sellerShares.clear();
    this.creditCache.fill(undefined as never);
    this.soleFor(scheme);
    this.buffers.creditScheme = scheme;
  }

  /** the run is over: the lists of clients whose roles changed in it are dropped */
  release(): void {
    for (const i of this.buffers.dirty) {
      this.creditCache[i] = undefined as never;
      this.forgetSole(i);
    }
    this.buffers.dirty.length = 0;
  }

  /** the first credit rule whose `when` matches (rules.length: none) */
  private ruleOf(attrs: TxAttrs): number {
    const rules = this.scheme.credit;
    let rule = 0;
    while (rule < rules.length && rules[rule].when && !matchesFilter(rules[rule].when!, attrs)) rule++;
    return rule;
  }

  /**
   * Who is credited with a sale of this client that the rep at `seller`
   * brought (the transaction's rep: credit role `seller`) while another owns
   * it: a poached firm's order. Not cached: such sales are few.
   */
  creditAsSeller(index: number, client: Client, attrs: TxAttrs, seller: number): Credited[] {
    const rule = this.ruleOf(attrs);
    const rules = this.scheme.credit;
    return creditFor(rule < rules.length ? [rules[rule]] : [], client, this.repId(seller), attrs, this.pairRows(index, client)).map((x) => ({ rep: this.repIndex.get(x.rep) ?? -1, share: x.share.f }));
  }

  /**
   * The share of a sale of this client the rep at `seller` would be credited
   * with if he brought the order: what a firm he does not own is worth to
   * him. It depends only on the rule and on which roles (owner, finder,
   * closer) he holds or nobody holds, so it is cached by that pattern.
   */
  sellerShare(index: number, client: Client, attrs: TxAttrs, seller: number): number {
    if (index >= 0 && this.pairOf(index)) return shareOf(this.creditAsSeller(index, client, attrs, seller), seller);
    const id = this.repId(seller);
    const role = (holder: string | undefined) => (holder === undefined ? 0 : holder === id ? 1 : 2);
    const key = this.ruleOf(attrs) * 27 + role(client.owner) * 9 + role(client.finder) * 3 + role(client.closer);
    let share = this.sellerShares.get(key);
    if (share === undefined) this.sellerShares.set(key, (share = shareOf(this.creditAsSeller(index, client, attrs, seller), seller)));
    return share;
  }

  /** sellerShare's cache, by credit rule and the seller's roles; cleared with the scheme */
  private readonly sellerShares = new Map<number, number>();

  /** a paired client's credits.csv-like rows: both reps hold the role 'pair' */
  private pairRows(index: number, client: Client): CreditRow[] {
    const pair = index >= 0 ? this.pairOf(index) : undefined;
    return pair
      ? [
          { client: client.id, rep: this.repId(pair.owner), role: 'pair', share: undefined },
          { client: client.id, rep: this.repId(pair.partner), role: 'pair', share: undefined },
        ]
      : [];
  }

  /** who is credited with a sale of this client, with these attributes, by the scheme's rules (rep indexes, -1 for a rep not in the simulation) */
  credit(index: number, client: Client, attrs: TxAttrs): Credited[] {
    const rule = this.ruleOf(attrs);
    if (index < 0) return this.creditOf(index, client, attrs, rule);
    // (one rep with all of it, as most clients: one list per rep, read often and so at hand)
    const sole = this.soleAt(index, client, attrs, rule);
    if (sole > 0 && this.soleShare === 1) return (this.wholeLists[sole] ??= [{ rep: sole - 2, share: 1 }]);
    return this.listAt(index, client, attrs, rule);
  }

  /** the list of a rep credited with all of a sale, by his slot + 2 */
  private readonly wholeLists: Credited[][] = [];

  /** credit's list for a client slot and rule, cached */
  private listAt(index: number, client: Client, attrs: TxAttrs, rule: number): Credited[] {
    let byRule = this.creditCache[index];
    if (!byRule) this.creditCache[index] = byRule = [];
    let c = byRule[rule];
    if (!c) byRule[rule] = c = this.creditOf(index, client, attrs, rule);
    return c;
  }

  /** credit's list, made afresh (no closure per sale: a sale costs a cache look-up) */
  private creditOf(index: number, client: Client, attrs: TxAttrs, rule: number): Credited[] {
    const rules = this.scheme.credit;
    const pair = index >= 0 ? this.pairOf(index) : undefined;
    // fixed pair shares win, like credits.csv shares; else both hold the role 'pair' for the rules
    if (pair && pair.share !== undefined) return [{ rep: pair.owner, share: pair.share }, { rep: pair.partner, share: 1 - pair.share }];
    const rows = this.pairRows(index, client);
    return creditFor(rule < rules.length ? [rules[rule]] : [], client, undefined, attrs, rows).map((x) => ({ rep: this.repIndex.get(x.rep) ?? -1, share: x.share.f }));
  }

  /**
   * Pair work: a client worked by two reps (owner slot, partner slot). With
   * fixed shares (the owner's), the credit is split so whatever the credit
   * rules say; without, both hold the credit role 'pair' and the rules decide.
   */
  pairOf: (index: number) => { owner: number; partner: number; share: number | undefined } | undefined = () => undefined;

  /** a client's roles changed (handover): its cached credit is stale */
  forgetCredit(index: number): void {
    this.creditCache[index] = undefined as never;
    this.forgetSole(index);
    this.buffers.dirty.push(index);
  }
}
