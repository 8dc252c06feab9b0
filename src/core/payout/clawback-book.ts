import type { Explain, Client, ComponentSpec, Line, Rep } from '../types.js';
import { formatMonth, firstDay, monthOfDay, type Month } from '../time/month.js';
import { roundedToTotalIn } from '../money/rounded-to-total.js';
import { employedOn } from './ledger.js';
import { NO_MAP } from './no-map.js';
import type { MonthContext } from './month-context.js';
import type { PayoutEngine } from './engine.js';
import { CapCuts } from './cap-cuts.js';

/** a `clawback` line of component c in month m (its explain made only when explaining) */
function clawbackLine<T>(c: ComponentSpec, month: Month, amount: T, explain: () => Explain, explaining: boolean): Line<T> {
  return { component: c.id, type: c.type, kind: 'clawback', period: formatMonth(month), amount, variable: c.variable, explain: explaining ? explain() : undefined };
}

/**
 * What a rep's payer keeps for clawbacks: what each client earned of each
 * component that claws back, in minor units as paid, and what clawbacks took
 * back; and the lines that take it back (a client lost within the window, pay
 * on a client after its loss) or give back (a refund on a client already
 * clawed back), and the cut of earnings under the variable cap and its
 * give-back (cap-cuts.ts). RepPayer is
 * one: a base class rather than a member, so that forking a payer (the
 * simulation's probes fork thousands a run) makes no object more.
 */
export abstract class ClawbackBook<T> {
  abstract readonly engine: PayoutEngine<T>;
  abstract readonly rep: Rep;
  /** component -> client -> amount earned, for clawbacks; NO_MAP until written (ownEarned) */
  private earned: Map<string, Map<string, T>>;
  /**
   * component -> client -> what its clawback took back and is not yet
   * matched by a later refund on the client (and the month of the clawback):
   * a credit note dated after the clawback takes back nothing the clawback
   * has already taken (givebackOfRefunds); NO_MAP until written
   */
  private clawedBack: Map<string, Map<string, { amount: T; month: Month }>>;
  /** what the variable cap cut in its period and has not given back (none under a monthly cap: nothing later in its period gives back) */
  private capCuts: CapCuts<T> | undefined;

  /** `from`: the book of the payer this one is a fork of (copied: a fork's clawbacks do not touch it) */
  constructor(from?: ClawbackBook<T>) {
    if (from === undefined) {
      this.earned = NO_MAP;
      this.clawedBack = NO_MAP;
      return;
    }
    this.earned = from.earned.size > 0 ? new Map([...from.earned].map(([k, v]) => [k, new Map(v)])) : NO_MAP;
    this.clawedBack = from.clawedBack.size > 0 ? new Map([...from.clawedBack].map(([k, v]) => [k, new Map([...v].map(([client, c]) => [client, { ...c }]))])) : NO_MAP;
    this.capCuts = from.capCuts?.copy();
  }

  /**
   * What a clawback would take back, after month m, if a client still within
   * its window were lost: per clawed-back component and client, what was
   * earned on it (rounded as a clawback line is), for clients signed or
   * activated, not lost by m, whose window runs past m. Read only (statements).
   */
  clawbackExposure(month: Month): { component: string; client: string; amount: T; lastMonth: Month }[] {
    const { engine } = this;
    const { A, scheme } = engine;
    const out: { component: string; client: string; amount: T; lastMonth: Month }[] = [];
    for (const { component: c } of engine.main) {
      if (!c.clawback) continue;
      for (const [clientId, owed] of this.earned.get(c.id) ?? []) {
        const client = engine.ledger.clients.get(clientId);
        if (!client || A.isZero(owed) || (client.lost !== undefined && monthOfDay(client.lost) <= month)) continue;
        const since = c.clawback.since === 'activation' ? client.activated : (client.signed ?? client.activated);
        if (since === undefined) continue;
        const lastMonth = monthOfDay(since) + c.clawback.withinMonths - 1;
        if (lastMonth <= month) continue;
        out.push({ component: c.id, client: clientId, amount: A.round(owed, scheme.minorDigits, scheme.rounding), lastMonth });
      }
    }
    return out;
  }

