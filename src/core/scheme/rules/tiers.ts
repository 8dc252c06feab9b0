import { componentType } from '../../components/registry.js';
import type { BandList } from '../../components/component.js';
import * as R from '../../money/rational.js';
import { problem, warning } from '../../problems/problem.js';
import type { Basis, Q, Tiers } from '../../types.js';
import type { Rule } from './rule.js';

/** what a band list looks at: the tiers' basis, or the component's own (multipliers, bonuses) */
function basisOf(spec: unknown, list: BandList): Basis | undefined {
  const s = spec as { tiers?: { bands: readonly unknown[]; basis: Basis }; basis?: Basis };
  if (s.tiers && s.tiers.bands === list.bands) return s.tiers.basis;
  return s.basis;
}

/** a bound as the user most likely wrote it: attainment of a plan in %, anything else as a number */
export function bound(x: Q, basis: Basis | undefined): string {
  return basis?.kind === 'plan' ? `${R.toDecimalString(R.mul(x, R.q(100)), 4)}%` : R.toDecimalString(x);
}

/** bands ascend, do not overlap, leave no gaps, and only the last is open-ended */
export const tierOrder: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    const lists = componentType(c.type)?.bandLists?.(c.spec) ?? [];
    for (const list of lists) {
      const bands = list.bands;
      const show = (x: Q) => bound(x, basisOf(c.spec, list));
      bands.forEach((b, i) => {
        const n = i + 1;
        if (b.to !== undefined && R.cmp(b.to, b.from) <= 0) {
          report(
            problem('tier-order', `band ${n} ends (to: ${show(b.to)}) at or before it starts (from: ${show(b.from)})`, {
              path: [...b.path, 'to'],
              hint: "a band's 'to' must be above its 'from'",
            }),
          );
        }
        if (i === 0) return;
        const prev = bands[i - 1];
        if (R.cmp(b.from, prev.from) <= 0) {
          report(
            problem('tier-order', `bands must ascend: band ${n} starts at ${show(b.from)}, which is not above band ${i}'s start ${show(prev.from)}`, {
              path: [...b.path, 'from'],
              hint: "sort the bands by 'from', lowest first",
            }),
          );
          return;
        }
        if (list.value === 'amount') return; // lump-sum bands are thresholds: only the order matters
        if (prev.to === undefined) {
          report(
            problem('tier-overlap', `band ${i} has no 'to', so it runs on into band ${n}`, {
              path: prev.path,
              hint: `give band ${i} 'to: ${show(b.from)}'; only the last band may be open-ended`,
            }),
          );
        } else if (R.cmp(prev.to, b.from) > 0) {
          report(
            problem('tier-overlap', `band ${n} starts at ${show(b.from)}, inside band ${i} (which runs to ${show(prev.to)}): the bands overlap`, {
              path: [...b.path, 'from'],
              hint: `start band ${n} where band ${i} ends: 'from: ${show(prev.to)}'`,
            }),
          );
        } else if (R.cmp(prev.to, b.from) < 0) {
          report(
            problem('tier-gap', `gap between the bands: band ${i} ends at ${show(prev.to)} but band ${n} starts at ${show(b.from)}, so nothing in between pays`, {
              path: [...b.path, 'from'],
              hint: `start band ${n} at ${show(prev.to)}, or end band ${i} at ${show(b.from)}`,
            }),
          );
        }
      });
    }
  }
};

/**
 * Marginal tiers measure each band's part between 0 and the basis, and pay a
 * basis below 0 (a refund month) at the rate of the band that holds 0
 * (docs/schemes.md, rates and tiers): what a band reaches below 0 is never
 * paid. A band wholly below 0 is refused (it never pays); a band that holds
 * 0 and starts below it pays as if it started at 0, which is said, since a
 * negative first edge is the obvious but idle way to let refunds count.
 */
export const marginalBelowZero: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    const tiers = (c.spec as { tiers?: Tiers }).tiers;
    if (!tiers || tiers.mode !== 'marginal') continue;
    const show = (x: Q) => bound(x, tiers.basis);
    tiers.bands.forEach((b, i) => {
      if (R.sign(b.from) >= 0) return;
      const n = i + 1;
      if (b.to !== undefined && R.sign(b.to) <= 0) {
        report(
          problem('bad-value', `band ${n} lies below 0 (from: ${show(b.from)}, to: ${show(b.to)}): marginal tiers pay the part of each band between 0 and the basis, and a basis below 0 (a refund month) at the rate of the band that holds 0, so this band never pays`, {
            path: [...b.path, 'from'],
            hint: "drop the band and start the next one at 'from: 0': a refund month nets at that band's rate; for a rate on whatever the basis falls in, write 'mode: retroactive'",
          }),
        );
        return;
      }
      report(
        warning('bad-value', `band ${n} starts below 0 (from: ${show(b.from)}): marginal tiers count a band's part from 0 and pay a basis below 0 (a refund month) at this band's rate anyway, so this edge pays as 'from: 0' does`, {
          path: [...b.path, 'from'],
          hint: "write 'from: 0'",
        }),
      );
    });
  }
};
