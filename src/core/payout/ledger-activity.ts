import type { Arith } from '../money/arith.js';
import { ActivityColumns } from '../data/activity-columns.js';
import { DecimalSum } from '../data/decimal-sum.js';
import { GrowableInt32 } from '../data/growable.js';
import { activityFacts } from '../data/facts.js';
import type { Month } from '../time/month.js';
import type { Dataset } from '../types.js';
import type { ClientLookup } from '../data/client-index.js';
import { activityOf } from './activity-of.js';
import type { MonthActivity, RepLedger } from './ledger.js';

/**
 * A rep's activity in a month as the ledger reads it from activity.csv. The
 * clients he worked on are kept as a list (of codes into the activity
 * columns' table of clients, when it reads them) and made a set the first
 * time a measure asks (clients contacted, coverage): most schemes never do,
 * and a million activity rows added to sets cost more than the rest of the row.
 */
class ReadMonthActivity<T> implements MonthActivity<T> {
  contacts = 0;
  hoursByActivity = new Map<string, T>();
  private readonly named: string[] = [];
  private readonly codes = new GrowableInt32(0);
  private set: Set<string> | undefined;

  constructor(
    public hours: T,
    /** the clients the codes stand for */
    private readonly strings: readonly string[] = [],
  ) {}

  get clients(): Set<string> {
    if (this.set === undefined) {
      const set = new Set(this.named);
      for (let k = 0; k < this.codes.length; k++) set.add(this.strings[this.codes.at(k)]);
      this.set = set;
    }
    return this.set;
  }

  set clients(set: Set<string>) {
    this.set = set;
  }

  /** a client he worked on (with contacts or hours above 0) */
  worked(client: string): void {
    if (this.set) this.set.add(client);
    else this.named.push(client);
  }

  /** `worked` of the client of that code */
  workedCode(code: number): void {
    if (this.set) this.set.add(this.strings[code]);
    else this.codes.push(code);
  }
}

/** hours summed exactly as decimals (with exact arithmetic), made the arithmetic's values once a rep-month */
interface HourSums {
  total: DecimalSum;
  byActivity: Map<string, DecimalSum>;
}

/**
 * Each rep's activity by month: the clients he worked on, his contacts, his
 * hours in all and by activity. Rows of one rep and month mostly come
 * together, so the last row's month and sums are kept at hand.
 */
export function addActivity<T>(data: Dataset<T>, reps: ReadonlyMap<string, RepLedger<T>>, clients: ClientLookup, A: Arith<T>): void {
  const activity = activityFacts(data);
  // read from the columns: hours kept as decimals are summed exactly in doubles (DecimalSum), made rationals once a rep-month,
  // not a rational added a row; each row's client is a code, and the clients worked are kept as codes
  const columns = A.exact && activity instanceof ActivityColumns ? activity : undefined;
  const hourAmounts = columns?.hourAmounts;
  const clientCodes = columns?.clientCodes();
  const sums = new Map<MonthActivity<T>, HourSums>();
  let lastRep: string | undefined;
  let lastLedger: RepLedger<T> | undefined;
  let lastMonth: Month = NaN;
  let ma: ReadMonthActivity<T> | undefined;
  let sum: HourSums | undefined;
  for (let i = 0; i < activity.length; i++) {
    const repId = activity.rep(i);
    const month = activity.month(i);
    if (repId !== lastRep || month !== lastMonth || ma === undefined) {
      const ledger = repId === lastRep ? lastLedger : reps.get(repId);
      lastRep = repId;
      lastLedger = ledger;
      lastMonth = month;
      if (!ledger) {
        ma = undefined;
        continue;
      }
      let found = ledger.activity.get(month) as ReadMonthActivity<T> | undefined;
      if (!found) ledger.activity.set(month, (found = new ReadMonthActivity<T>(A.zero, clientCodes?.strings)));
      ma = found;
      sum = undefined;
      if (hourAmounts) {
        sum = sums.get(ma);
        if (!sum) sums.set(ma, (sum = { total: new DecimalSum(), byActivity: new Map() }));
      }
    }
    const contacts = activity.contacts(i);
    if (hourAmounts && sum && clientCodes) {
      const code = clientCodes.codes[i];
      const client = code >= 0 ? clientCodes.strings[code] : undefined;
      const kind = activity.activity(i) ?? activityOf(client ? clients.get(client) : undefined, month);
      const units = hourAmounts.unitsAt(i);
      const decimal = units === units;
      if (code >= 0 && (contacts > 0 || (decimal ? units > 0 : hourAmounts.sign(i) > 0))) ma.workedCode(code);
      ma.contacts += contacts;
      let byActivity = sum.byActivity.get(kind);
      if (!byActivity) sum.byActivity.set(kind, (byActivity = new DecimalSum()));
      if (decimal) {
        const places = hourAmounts.placesAt(i);
        sum.total.add(units, places);
        byActivity.add(units, places);
      } else {
        sum.total.addRational(hourAmounts.get(i));
        byActivity.addRational(hourAmounts.get(i));
      }
      continue;
    }
    const client = activity.client(i);
    const kind = activity.activity(i) ?? activityOf(client ? clients.get(client) : undefined, month);
    const hours = activity.hours(i);
    if (client !== undefined && (contacts > 0 || A.sign(hours) > 0)) ma.worked(client);
    ma.contacts += contacts;
    ma.hours = A.add(ma.hours, hours);
    ma.hoursByActivity.set(kind, A.add(ma.hoursByActivity.get(kind) ?? A.zero, hours));
  }
  // (only with exact arithmetic, where T is Q)
  for (const [ma, sum] of sums) {
    ma.hours = sum.total.value() as unknown as T;
    for (const [kind, hours] of sum.byActivity) ma.hoursByActivity.set(kind, hours.value() as unknown as T);
  }
}
