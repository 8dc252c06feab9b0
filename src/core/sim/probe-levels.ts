import type { LedgerEvent, LedgerTx, MonthActivity, RepLedger } from '../payout/ledger.js';
import type { Month } from '../time/month.js';
import { LUCK_LEVELS, LUCK_REACH, luckFactor } from './luck.js';
import type { ProbeCredit } from './probe-credit.js';
import type { TxAttrs } from './sim-ledger.js';
import { scaledInto } from './reused-tx.js';
import type { Expected } from './expected-buffers.js';

/** a level of luck: his expected months scaled, and lists of its own for the month a probe goes into (a probe is taken back after) */
export interface Level {
  tx: LedgerTx<number>[];
  events: LedgerEvent<number>[];
  activity: MonthActivity<number> | undefined;
  probeTx: LedgerTx<number>[];
  /** the payments of the month a probe goes into: its sales, and what a probe collects */
  probePaid: LedgerTx<number>[];
  probeEvents: LedgerEvent<number>[];
  probeActivity: MonthActivity<number> | undefined;
}

/** the relative sd of his money outcomes and of his signing, activation and loss counts over some months */
export interface Spread {
  money: number;
  sign: number;
  activate: number;
  lose: number;
}

/** his share of an expected signing, activation and loss of each segment: the same at every level of luck */
export interface EventShares {
  sign: readonly number[];
  activate: readonly number[];
  lose: readonly number[];
}

/** his shares of the events he expects, by the credit rules (0 where he expects none) */
export function eventShares(credit: ProbeCredit, expected: Expected): EventShares {
  const of = (counts: Float64Array, attrs: (segment: string) => TxAttrs) => expected.segments.map((segment, g) => (counts[g] > 0 ? credit.shareOf(attrs(segment)) : 0));
  return {
    sign: of(expected.signings, (segment) => ({ category: 'signed', isNew: true, segment, ageActivation: 0, ageSigning: 1 })),
    activate: of(expected.activations, (segment) => ({ category: 'active', isNew: false, segment, ageActivation: 1, ageSigning: 2 })),
    lose: of(expected.losses, (segment) => ({ category: 'active', isNew: false, segment, ageActivation: 12, ageSigning: 13 })),
  };
}

/** where a call of rates() asks: months m..end are paid, those from `start` at a level of luck; `ahead` ends a ratchet's months past the open period */
export interface ProbeMonths {
  m: Month;
  start: Month;
  end: Month;
  ahead: Month;
}

/** a level's lists, kept by its Prober from one call of rates() to the next */
export type LevelPool = Map<number, { scaled: LedgerTx<number>[]; probeTx: LedgerTx<number>[]; probePaid: LedgerTx<number>[]; events: LedgerEvent<number>[]; probeEvents: LedgerEvent<number>[] }>;

/** `into`, holding `from`'s items (written over in place: emptying an array lets its storage go) */
function copyInto<V>(into: V[], from: readonly V[]): V[] {
  for (let i = 0; i < from.length; i++) into[i] = from[i];
  into.length = from.length;
  return into;
}

/** the client an expected event of a segment is booked to (exp:s:0, exp:a:0, exp:l:0, ...), made once */
const EVENT_CLIENTS: Record<LedgerEvent<number>['kind'], string[]> = { signed: [], activated: [], lost: [] };
const EVENT_LETTER: Record<LedgerEvent<number>['kind'], string> = { signed: 's', activated: 'a', lost: 'l' };
function eventClient(kind: LedgerEvent<number>['kind'], g: number): string {
  return (EVENT_CLIENTS[kind][g] ??= `exp:${EVENT_LETTER[kind]}:${g}`);
}

/** level-cache keys of the months past the open period */
const LATER = 1000;

/**
 * The luck levels a probe ledger is filled with, for one call of rates(): a
 * level is his expected months from `start` on, scaled (luck.ts); the months
 * between now and then as expected (level -1). Each level is made once per
 * call.
 */
export class ProbeLevels {
  private readonly made = new Map<number, Level>();
  private readonly asExpected: Level | undefined;

