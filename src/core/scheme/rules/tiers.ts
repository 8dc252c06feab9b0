import { componentType } from '../../components/registry.js';
import * as R from '../../money/rational.js';
import { problem } from '../../problems/problem.js';
import type { Rule } from './rule.js';

/** bands ascend, do not overlap, leave no gaps, and only the last is open-ended */
export const tierOrder: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    const lists = componentType(c.type)!.bandLists?.(c.spec) ?? [];
    for (const list of lists) {
      const bands = list.bands;
      bands.forEach((b, i) => {
        if (b.to !== undefined && R.cmp(b.to, b.from) <= 0) {
          report(problem('tier-order', `band ${i + 1} ends (${R.toDecimalString(b.to)}) at or before it starts (${R.toDecimalString(b.from)})`, { path: [...b.path, 'to'] }));
        }
        if (i === 0) return;
        const prev = bands[i - 1];
        if (R.cmp(b.from, prev.from) <= 0) {
          report(
            problem('tier-order', `bands must be in ascending order: band ${i + 1} starts at ${R.toDecimalString(b.from)}, not above band ${i}'s ${R.toDecimalString(prev.from)}`, {
              path: [...b.path, 'from'],
              hint: "sort the bands by 'from'",
            }),
          );
          return;
        }
        if (list.value === 'amount') return; // lump-sum bands are thresholds: only the order matters
        if (prev.to === undefined) {
          report(
            problem('tier-overlap', `band ${i} has no 'to', so it overlaps band ${i + 1}`, {
              path: prev.path,
              hint: `give band ${i} 'to: ${R.toDecimalString(b.from)}'; only the last band may be open-ended`,
            }),
          );
        } else if (R.cmp(prev.to, b.from) > 0) {
          report(
            problem('tier-overlap', `band ${i} (to ${R.toDecimalString(prev.to)}) overlaps band ${i + 1} (from ${R.toDecimalString(b.from)})`, {
              path: [...b.path, 'from'],
              hint: `start band ${i + 1} where band ${i} ends`,
            }),
          );
        } else if (R.cmp(prev.to, b.from) < 0) {
          report(
            problem('tier-gap', `there is a gap between band ${i} (to ${R.toDecimalString(prev.to)}) and band ${i + 1} (from ${R.toDecimalString(b.from)})`, {
              path: [...b.path, 'from'],
              hint: `start band ${i + 1} at ${R.toDecimalString(prev.to)}`,
            }),
          );
        }
      });
    }
  }
};
