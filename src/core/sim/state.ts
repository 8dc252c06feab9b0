import type { PayoutEngine, RepPayer } from '../payout/engine.js';
import type { LedgerTx } from '../payout/ledger.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client, Rep, RepMonth } from '../types.js';
import type { Organisation } from '../scheme/organisation-types.js';
import type { Scenario } from '../scenario/types.js';
import { Prober } from './probes.js';
import { emptyRateSet, type RateSet } from './rates.js';
import type { SchemeView } from './scheme-view.js';
import type { SimLedger } from './sim-ledger.js';
import type { SimSpec } from './sim-spec.js';
import type { StartBook } from './start-book.js';
import type { MonthTrace } from './trace.js';
import { PayRates } from './pay-rate.js';
import { ACTIVE, NA, SIGNED, type Book, type World } from './world.js';

/**
 * Everything one run carries from month to month besides the world's typed
 * arrays: who holds each rep slot, the scheme in force and its engine, and
 * the running totals the metrics are made from.
 */
export interface RunState {
  sc: Scenario;
  key: number;
  /** the first simulated month, and the first the engine reads as history (steady-past.ts: start, where no scheme reads any) */
  start: Month;
  historyFrom: Month;
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
  /** last month's pay rate (pay-rate.ts), and hours by activity (what a departure decision looks at) */
  lastPay: Float64Array;
  payRates: PayRates;
  lastHours: Float64Array;

  ledger: SimLedger;
  engine: PayoutEngine<number>;
  payers: (RepPayer<number> | undefined)[];
  /**
   * Where a period runs past a month and reps leave: each rep's payer as it
   * stood before the month last paid, and that month's pay. A leaver's last
   * month is paid again, his end date known, as payout pays it (payroll.ts
   * settleLeaver).
   */
  beforePay: (RepPayer<number> | undefined)[];
  lastRow: (RepMonth<number> | undefined)[];
  probers: Prober[];
  /** each rep's rates for the rest of the open period, and for the next period (asked afresh every few months) */
  repRates: RateSet[];
  repNext: RateSet[];
  /** and for the period a term of the scheme changes in past the next one, within his horizon (laterAt: its month; 0, none) */
  repLater: RateSet[];
  laterAt: Int32Array;
  /** and for the period of the middle of his horizon, on his book as it will have grown by then (projected-book.ts; projectedAt: its month, 0: none), with its transactions */
  repProjected: RateSet[];
  projectedAt: Int32Array;
  /** whether they are asked at all (SimSpec.standingBooks) */
  project: boolean;
  /** the clients of the data the run starts from (World.fromData): their columns are the simulated clients' */
  dataClients: StartBook['clients'] | undefined;
  /** the invoices the data says its clients owed at its end (StartBook.owed): what the run starts owing */
  dataOwed: StartBook['owed'];
  projectedTx: LedgerTx<number>[][];
  nextProbe: Int32Array;
  stableProbes: Int32Array;
  nextFresh: Int32Array;
  /** the signings and activations each rep expects in a month at his hours, by scenario segment (rep × segments + segment) */
  expSign: Float64Array;
  /** and the monthly potential of the clients he expects to sign (his chance to sign each prospect times its potential), by segment */
  expSignPotential: Float64Array;
  expActivate: Float64Array;
  /** the clients he expects to lose in a month, by segment (only where the scheme counts lost clients) */
  expLose: Float64Array;
  /** the inbound deals each rep expects in a month at the leads he processed last month: their count, revenue and gross profit (rep × 3 + k) */
  expInbound: Float64Array;
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
      columns: w.fromData[i] >= 0 ? (s.dataClients?.[w.fromData[i]]?.columns ?? {}) : {},
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
  s.ledger.credits.forgetCredit(i);
}

