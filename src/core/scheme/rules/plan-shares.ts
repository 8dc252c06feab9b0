import { componentType } from '../../components/registry.js';
import * as R from '../../money/rational.js';
import { warning } from '../../problems/problem.js';
import type { Band, Path, Q } from '../../types.js';
import type { Rule } from './rule.js';

/** the most a share of plan is likely meant to be: past it, `100` was written for 100 % */
const MOST = R.q(10);

/**
 * A threshold, band bound or gate bound on a plan's attainment is a share of
 * plan: `threshold: 100` is 10,000 %, which no rep reaches, so the rule never
 * pays (or always stops). Above 1,000 % it is a warning (`rate-range`), as a
 * rate of pay written 10 for 10 % is an error: the likely slip is the same.
 * So is a multiplier's factor above 10 (`factor: 150` for 150 %).
 */
export const planShares: Rule = (scheme, report) => {
  const check = (x: Q | undefined, path: Path, what: string, plan: string) => {
    if (x === undefined || R.cmp(x, MOST) <= 0) return;
    const text = R.toDecimalString(x);
    report(
      warning('rate-range', `${what} ${text} means ${R.toDecimalString(R.mul(x, R.q(100)))} % of plan '${plan}'`, {
        path,
        hint: `a share of plan is written as a percentage or a fraction: '${text}%' or ${R.toDecimalString(R.div(x, R.q(100)))} for ${text} %`,
      }),
    );
  };
  for (const c of scheme.components) {
    const type = componentType(c.type);
    if (!type) continue;
    // a factor of 150 multiplies pay 150 times: '150%' was meant
    for (const list of type.bandLists?.(c.spec) ?? []) {
      if (list.value !== 'factor') continue;
      for (const b of list.bands) {
        if (b.factor === undefined || R.cmp(b.factor, MOST) <= 0) continue;
        const text = R.toDecimalString(b.factor);
        report(warning('rate-range', `factor ${text} multiplies pay ${text} times`, { path: [...b.path, 'factor'], hint: `a factor is written as a percentage or a fraction: '${text}%' or ${R.toDecimalString(R.div(b.factor, R.q(100)))} for ${text} %` }));
      }
    }
    const g = c.gate;
    if (g && g.basis.kind === 'plan') {
      check(g.min, [...g.path, 'min'], 'gate min', g.basis.plan);
      check(g.below, [...g.path, 'below'], 'gate below', g.basis.plan);
    }
    const plan = type.references(c.spec, scheme).find((r) => r.kind === 'basis' && r.basis.kind === 'plan');
    if (!plan || plan.kind !== 'basis' || plan.basis.kind !== 'plan') continue;
    const own = (c.spec as { bands?: readonly Band[] }).bands;
    const bands = [...(type.bandLists?.(c.spec).flatMap((l) => l.bands) ?? []), ...(own ?? [])];
    const seen = new Set<Band>();
    for (const b of bands) {
      if (seen.has(b)) continue;
      seen.add(b);
      // a single threshold is kept as a band at the component's own path
      const single = b.path.length === c.path.length;
      if (!b.fromTerm) check(b.from, single ? [...c.path, 'threshold'] : [...b.path, 'from'], single ? 'threshold' : 'band from', plan.basis.plan);
      check(b.to, [...b.path, 'to'], 'band to', plan.basis.plan);
    }
  }
};