  /** what the components that claw back have earned on a client so far, in minor units as paid (the simulation's probes: what a sale adds to a clawback's reach) */
  clawableOn(clientId: string): T {
    const { A } = this.engine;
    let sum = A.zero;
    for (const [, byClient] of this.earned) {
      const owed = byClient.get(clientId);
      if (owed !== undefined) sum = A.add(sum, owed);
    }
    return sum;
  }

  /** the payer's own map of earnings, made when first written */
  private ownEarned(): Map<string, Map<string, T>> {
    if (this.earned === NO_MAP) this.earned = new Map();
    return this.earned;
  }

  private attribute(books: Map<string, Map<string, T>>[], component: string, client: string, part: T): void {
    const A = this.engine.A;
    for (const book of books) {
      let mine = book.get(component);
      if (!mine) book.set(component, (mine = new Map()));
      mine.set(client, A.add(mine.get(client) ?? A.zero, part));
    }
  }

  /**
   * Parts of a component's pay, client by client, kept as earned in whole
   * minor units that add up to the parts' rounded sum (the largest remainder
   * method): what clawbacks take back of a line adds up to what it paid
   * (QA: 0.32 paid on three clients of 0.105 each, 0.11 x 3 = 0.33 taken back).
   * Returns the parts as kept, in their order.
   */
  protected attributeParts(ctx: MonthContext<T>, component: string, parts: readonly (readonly [string, T])[]): T[] {
    const { A, scheme } = this.engine;
    let sum = A.zero;
    for (const [, part] of parts) sum = A.add(sum, part);
    // (one client, the simulation's usual line: his share is the sum rounded, with nothing to spread)
    if (parts.length === 1) {
      const whole = A.round(sum, scheme.minorDigits, scheme.rounding);
      this.attribute([this.ownEarned(), ctx.earnedThisMonth], component, parts[0][0], whole);
      return [whole];
    }
    const whole = roundedToTotalIn(
      A,
      parts.map(([, part]) => part),
      A.round(sum, scheme.minorDigits, scheme.rounding),
      scheme.minorDigits,
    );
    parts.forEach(([client], i) => this.attribute([this.ownEarned(), ctx.earnedThisMonth], component, client, whole[i]));
    return whole;
  }

  /** what was earned on a client lost soon after signing comes back */
  protected clawbacks(month: Month, lines: Line<T>[]): void {
    const { engine } = this;
    const { A } = engine;
    for (const clientId of engine.lostIn(month)) {
      const client = engine.ledger.clients.get(clientId);
      if (!client) continue;
      // taken back only from a rep still employed on the day of the loss (schemes.md#clawbacks)
      if (client.lost !== undefined && !employedOn(this.rep, client.lost)) continue;
      for (const { component: c } of engine.main) {
        if (!c.clawback) continue;
        const owed = this.earned.get(c.id)?.get(clientId);
        if (owed === undefined || A.isZero(owed)) this.forgetCut(c, client, month);
        else this.takeBack(c, client, owed, month, month, lines);
      }
    }
  }

  /**
   * What component `c` earned on a client (`owed`) comes back in `month` as a
   * clawback line, where the client was lost in month `lostIn` within its
   * window; kept as taken, so that a later refund on it is not taken twice
   * (givebackOfRefunds). `lineOfNothing`: a line even where it rounds to 0.
   */
  private takeBack(c: ComponentSpec, client: Client, owed: T, lostIn: Month, month: Month, lines: Line<T>[], lineOfNothing = true): void {
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    const window = c.clawback!;
    const monthsIn = this.monthsIn(c, client, lostIn);
    if (monthsIn === undefined) return;
    const amount = A.neg(A.round(owed, scheme.minorDigits, scheme.rounding));
    this.earned.get(c.id)!.delete(client.id);
    this.capCuts?.forget(A, c.id, client.id);
    if (!lineOfNothing && A.isZero(amount)) return;
    if (A.sign(amount) < 0) this.tookBack(c.id, client.id, amount, month);
    const paidAfter = lostIn < month ? `; paid on it in ${formatMonth(month)}, after its loss` : '';
    lines.push(
      clawbackLine(c, month, amount, () => ({
        rule: `clawback of ${c.id}: client lost within ${window.withinMonths} months of ${window.since}`,
        measure: `client ${client.id} lost ${formatMonth(lostIn)}, month ${monthsIn} since ${window.since}${paidAfter}`,
        arithmetic: `-(${fmt.money(owed)} earned on ${client.id}) = ${fmt.money(amount)}`,
      }), engine.explain),
    );
  }

