import type { PayoutEngine, RepPayer } from '../payout/engine.js';
import type { Month } from '../time/month.js';
import type { Client, Rep } from '../types.js';
import type { Organisation } from '../scheme/organisation-types.js';
import type { Scenario } from '../scenario/types.js';
import type { Prober } from './probes.js';
import type { RateSet } from './rates.js';
import type { SchemeView } from './scheme-view.js';
import type { SimLedger } from './sim-ledger.js';
import type { MonthTrace } from './trace.js';
import { NA, type Book, type World } from './world.js';

/** bits of the activities a rep may give hours to */
export const ALL_ACTIVITIES = (1 << NA) - 1;

/**
 * Everything one run carries from month to month besides the world's typed
 * arrays: who holds each rep slot, the scheme in force and its engine, and
 * the running totals the metrics are made from.
 */
export interface RunState {
  sc: Scenario;
  key: number;
  /** the first simulated month */
  start: Month;
  t: number;
  month: Month;
  w: World;
  /** owned clients by rep, and clients each rep works as the second of a pair */
  book: Book;
  partners: Book;
  ids: string[];
  view: SchemeView;
  org: Organisation;

  /** the rep in each slot now (a replacement gets a new one) */
  reps: Rep[];
  role: (string | undefined)[];
  /** activities each slot may work, as bits (prospect 1, signed 2, active 4, leads 8) */
  allowed: Uint8Array;
  employed: Uint8Array;
  /** month a slot's rep started (very negative for the starting team) */
  startedAt: Int32Array;
  /** month a vacant slot's replacement starts */
  vacantUntil: Int32Array;
  generation: Int32Array;
  /** his firms are not released before this month (a newcomer's lock) */
  lockedUntil: Int32Array;
  /** last month's pay, and hours by activity (what a departure decision looks at) */
  lastPay: Float64Array;
  lastHours: Float64Array;

  ledger: SimLedger;
  engine: PayoutEngine<number>;
  payers: (RepPayer<number> | undefined)[];
  probers: Prober[];
  /** each rep's rates for the rest of the open period, and for the next period (asked afresh every few months) */
  repRates: RateSet[];
  repNext: RateSet[];
  nextProbe: Int32Array;
  stableProbes: Int32Array;
  nextFresh: Int32Array;
  /** the signings and activations each rep expects in a month at his hours, by scenario segment (rep × segments + segment) */
  expSign: Float64Array;
  expActivate: Float64Array;
  /** the engine's view of each client slot, made when first needed */
  clients: (Client | undefined)[];
  /** each slot's account for inbound deals */
  inbound: Client[];
  /** the 15th of a simulated month, as a day */
  dayOf(t: number): number;

  // running totals
  departed: number;
  leftWithRep: number;
  coverageSum: number;
  coverageN: number;
  /** this month's: the mean over the reps who decided */
  monthCoverageSum: number;
  monthCoverageN: number;
  /** this month's inbound leads: value, the rep each went to (-1 the pool) and whether it was processed */
  leads: { n: number; value: Float64Array; owner: Int32Array; taken: Uint8Array };
  /** this month's hours, purchases and leads client by client, when the run is traced (SimSpec.trace) */
  trace: MonthTrace | undefined;
}

export function repIdOf(s: RunState, slot: number): string | undefined {
  return slot >= 0 && slot < s.reps.length ? s.reps[slot].id : undefined;
}

/** the engine's view of client slot i, its roles kept in step with the world */
export function engineClient(s: RunState, i: number): Client {
  let c = s.clients[i];
  const w = s.w;
  if (!c) {
    c = {
      id: s.ids[i],
      name: s.ids[i],
      segment: s.sc.segments[w.segment[i]]?.name,
      owner: repIdOf(s, w.owner[i]),
      finder: repIdOf(s, w.finder[i] >= 0 ? w.finder[i] : w.closer[i]),
      closer: repIdOf(s, w.closer[i]),
      signed: undefined,
      activated: undefined,
      lost: undefined,
      columns: {},
    };
    s.clients[i] = c;
    s.ledger.clients.set(c.id, c);
  }
  return c;
}

/** a client changed hands (owner, partner, or a rep in a slot changed): the engine and the credit lists hear of it */
export function syncRoles(s: RunState, i: number): void {
  const c = s.clients[i];
  const w = s.w;
  if (c) {
    c.owner = repIdOf(s, w.owner[i]);
    c.closer = repIdOf(s, w.closer[i]);
    c.finder = repIdOf(s, w.finder[i] >= 0 ? w.finder[i] : w.closer[i]);
  }
  s.ledger.forgetCredit(i);
}
