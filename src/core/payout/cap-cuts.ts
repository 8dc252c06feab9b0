import type { Arith } from '../money/arith.js';
import type { Month } from '../time/month.js';

/**
 * What the variable cap has cut in its current period and not yet given
 * back: in all (`open`, money of its lines, 0 or more) and, of the
 * components that claw back, client by client (what each client's earnings
 * were cut by, in whole minor units: below 0, above 0 on a client whose
 * month earned below 0, a refund, cut in proportion too). A later month of the period
 * whose variable pay falls below the cap gives back up to `open`, shared
 * among the clients in proportion to their cuts (giveBackShares), so that a
 * clawback takes back what was paid on a client. A client clawed back
 * leaves it (forget): what it earned before the cut is no pay of the period,
 * and its cut is not given back.
 */
export class CapCuts<T> {
  constructor(
    /** the first month of the cap's period these cuts are of */
    readonly from: Month,
    public open: T,
    /** component -> client -> its cut */
    private readonly byComponent = new Map<string, Map<string, T>>(),
  ) {}

  /** a copy a fork's months do not touch */
  copy(): CapCuts<T> {
    return new CapCuts(this.from, this.open, new Map([...this.byComponent].map(([id, cuts]) => [id, new Map(cuts)])));
  }

  /** add `part` (a cut, or what is given back of one) to a client's cut */
  add(A: Arith<T>, component: string, client: string, part: T): void {
    let cuts = this.byComponent.get(component);
    if (!cuts) this.byComponent.set(component, (cuts = new Map()));
    const now = A.add(cuts.get(client) ?? A.zero, part);
    if (A.isZero(now)) cuts.delete(client);
    else cuts.set(client, now);
  }

  /** a client clawed back: its cut is given back to no one, and what is open shrinks by it */
  forget(A: Arith<T>, component: string, client: string): void {
    const cut = this.byComponent.get(component)?.get(client);
    if (cut === undefined) return;
    this.byComponent.get(component)!.delete(client);
    if (A.sign(cut) < 0) this.open = A.max(A.zero, A.add(this.open, cut));
  }

  /** each component's clients with their share of `given` (at most `open`, above 0): given / open of each one's cut, made good, not yet rounded */
  giveBackShares(A: Arith<T>, given: T): [string, [string, T][]][] {
    const factor = A.div(given, this.open);
    const out: [string, [string, T][]][] = [];
    for (const [component, cuts] of this.byComponent) {
      if (cuts.size > 0) out.push([component, [...cuts].map(([client, cut]) => [client, A.mul(A.neg(cut), factor)])]);
    }
    return out;
  }
}
