import { effect } from '../scenario/curves.js';
import { mean } from '../scenario/distributions.js';
import { monthOfDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import type { Dataset, Q } from '../types.js';
import type { Scenario } from '../scenario/types.js';
import { nextShare } from './wallet-step.js';

/** the months whose purchases set a client's potential: the last three of the data */
const RECENT_MONTHS = 3;

/**
 * What the last months' purchases of a client say of its share of wallet
 * and potential. With activity.csv, an active client's share follows the
 * path the simulation would have moved it along, month by month, with the
 * hours the data gives it (from `drift.wallet_start` when it was activated
 * within the data, else from the mean of `book.wallet`); without, it is
 * the mean of `book.wallet`. A signed client buys `drift.wallet_signed`.
 * Its revenue over the months it was in that state, divided by their
 * weight (share times seasonality, summed), is its potential.
 */
export class SharePaths {
  /** hours per client and month, when the data gives hours per client (then a month without a row had none) */
  private readonly hours: Map<string, Map<Month, number>> | undefined;
  /**
   * The months with hours logged for anyone: in a month with none (a lapse
   * in logging) a share is held, not eroded as by a month nobody called
   * (QA: four months unlogged blew potentials up, revenue +25 % by month 6)
   */
  private readonly logged = new Set<Month>();
  /** revenue and gross profit per client in each of the last months */
  private readonly bought = new Map<string, Map<Month, { revenue: number; profit: number }>>();
  private readonly first: Month;
  private readonly meanShare: number;

  constructor(
    data: Dataset<Q>,
    private readonly scenario: Scenario,
    private readonly end: Month,
  ) {
    if (data.activity.some((a) => a.client !== undefined && a.hours.f > 0)) {
      this.hours = new Map();
      for (const a of data.activity) {
        if (a.hours.f > 0) this.logged.add(a.month);
        if (a.client === undefined) continue;
        const byMonth = this.hours.get(a.client) ?? new Map<Month, number>();
        byMonth.set(a.month, (byMonth.get(a.month) ?? 0) + a.hours.f);
        this.hours.set(a.client, byMonth);
      }
    }
    for (const t of data.transactions) {
      const m = monthOfDay(t.day);
      if (m <= end - RECENT_MONTHS || m > end) continue;
      const byMonth = this.bought.get(t.client) ?? new Map<Month, { revenue: number; profit: number }>();
      const b = byMonth.get(m) ?? { revenue: 0, profit: 0 };
      b.revenue += t.revenue.f;
      b.profit += t.grossProfit.f;
      byMonth.set(m, b);
      this.bought.set(t.client, byMonth);
    }
    this.first = data.firstMonth ?? end;
    this.meanShare = Math.min(1, Math.max(0.05, mean(scenario.book.wallet)));
  }

  /** gross profit over revenue in the last months; undefined when it bought nothing */
  margin(client: string): number | undefined {
    let revenue = 0, profit = 0;
    for (const b of this.bought.get(client)?.values() ?? []) {
      revenue += b.revenue;
      profit += b.profit;
    }
    return revenue > 0 ? profit / revenue : undefined;
  }

  /**
   * What a client's recent purchases say its potential is, before its
   * segment is known: its mean monthly purchase over the last months it
   * bought in, at a typical share of wallet (an active client's, or a signed
   * one's); undefined when it bought nothing (likeliest-segment.ts)
   */
  roughPotential(client: string, active: boolean): number | undefined {
    let revenue = 0, months = 0;
    for (const b of this.bought.get(client)?.values() ?? []) {
      if (!(b.revenue > 0)) continue;
      revenue += b.revenue;
      months++;
    }
    const share = active ? this.meanShare : this.scenario.drift.walletSigned;
    return months > 0 && share > 0 ? revenue / months / share : undefined;
  }

  /** an active client's share at the end; its revenue and weight over the last months it was active (activated: undefined, before the data); `quality`: its segment's rates */
  active(client: string, activated: Month | undefined, signed: Month, quality: Pick<Scenario, 'response' | 'drift'> = this.scenario): { share: number; revenue: number; weight: number } {
    const { scenario, end } = this;
    const curve = quality.response.active;
    const rel = scenario.relationship;
    const inside = activated !== undefined && activated >= this.first;
    const from = inside ? activated : this.first;
    const hours = this.hours?.get(client);
    let share = inside && this.hours ? quality.drift.walletStart : this.meanShare;
    // the relationship as the simulation counts it: months since signing before the data, then months with hours
    let months = Math.min(rel.monthsToFull, Math.max(0, from - signed));
    let revenue = 0, weight = 0;
    for (let m = from; m <= end; m++) {
      const h = hours?.get(m) ?? 0;
      if (this.hours && m > from && this.logged.has(m)) share = nextShare(share, effect(curve.curve, h), Math.min(1, months / rel.monthsToFull), curve.wallet, quality.drift.walletErosion, rel.walletBoost, curve.keep);
      if (h > 0) months = Math.min(rel.monthsToFull, months + 1);
      if (m > end - RECENT_MONTHS) {
        revenue += this.bought.get(client)?.get(m)?.revenue ?? 0;
        weight += share * this.season(m);
      }
    }
    return { share, revenue, weight };
  }

  /** the months from the first with hours logged to the data's last with none logged for anyone (none without hours per client) */
  unlogged(): Month[] {
    if (!this.hours || this.logged.size === 0) return [];
    const out: Month[] = [];
    for (let m = Math.min(...this.logged); m <= this.end; m++) if (!this.logged.has(m)) out.push(m);
    return out;
  }

  /** a signed client buys its fixed share in every month since its signing */
  signed(client: string, signed: Month, quality: Pick<Scenario, 'drift'> = this.scenario): { share: number; revenue: number; weight: number } {
    const share = quality.drift.walletSigned;
    let revenue = 0, weight = 0;
    for (let m = Math.max(signed, this.end - RECENT_MONTHS + 1); m <= this.end; m++) {
      revenue += this.bought.get(client)?.get(m)?.revenue ?? 0;
      weight += share * this.season(m);
    }
    return { share, revenue, weight };
  }

  private season(m: Month): number {
    return seasonFactor(this.scenario.seasonality, m);
  }
}
