/**
 * One rep's month as his decision sees it: what he reads once before he
 * chooses (his book, his skills, the costs of his effort, the size of a
 * client, his rates, his hours) and the scratch its steps share. The steps
 * (agent.ts) read and fill it in turn.
 */
import type { PlannedMonth } from './planned-month.js';
import { mean } from '../scenario/distributions.js';
import { ACTIVITIES } from '../scenario/types.js';
import type { HourSupply } from './allocate.js';
import { ROOT12, type AgentWorld } from './agent-world.js';
import type { LeadBoard } from './leads.js';
import { ramp } from './people.js';
import type { Luck } from './luck.js';
import { clawbackAtRisk } from './clawback-risk.js';
import type { RateSet } from './rates.js';
import type { RunState } from './state.js';
import { A_COLLECT, ACTIVE, NA, PROSPECT } from './world.js';

/** one rep's decision of a month: made by startDecision, read and filled by the steps */
export interface Decision {
  readonly sim: AgentWorld;
  readonly s: RunState;
  /** the rep */
  readonly r: number;
  readonly leads: LeadBoard;
  readonly season: (k: number) => number;
  /** whether he may take on a new client this month */
  readonly hunts: boolean;
  /** his own clients: book.index[from..to) */
  readonly from: number;
  readonly to: number;
  /** the activities he may work, a bit each (prospecting only when he hunts) */
  readonly allowed: number;
  /** how far into his ramp-up a newcomer is (1: fully) */
  readonly skillFactor: number;
  /** what an hour of each activity costs him in effort */
  readonly costs: number[];
  /** his active clients' average month of revenue, the unit the probes scale by */
  readonly unit: number;
  readonly avgMargin: number;
  /** his rates now and those of the months ahead, asked of the engine (ask-rates.ts) */
  readonly mine: RateSet;
  readonly next: RateSet;
  readonly luck: Luck;
  /** months left of the scheme's longest period */
  readonly left: number;
  readonly groups: number;
  /** what the job asks of an hour on each activity, whatever the pay */
  readonly dutyOf: number[];
  /**
   * How much of a client's worth goes by its margin: 1 where his pay reads
   * profit and not revenue, 0 where it reads revenue and not profit, and
   * where it reads both, the share of a sale's pay its profit brings, as his
   * rates say (weighProfit)
   */
  profitWeight: number;
  /** the largest his noise can lift a value: an option below the cut even so cannot win an hour */
  readonly maxNoise: number;
  /** each activity's curve scale in his real hours */
  readonly kHoursOf: number[];
  /** pay per hour logged on each activity (his rates', so it moves when they are asked again) */
  readonly hourPay: Float64Array;
  /** pay for contacting one more of his clients, as first asked this month (in his first month, as asked on his plan) */
  contact: number;
  /** his first month (none behind it): the month the hours he has just chosen make, which he asks his rates again on (planned-month.ts) */
  planned: PlannedMonth | undefined;
  /** a prospect's value is linear in its potential: below base + slope × potential it cannot win an hour (client-worth.ts) */
  readonly prospectBase: Float64Array;
  readonly prospectSlope: Float64Array;
  /** buildOptions' scratch, at its cut: each segment's potential at or below which a prospect he gave no hours is left out, and each activity's price of an hour an option must beat */
  readonly prospectCut: Float64Array;
  readonly cutOf: Float64Array;
  /** the activities on which the cut left an option out */
  readonly skipped: boolean[];
  /** whether he chases overdue invoices */
  readonly collecting: boolean;
  /** firms he does not own that he may work: the whole market when the base is open, a quiet colleague's when poaching is allowed */
  readonly rivals: boolean;
  readonly open: boolean;
  readonly quiet: number | undefined;
  /** what he sees of the others working a firm he does not own (foreign-firms.ts) */
  readonly seen: { callers: number; attention: number };
  readonly leadHours: number;
  /** his hours: the floor the job demands, and extra hours up to the ceiling when they are worth their rising cost */
  readonly supply: HourSupply;
  /** what a clawback would take back were a client lost this month, by client id (a scheme with clawbacks; else undefined) */
  readonly atRisk: Map<string, number> | undefined;
  /** a gate on his hours he works to meet (hour-gate-choice.ts): his hours on the activities of `set` are at least `need` (a cap: at most) */
  hourGate: { set: number; need: number; cap: boolean; share: number; total: number } | undefined;
  /** a gate on his hours his rates priced and he leaves (out of reach, or not worth its hours) */
  gateLeft: boolean;
}

/** the clawback exposure of the rep deciding (one at a time: refilled for each) */
const AT_RISK = new Map<string, number>();

