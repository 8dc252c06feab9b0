import type { Decision } from './decision.js';
import { expectedMonth } from './expected-month.js';
import { changeMonths } from './months-alike.js';
import { copyRateSet, nextFromNow, rateSetMoved } from './rates.js';
import { laterChange } from './later-change.js';
import { projectRates } from './projected-book.js';
import { tenureTurns } from './tenure-turns.js';
import { tenureMonths } from '../payout/tenure.js';
import { periodOf } from '../time/period.js';

/**
 * A rep asks the engine (his Prober) what each unit of outcome is worth to
 * him on the month he expects: every month while his pay bends with his luck
 * (a bonus, a cap), else while its answers move, whenever a term of the
 * scheme changes, and at the start of each of its periods; forced,
 * he asks now, and for the months ahead too.
 */
export function askRates(d: Decision, force: boolean): void {
  const { sim, s, r } = d;
  const { t, month } = s;
  const prober = s.probers[r];
  const rates = sim.rates;
  // a term of the scheme changes now (a dated rate, a component's from or to: a SPIFF starts or ends): he asks again,
  // however still his answers had held; one changing next month changes what the months after this one pay
  const changes = changeMonths(s.view.scheme);
  const changesNow = changes.includes(month);
  // and where his tenure turns a term (a commission from his fourth month, a ramped quota)
  const tenure = tenureTurns(s.view);
  const served = tenureMonths(s.reps[r], month);
  const tenureTurnsNext = served > 0 && (served + 1 <= tenure.every || tenure.at.has(served) || tenure.at.has(served + 1));
  // a term that changes past the next period, within his horizon (laterChange): he foresees it from the month it comes
  // within his horizon, not at his next look (a scheme paid in parts: past the shortest part's open period, part-rates.ts)
  const parts = prober.engines.parts;
  const left = parts.length === 1 ? d.left : Math.min(...parts.map((p) => periodOf(p.kind, month, s.view.scheme.fiscalYearStart).end - month + 1));
  const later = laterChange(month, left, s.sc.decision.horizonMonths, changes, tenure.at, served);
  // and where he has come to stand on a guarantee, or left it
  const changesNext = changesNow || changes.includes(month + 1) || tenureTurnsNext || later !== s.laterAt[r] || prober.engines.floorTurned(s.payers[r]!, month);
  // a new period of one of its components (a quarter's quota, a year's gate on hours) starts afresh: what held still in the last one may not now
  const periodStarts = s.view.periodLengths.some((n) => (((month - (s.view.scheme.fiscalYearStart - 1)) % n) + n) % n === 0);
  if (!force && !changesNext && !periodStarts && t < s.nextProbe[r]) return;
  const expected = expectedMonth(sim, s, r, d.season(0), prober.expectedInto, s.view.clientTotals, d.planned);
  prober.rates(s.payers[r]!, month, expected, d.unit, d.avgMargin, d.luck, rates, false, d.supply);
  const moved = rateSetMoved(rates, d.mine);
  copyRateSet(rates, d.mine);
  if (!force) {
    s.stableProbes[r] = moved || !prober.linear ? 0 : s.stableProbes[r] + 1;
    s.nextProbe[r] = t + (s.stableProbes[r] >= 2 ? 6 : 1);
  }
  if (force || changesNext || t >= s.nextFresh[r]) {
    // (asked just now: where the month after pays as this one, its answers are these)
    if (prober.nextIsNow(month)) nextFromNow(rates, d.next);
    else prober.rates(s.payers[r]!, month, expected, d.unit, d.avgMargin, d.luck, d.next, true, d.supply);
    s.nextFresh[r] = t + 3;
    // the rates of the period a later change starts in stand for the months from it
    s.laterAt[r] = later;
    if (later > 0) prober.rates(s.payers[r]!, month, expected, d.unit, d.avgMargin, d.luck, s.repLater[r], true, d.supply, later);
    // and where no term changes, those of the middle of his horizon on his book as it will have grown (or shrunk) by then
    s.projectedAt[r] = later > 0 || !s.project ? 0 : projectRates(d, expected, left);
  }
}