  /** the client's month of its window `lostIn` is (1: the month it was signed or activated), or undefined where it is past the window or has no date to count from */
  private monthsIn(c: ComponentSpec, client: Client, lostIn: Month): number | undefined {
    const window = c.clawback!;
    const since = window.since === 'activation' ? client.activated : (client.signed ?? client.activated);
    if (since === undefined) return undefined;
    const monthsIn = lostIn - monthOfDay(since) + 1;
    return monthsIn > window.withinMonths ? undefined : monthsIn;
  }

  /**
   * A client lost within its window that has nothing to take back (the
   * variable cap cut all it earned): what was cut on it is given back to no
   * one (review: a give-back later in the quarter paid 300 on such a
   * client, never taken back)
   */
  private forgetCut(c: ComponentSpec, client: Client, lostIn: Month): void {
    if (this.capCuts && this.monthsIn(c, client, lostIn) !== undefined) this.capCuts.forget(this.engine.A, c.id, client.id);
  }

  /** a clawback of `amount` (below 0) on a client, kept so that a later refund on it is not taken twice (givebackOfRefunds) */
  private tookBack(componentId: string, clientId: string, amount: T, month: Month): void {
    const { A } = this.engine;
    if (this.clawedBack === NO_MAP) this.clawedBack = new Map();
    let taken = this.clawedBack.get(componentId);
    if (!taken) this.clawedBack.set(componentId, (taken = new Map()));
    const before = taken.get(clientId);
    taken.set(clientId, { amount: before ? A.sub(before.amount, amount) : A.neg(amount), month });
  }

  /**
   * What a component pays this month on a client lost in an earlier month
   * within its window (a quarter's commission paid at the quarter's end on a
   * client lost in its first month) comes back at once: the clawback of the
   * loss month took back only what had been earned by then (QA: a
   * quarterly commission kept 400 earned on a client lost a month before it
   * was paid). Taken only from a rep employed on the day of the loss.
   */
  protected clawbacksAfterLoss(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    const { engine } = this;
    const { A } = engine;
    const start = firstDay(month);
    for (const { component: c } of engine.main) {
      const thisMonth = c.clawback ? ctx.earnedThisMonth.get(c.id) : undefined;
      if (!thisMonth) continue;
      for (const clientId of thisMonth.keys()) {
        const client = engine.ledger.clients.get(clientId);
        if (client?.lost === undefined || client.lost >= start || !employedOn(this.rep, client.lost)) continue;
        const owed = this.earned.get(c.id)?.get(clientId);
        if (owed === undefined || A.sign(owed) <= 0) this.forgetCut(c, client, monthOfDay(client.lost));
        else this.takeBack(c, client, owed, monthOfDay(client.lost), month, lines, false);
      }
    }
  }