/** what a run's state starts from */
export interface RunStart {
  sc: Scenario;
  key: number;
  start: Month;
  historyFrom: Month;
  w: World;
  book: Book;
  partners: Book;
  ids: string[];
  view: SchemeView;
  reps: Rep[];
  roles: (string | undefined)[];
  /** the activities each slot's role allows, as bits */
  allowed: Uint8Array;
  ledger: SimLedger;
  engine: PayoutEngine<number>;
  /** segment groups and age classes of the rate sets (the largest of the schemes played) */
  groups: number;
  classes: number;
  /** each simulated month's 15th, as a day */
  days: Int32Array;
  /** whether the probes take the fast path (general), the reps reckon with their books as they will have grown (standingBooks), the data's clients (book) */
  spec: Pick<SimSpec, 'general' | 'standingBooks' | 'book'>;
  trace: MonthTrace | undefined;
}

const LONG_AGO = -1_000_000;

/** a run's state at its start: the starting team in its slots, each with his payer and probe bench, nothing counted yet */
export function newRunState(x: RunStart): RunState {
  const { sc, view, reps, roles, engine, days, start, historyFrom } = x;
  const n = reps.length;
  return {
    sc,
    key: x.key,
    start,
    historyFrom,
    t: 0,
    month: start,
    w: x.w,
    book: x.book,
    partners: x.partners,
    ids: x.ids,
    view,
    org: view.scheme.organisation,
    reps,
    role: [...roles],
    allowed: x.allowed,
    employed: new Uint8Array(n).fill(1),
    startedAt: new Int32Array(n).fill(LONG_AGO),
    vacantUntil: new Int32Array(n),
    generation: new Int32Array(n),
    lockedUntil: new Int32Array(n).fill(LONG_AGO),
    lastPay: new Float64Array(n),
    payRates: new PayRates(n),
    lastHours: new Float64Array(n * NA),
    ledger: x.ledger,
    engine,
    payers: reps.map((r) => engine.payer(r)),
    beforePay: reps.map(() => undefined),
    lastRow: reps.map(() => undefined),
    probers: reps.map((r) => new Prober(view, r, !x.spec.general)),
    repRates: reps.map(() => emptyRateSet(x.groups, x.classes)),
    repNext: reps.map(() => emptyRateSet(x.groups, x.classes)),
    repLater: reps.map(() => emptyRateSet(x.groups, x.classes)),
    laterAt: new Int32Array(n),
    repProjected: reps.map(() => emptyRateSet(x.groups, x.classes)),
    projectedAt: new Int32Array(n),
    project: !x.spec.standingBooks,
    dataClients: x.spec.book?.clients,
    dataOwed: x.spec.book?.owed,
    projectedTx: reps.map(() => []),
    nextProbe: new Int32Array(n),
    stableProbes: new Int32Array(n),
    nextFresh: new Int32Array(n),
    expSign: new Float64Array(n * sc.segments.length),
    expSignPotential: new Float64Array(n * sc.segments.length),
    expActivate: new Float64Array(n * sc.segments.length),
    expLose: new Float64Array(n * sc.segments.length),
    expInbound: new Float64Array(n * 3),
    clients: [],
    inbound: [],
    dayOf: (t: number) => (t >= 0 && t < days.length ? days[t] : firstDay(start + t) + 14),
    departed: 0,
    leftWithRep: 0,
    coverageSum: 0,
    coverageN: 0,
    monthCoverageSum: 0,
    monthCoverageN: 0,
    leads: { n: 0, value: new Float64Array(0), owner: new Int32Array(0), taken: new Uint8Array(0) },
    trace: x.trace,
  };
}

/** owned clients, for measures of the base (clients_owned, coverage) */
export function refreshOwned(s: RunState): void {
  const w = s.w;
  for (const led of s.ledger.reps.values()) led.owned.length = 0;
  for (let i = 0; i < w.count; i++) {
    const st = w.state[i];
    if ((st !== ACTIVE && st !== SIGNED) || w.owner[i] < 0) continue;
    s.ledger.reps.get(s.reps[w.owner[i]].id)?.owned.push(engineClient(s, i));
  }
}