/** what rep r reads before he decides his month */
export function startDecision(sim: AgentWorld, s: RunState, r: number, leads: LeadBoard, season: (k: number) => number, hunts: boolean): Decision {
  const { w, book, sc, month } = s;
  const view = s.view;
  const from = book.start[r];
  const to = book.start[r + 1];
  const allowed = hunts ? s.allowed[r] : s.allowed[r] & ~1;
  const skillFactor = ramp(s, r);
  const taste = w.taste[r];
  const costs = ACTIVITIES.map((a) => sc.reps.effortCost[a] * taste);
  let unit = 0, units = 0, marginSum = 0, marginN = 0;
  for (let k = from; k < to; k++) {
    const i = book.index[k];
    if (w.state[i] === ACTIVE) {
      unit += w.potential[i] * w.wallet[i];
      units++;
    }
    if (w.state[i] !== PROSPECT) {
      marginSum += w.margin[i];
      marginN++;
    }
  }
  const avgMargin = marginN > 0 ? marginSum / marginN : mean(sc.segments[0].margin);
  unit = units > 0 ? (unit / units) * season(0) : mean(sc.segments[0].revenue) * sc.drift.walletStart;
  if (!(unit > 1)) unit = 1;
  const mine = s.repRates[r];
  const luck = { luck: sc.decision.luck, persistence: sc.decision.luckPersistence, discount: sc.decision.discount };
  const period = view.longestPeriod;
  const left = period - ((((month - (view.scheme.fiscalYearStart - 1)) % period) + period) % period);
  const noise = sc.decision.noise * ROOT12;
  const segmentsN = sc.segments.length;
  const base = s.org.base;
  const open = base?.open === true;
  const quiet = base?.poachingQuietMonths;
  const floor = w.repHours[r];
  return {
    sim,
    s,
    r,
    leads,
    season,
    hunts,
    from,
    to,
    allowed,
    skillFactor,
    costs,
    unit,
    avgMargin,
    mine,
    next: s.repNext[r],
    luck,
    left,
    groups: view.segmentGroups.length,
    dutyOf: ACTIVITIES.map((a) => sc.decision.duty[a]),
    profitWeight: view.readsProfit && !view.readsRevenue ? 1 : 0,
    maxNoise: Math.exp(noise / 2),
    kHoursOf: sim.curves.map((c, a) => c.scaleHours / Math.max(1e-9, w.skill[r * NA + a] * skillFactor)),
    // pay per hour logged lowers an hour's cost (netCost); pay for contacting one more of his clients adds to each of them
    hourPay: mine[0].hour,
    contact: 0,
    planned: undefined,
    prospectBase: new Float64Array(segmentsN),
    prospectSlope: new Float64Array(segmentsN),
    prospectCut: new Float64Array(segmentsN),
    cutOf: new Float64Array(NA),
    skipped: new Array<boolean>(NA).fill(false),
    collecting: s.ledger.receivables && (allowed & (1 << A_COLLECT)) !== 0,
    rivals: open || quiet !== undefined,
    open,
    quiet,
    seen: { callers: 0, attention: 0 },
    leadHours: sc.leads?.hours ?? 1,
    supply: { floor, ceiling: floor * (1 + sc.reps.overtime.max), cost: sc.reps.overtime.cost * taste },
    atRisk: view.clawsBack ? clawbackAtRisk(s.payers[r], month, AT_RISK) : undefined,
    hourGate: undefined,
    gateLeft: false,
  };
}

/** his effective skill at activity a (a newcomer's ramps up) */
export function skillOf(d: Decision, a: number): number {
  return d.s.w.skill[d.r * NA + a] * d.skillFactor;
}

/** an hour's cost on activity a, net of the pay for logging it */
export function netCost(d: Decision, a: number): number {
  return d.costs[a] - d.hourPay[a];
}

/** the group of rates a segment's clients are paid by */
export function groupOf(d: Decision, k: number): number {
  return d.groups > 1 ? d.s.view.groupOfSegment[k] : 0;
}

/**
 * His profit weight from the rates he holds, where his pay reads revenue and
 * profit both (a 0 % commission on revenue beside a share of profit leaves a
 * client worth its margin, as without it); rates that pay no sale leave it as
 * it was.
 */
export function weighProfit(d: Decision): void {
  const { view } = d.s;
  if (!view.readsRevenue || !view.readsProfit) return;
  const all = d.mine[0].active[0];
  if (all > 1e-9) d.profitWeight = Math.min(1, Math.max(0, (all - d.mine[0].bare) / all));
}