  constructor(
    /** the lists of earlier calls, by level, refilled (no garbage per rep and month: nothing holds them past a call) */
    private readonly pool: LevelPool,
    private readonly ledger: RepLedger<number>,
    private readonly expected: Expected,
    /** his luck over the open period's months left (`now`) and over the months past it (`later`) */
    private readonly spreads: { now: Spread; later: Spread },
    private readonly shares: EventShares,
    /** his hours and contacts from now on: as last month's */
    private readonly lastActivity: MonthActivity<number> | undefined,
    private readonly months: ProbeMonths,
    /** asking for the next period: its months before `start` are as expected */
    next: boolean,
  ) {
    this.asExpected = next && months.start > months.m ? this.fill(-1) : undefined;
  }

  private fill(level: number, when: 'now' | 'later' = 'now'): Level {
    const key = when === 'now' ? level : LATER + level;
    const cached = this.made.get(key);
    if (cached) return cached;
    const expected = this.expected;
    const segments = expected.segments;
    const start = this.months.start;
    const sp = this.spreads[when];
    const f = level < 0 ? 1 : luckFactor(level, sp.money);
    const fs = level < 0 ? 1 : luckFactor(level, sp.sign);
    const fa = level < 0 ? 1 : luckFactor(level, sp.activate);
    // (bad luck loses more clients: the levels taken the other way round)
    const fl = level < 0 ? 1 : luckFactor(level === LUCK_REACH ? 0 : LUCK_LEVELS.length - 1 - level, sp.lose);
    let lists = this.pool.get(key);
    if (!lists) this.pool.set(key, (lists = { scaled: [], probeTx: [], probePaid: [], events: [], probeEvents: [] }));
    const tx = f === 1 ? expected.tx : scaledInto(lists.scaled, expected.tx, f);
    const events = lists.events;
    let n = 0;
    // (the pool's events are written over in place, as its lists are: nothing holds them past a call)
    const event = (kind: LedgerEvent<number>['kind'], g: number, share: number) => {
      const e = events[n];
      if (e === undefined) events[n] = { client: eventClient(kind, g), month: start, kind, share, segment: segments[g] };
      else {
        e.client = eventClient(kind, g);
        e.month = start;
        e.kind = kind;
        e.share = share;
        e.segment = segments[g];
      }
      n++;
    };
    for (let g = 0; g < segments.length; g++) {
      const { sign, activate, lose } = this.shares;
      if (sign[g] > 0) event('signed', g, expected.signings[g] * fs * sign[g]);
      if (activate[g] > 0) event('activated', g, expected.activations[g] * fa * activate[g]);
      if (lose[g] > 0) event('lost', g, expected.losses[g] * fl * lose[g]);
    }
    events.length = n;
    const a = this.lastActivity;
    const made: Level = {
      tx,
      events,
      activity: a,
      probeTx: copyInto(lists.probeTx, tx),
      probePaid: copyInto(lists.probePaid, tx),
      probeEvents: copyInto(lists.probeEvents, events),
      probeActivity: a ? { clients: new Set(a.clients), contacts: a.contacts, hours: a.hours, hoursByActivity: new Map(a.hoursByActivity) } : undefined,
    };
    this.made.set(key, made);
    return made;
  }

  /** months [from, to] of the probe ledger as a level says */
  private place(x: Level, from: Month, to: Month): void {
    const led = this.ledger;
    for (let k = from; k <= to; k++) {
      led.txByMonth.set(k, x.tx);
      led.paidByMonth.set(k, x.tx);
      led.events.set(k, x.events);
      if (x.activity) led.activity.set(k, x.activity);
      else led.activity.delete(k);
    }
  }

  /** the open period at a level of luck; the level's lists of its own, which a probe goes into, are returned */
  set(level: number): Level {
    const { m, start, end } = this.months;
    const led = this.ledger;
    const at = this.fill(level);
    if (this.asExpected) this.place(this.asExpected, m, start - 1);
    this.place(at, start, end);
    // the month a probe goes into: lists of its own
    led.txByMonth.set(start, at.probeTx);
    led.paidByMonth.set(start, at.probePaid);
    led.events.set(start, at.probeEvents);
    if (at.probeActivity) led.activity.set(start, at.probeActivity);
    return at;
  }

  /** the months past the open period up to `ahead`, at a level of their own luck */
  setLater(level: number): void {
    this.place(this.fill(level, 'later'), this.months.end + 1, this.months.ahead);
  }

  /** the months past the open period up to `to`, as expected */
  setExpectedAfter(to: Month): void {
    this.place(this.fill(-1), this.months.end + 1, to);
  }
}