  /**
   * A refund (or any line that takes back) on a client whose clawback has
   * already taken back what it earned would take the same money twice: what
   * this month's lines took from such a client, net of what it earned since
   * the clawback, is given back, up to what the clawback took (a positive
   * `clawback` line). What the client's lines earned since the clawback nets
   * first (a lost client has no later sales but by a data mistake, which the
   * dataset checks warn of: a refund cannot be told apart from them).
   */
  protected givebackOfRefunds(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    if (this.clawedBack.size === 0) return;
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    for (const [componentId, taken] of this.clawedBack) {
      const thisMonth = ctx.earnedThisMonth.get(componentId);
      if (!thisMonth) continue;
      const c = engine.main.find((p) => p.component.id === componentId)!.component;
      for (const clientId of thisMonth.keys()) {
        const clawed = taken.get(clientId);
        const owed = this.earned.get(componentId)?.get(clientId);
        if (!clawed || owed === undefined || A.sign(owed) >= 0) continue;
        const refunded = A.round(A.neg(owed), scheme.minorDigits, scheme.rounding);
        const amount = A.cmp(refunded, clawed.amount) < 0 ? refunded : clawed.amount;
        if (A.sign(amount) <= 0) continue;
        this.earned.get(componentId)!.set(clientId, A.add(owed, amount));
        const left = A.sub(clawed.amount, amount);
        if (A.sign(left) > 0) taken.set(clientId, { amount: left, month: clawed.month });
        else taken.delete(clientId);
        lines.push(
          clawbackLine(c, month, amount, () => ({
            rule: `clawback of ${c.id} given back: a refund on a client already clawed back is not taken twice`,
            measure: `earned on ${clientId} since its clawback ${formatMonth(clawed.month)} = ${fmt.money(owed)}; clawed back ${fmt.money(clawed.amount)}`,
            arithmetic: `the lesser of ${fmt.money(refunded)} and ${fmt.money(clawed.amount)} = ${fmt.money(amount)}`,
          }), engine.explain),
        );
      }
    }
  }

  /** the variable cap's cuts not given back in the period from month `from` (undefined: none) */
  protected capCutsIn(from: Month): CapCuts<T> | undefined {
    return this.capCuts?.from === from ? this.capCuts : undefined;
  }

  /**
   * What each client earned this month for clawbacks, cut as the variable
   * cap cuts this month's variable pay (`cut`, below 0), in proportion to
   * the month's variable lines above 0: a
   * clawback takes back what was paid on the client, not what was earned
   * before the cap (QA: 2,000 earned, 1,000 paid under a cap of 1,000, and
   * 2,000 taken back at the loss). `from`: the first month of the cap's
   * period, when a later month of it may give the cut back (cap-cuts.ts).
   */
  protected cutEarned(lines: readonly Line<T>[], cut: T, ctx: MonthContext<T>, from?: Month): void {
    const { A } = this.engine;
    const book = from === undefined ? undefined : (this.capCutsIn(from) ?? (this.capCuts = new CapCuts(from, A.zero)));
    if (book) book.open = A.sub(book.open, cut);
    if (ctx.earnedThisMonth.size === 0) return;
    // (over the month's variable pay earned, its clawbacks and other cuts aside: what the cap takes is taken from what was earned)
    let month = A.zero;
    for (const l of lines) if (l.variable && A.sign(l.amount) > 0) month = A.add(month, l.amount);
    if (A.sign(month) <= 0) return;
    const kept = A.div(A.add(month, cut), month);
    const factor = A.sign(kept) < 0 ? A.zero : kept;
    for (const [component, byClient] of [...ctx.earnedThisMonth]) this.attributeCut(ctx, component, [...byClient].map(([client, part]) => [client, A.sub(A.mul(part, factor), part)]), book);
  }

  /** parts of a cut (below 0) or of its give-back (above 0) attributed to the clients as earned, and kept in the cap's open cuts (`book`, if any) as attributed */
  private attributeCut(ctx: MonthContext<T>, component: string, parts: readonly (readonly [string, T])[], book: CapCuts<T> | undefined): void {
    const whole = this.attributeParts(ctx, component, parts);
    if (book) whole.forEach((part, i) => book.add(this.engine.A, component, parts[i][0], part));
  }

  /**
   * What the variable cap gives back of its earlier cuts in the period
   * (`given`, above 0, at most what is open) raises what each client earned
   * for clawbacks by its share, the cut made good in proportion: a clawback
   * later takes back what was paid on the client, the give-back included.
   */
  protected giveBackEarned(given: T, book: CapCuts<T>, ctx: MonthContext<T>): void {
    const { A } = this.engine;
    for (const [component, shares] of book.giveBackShares(A, given)) this.attributeCut(ctx, component, shares, book);
    book.open = A.max(A.zero, A.sub(book.open, given));
  }
}
