import type { Day, Month } from '../time/month.js';
import type { Client, CreditRow, CreditRule, Q } from '../types.js';
import { categoryOn } from './category-on.js';
import type { ClientClock } from './client-clock.js';
import { creditFor, DEFAULT_CREDIT, soleCredit } from './credit.js';
import * as R from '../money/rational.js';
import { matchesFilter, type FilterAttrs } from './filter.js';
import { holdsOn, isDated } from '../data/credit-days.js';
import type { RepLedger } from './ledger.js';

/** one rep's credit for a sale: his ledger (undefined when the data has no such rep) and his share */
export interface RepCredit<T, L extends RepLedger<T> = RepLedger<T>> {
  ledger: L | undefined;
  share: T;
}

const NOBODY: readonly RepCredit<never, never>[] = [];

interface Known<T, L extends RepLedger<T>> {
  rule: number;
  seller: string | undefined;
  /** which of the client's dated credits.csv rows hold on the sale's day, a bit each (0: none dated; -1: too many to tell apart) */
  span: number;
  credits: readonly RepCredit<T, L>[];
}

/** the bits of a client's rows that hold on a day; -1 past 30 rows (then nothing is kept from one sale to the next) */
function spanOn(rows: readonly CreditRow[], day: Day): number {
  if (rows.length > 30) return -1;
  let span = 0;
  for (let k = 0; k < rows.length; k++) if (holdsOn(rows[k], day)) span |= 1 << k;
  return span;
}

/**
 * Who is credited with a client's sales, as creditFor says, worked out once
 * per client for the rule that applies and the rep the row names: a client's
 * sales nearly all fall under one rule and one rep, so a million sales ask
 * creditFor (its arrays and rationals) a few hundred thousand times fewer.
 * Shares are the arithmetic's values (`shareOf`), the same objects each time.
 */
export class SaleCredits<T, L extends RepLedger<T> = RepLedger<T>> {
  private readonly known: (Known<T, L> | undefined)[];
  /** some rule applies to some sales only: the rule is found per sale */
  private readonly conditional: boolean;
  private readonly whole = new Map<string, readonly RepCredit<T, L>[]>();

  constructor(
    private readonly rules: readonly CreditRule[],
    private readonly reps: ReadonlyMap<string, L>,
    private readonly rowsOf: (client: Client) => readonly CreditRow[],
    private readonly shareOf: (q: Q) => T,
    clients: number,
  ) {
    // (pushed, not made at its length: see saleOrder)
    this.known = [];
    for (let at = 0; at < clients; at++) this.known.push(undefined);
    this.conditional = rules.some((r) => r.when !== undefined);
    this.dated = new Uint8Array(clients);
  }

  /** by client number: 0 not looked at yet, 1 no dated credits.csv rows, 2 some */
  private readonly dated: Uint8Array;

  /** the credits of a sale of client number `at` (its place in the dataset's clients) on a day of a month; what a rule's `when` reads of it is worked out only when asked */
  of(at: number, clock: ClientClock, seller: string | undefined, day: Day, month: Month): readonly RepCredit<T, L>[] {
    const attrs: FilterAttrs | undefined = this.conditional ? attrsOf(clock, day, month) : undefined;
    const rule = attrs ? this.rules.findIndex((r) => !r.when || matchesFilter(r.when, attrs)) : this.rules.length > 0 ? 0 : -1;
    const client = clock.client;
    // rows with days of their own: the credit is the rows' that hold on the sale's day
    // (the client's rows are looked up only where the answer is not known already: most sales)
    let all: readonly CreditRow[] | undefined;
    let mark = this.dated[at];
    if (mark === 0) {
      all = this.rowsOf(client);
      this.dated[at] = mark = all.length > 0 && all.some(isDated) ? 2 : 1;
    }
    const dated = mark === 2;
    if (dated) all ??= this.rowsOf(client);
    const span = dated ? spanOn(all!, day) : 0;
    const known = this.known[at];
    if (known !== undefined && known.rule === rule && known.seller === seller && known.span === span && span >= 0) return known.credits;
    // (creditFor finds the same rule by the same attributes)
    const rules = rule < 0 ? DEFAULT_CREDIT : [this.rules[rule]];
    all ??= this.rowsOf(client);
    const rows = dated ? all.filter((r) => holdsOn(r, day)) : all;
    const sole = soleCredit(rules[0], client, seller, rows);
    let credits: readonly RepCredit<T, L>[];
    if (sole === null) credits = NOBODY;
    else if (sole !== undefined) credits = this.wholly(sole);
    else {
      const shares = creditFor(rules, client, seller, attrs ?? attrsOf(clock, day, month), rows);
      credits = shares.map(({ rep, share }) => ({ ledger: this.reps.get(rep), share: this.shareOf(share) }));
    }
    this.known[at] = { rule, seller, span, credits };
    return credits;
  }

  /** a rep's whole credit, one list a rep (soleCredit's plain case: most clients' sales) */
  private wholly(rep: string): readonly RepCredit<T, L>[] {
    let credits = this.whole.get(rep);
    if (credits === undefined) this.whole.set(rep, (credits = [{ ledger: this.reps.get(rep), share: this.shareOf(R.ONE) }]));
    return credits;
  }
}

/** what a filter reads of a sale of the clock's client on a day of a month */
export function attrsOf(clock: ClientClock, day: Day, month: Month): FilterAttrs {
  const client = clock.client;
  return {
    category: categoryOn(client, day),
    isNew: clock.signedMonth === month,
    segment: client.segment,
    ageActivation: clock.ageActivation(month),
    ageSigning: clock.ageSigning(month),
  };
}
