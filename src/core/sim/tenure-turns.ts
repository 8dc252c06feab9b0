import { formulaVariables } from '../formula/parse.js';
import { TENURE, type TenureRange } from '../payout/tenure.js';
import { formulasOf } from '../scheme/formulas-of.js';
import type { SchemeView } from './scheme-view.js';
import { tenureThresholds } from './tenure-thresholds.js';

/** how far into his tenure a formula that reads it is taken to turn every month (a ramp's length, at most) */
const RAMP_READ = 36;

/**
 * The months of a rep's tenure at which the scheme's terms turn for him (his
 * first month is 1): where a tenure range of a component, a filter or a
 * formula's filter starts, the month after it ends, and where a formula's
 * comparison of his tenure with a number turns (`at`); and, where a
 * formula reads his tenure (a ramped quota), every month up to RAMP_READ
 * (`every`). A rep re-asks what outcomes are worth to him there (askRates),
 * as at a dated change of the scheme: a commission that starts in his fourth
 * month moves him in his fourth month, not at his next six-monthly look.
 */
export function tenureTurns(view: SchemeView): { at: ReadonlySet<number>; every: number } {
  let known = turns.get(view);
  if (known === undefined) turns.set(view, (known = turnsOf(view)));
  return known;
}

const turns = new WeakMap<SchemeView, { at: ReadonlySet<number>; every: number }>();

function turnsOf(view: SchemeView): { at: ReadonlySet<number>; every: number } {
  const at = new Set<number>();
  const add = (r: TenureRange | undefined) => {
    if (!r) return;
    at.add(r.from ?? 1);
    if (r.to !== undefined) at.add(r.to + 1);
  };
  for (const c of view.scheme.components) add(c.tenureMonths);
  for (const f of view.filters) add(f.tenureMonths);
  let every = 0;
  for (const f of formulasOf(view.scheme)) {
    add(f.filter?.tenureMonths);
    if (formulaVariables(f.ast).has(TENURE)) every = RAMP_READ;
    // (and where it compares his tenure with a number, the month that turns it: foreseen as a tenure range's)
    tenureThresholds(f.ast, at);
  }
  return { at, every };
}
