import { formulaVariables } from '../formula/parse.js';
import type { RepLedger } from '../payout/ledger.js';
import { TENURE } from '../payout/tenure.js';
import { formulasOf } from '../scheme/formulas-of.js';
import { lastDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Scheme } from '../types.js';
import type { SchemeView } from './scheme-view.js';
import { valueText } from './same-rules.js';

/**
 * Component types whose pay in a month reads only that month's facts and
 * terms: no state kept from month to month (a draw's balance), no earlier
 * periods (growth), no clients' past (upsell), no team or month number of its
 * own (override, a rep formula's `month`). A type not named here is never
 * taken to pay two alike months alike: the probes then ask the engine for
 * every month.
 */
const MONTH_ONLY_TYPES: ReadonlySet<string> = new Set(['salary', 'commission', 'bonus', 'fine', 'per_unit', 'multiplier', 'rating', 'deduction', 'formula']);

/**
 * Whether the scheme pays a rep two months alike when their facts are alike
 * and nothing dated changes between them: monthly periods only, no look-back
 * (prior(), a ratchet), no ramp by tenure, no seasonal plan, no clawback, no
 * roles, and only the month-only component types. Months of a client's age
 * move his owned clients between age classes, so owned-client measures with
 * age filters are out too.
 */
export function paysMonthsAlike(view: SchemeView): boolean {
  let known = alike.get(view);
  if (known === undefined) alike.set(view, (known = schemePaysMonthsAlike(view)));
  return known;
}

const alike = new WeakMap<SchemeView, boolean>();

function schemePaysMonthsAlike(view: SchemeView): boolean {
  const scheme = view.scheme;
  if (view.longestPeriod !== 1 || view.lookBack > 0 || view.echo > 0) return false;
  if (view.ageKind !== 'none' && view.owned) return false;
  for (const c of scheme.components) {
    if (!MONTH_ONLY_TYPES.has(c.type) || c.roles !== undefined || c.tenureMonths !== undefined || c.clawback !== undefined) return false;
  }
  for (const p of scheme.plans.values()) if (p.seasonality !== undefined) return false;
  if (view.filters.some((f) => f.tenureMonths !== undefined)) return false;
  for (const f of formulasOf(scheme)) {
    if (f.filter?.tenureMonths !== undefined || formulaVariables(f.ast).has(TENURE)) return false;
  }
  return true;
}

/** the months a scheme's terms change in: each dated value's first month, a component's first month and the month after its last */
export function changeMonths(scheme: Scheme): readonly Month[] {
  let known = changes.get(scheme);
  if (known === undefined) changes.set(scheme, (known = schemeChangeMonths(scheme)));
  return known;
}

const changes = new WeakMap<Scheme, readonly Month[]>();

function schemeChangeMonths(scheme: Scheme): Month[] {
  const out = new Set<Month>();
  // a dated value is a list of {from, value}: found by its shape wherever a type keeps one
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (x instanceof Map) {
      for (const v of x.values()) visit(v);
      return;
    }
    if (Array.isArray(x)) {
      // (a value dated again as it was changes nothing: QA, a plan written month by month with two months alike re-probed there)
      let before: { value: unknown } | undefined;
      for (const v of x) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'from' in v && 'value' in v && Object.keys(v).length === 2) {
          const dated = v as { from: unknown; value: unknown };
          if (typeof dated.from === 'number' && (before === undefined || valueText(before.value) !== valueText(dated.value))) out.add(dated.from);
          before = dated;
        }
        visit(v);
      }
      return;
    }
    if (Object.getPrototypeOf(x) !== Object.prototype) return; // rationals
    for (const v of Object.values(x)) visit(v);
  };
  for (const c of scheme.components) {
    if (c.from !== undefined) out.add(c.from);
    if (c.to !== undefined) out.add(c.to + 1);
    visit(c.spec);
    visit(c.cap);
    visit(c.gate);
  }
  visit(scheme.plans);
  visit(scheme.variableCap);
  return [...out].sort((a, b) => a - b);
}

/**
 * The first month of [lo, hi] from which a rep's months on his probe ledger
 * are alike up to hi (hi + 1 when none is): the same lists of sales,
 * payments, events and activity in each; none of his receivables, owned
 * clients or his own days of employment turning over a month's end there;
 * no term of the scheme changing. Under a scheme that pays months alike
 * (paysMonthsAlike), the engine's pay of that month is then his pay of every
 * month after it up to hi. Conservative: a change is taken to fall a day
 * later than it may, never earlier. With `sameLists` false, the fact lists
 * are the caller's to vouch for.
 */
export function alikeFrom(view: SchemeView, led: RepLedger<number>, lo: Month, hi: Month, sameLists = true): Month {
  let from = lo;
  const turn = (k: Month) => {
    if (k > from) from = k;
  };
  // a day's fact (sold, due, paid; signed, activated, lost; started, left) reads alike at every month's end from the month of the
  // day after it: the latest such day before hi's last says the last month one turns in (one calendar reckoning, not one a day)
  const limit = lastDay(hi);
  let latest = -Infinity;
  const at = (d: Day | undefined) => {
    if (d !== undefined && d < limit && d > latest) latest = d;
  };
  for (const k of changeMonths(view.scheme)) if (k > lo && k <= hi) turn(k);
  const rep = led.rep;
  if (rep.spans !== undefined) return hi + 1;
  at(rep.start);
  if (rep.end !== undefined) {
    at(rep.end);
    if (monthOfDay(rep.end) + 1 <= hi) turn(monthOfDay(rep.end) + 1);
  }
  for (const tx of led.all) {
    at(tx.day);
    at(tx.due);
    at(tx.paid);
  }
  for (const c of led.owned) {
    at(c.signed);
    at(c.activated);
    at(c.lost);
  }
  if (latest > -Infinity) turn(monthOfDay(latest + 1));
  if (!sameLists) return from;
  for (let k = lo + 1; k <= hi; k++) {
    if (led.txByMonth.get(k) !== led.txByMonth.get(k - 1) || led.paidByMonth.get(k) !== led.paidByMonth.get(k - 1)) turn(k);
    else if (led.events.get(k) !== led.events.get(k - 1) || led.activity.get(k) !== led.activity.get(k - 1)) turn(k);
  }
  return from;
}
