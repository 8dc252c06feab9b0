import { logDensity, mean } from '../scenario/distributions.js';
import type { SegmentSpec } from '../scenario/types.js';

/**
 * The scenario segment a client of the data starts in where clients.csv
 * gives it none the scenario has (a CRM's own segment names): the one its
 * purchases fit best, by the segment's share times the density of its
 * revenue at the client's potential (its recent monthly purchase at a
 * typical share of wallet); one that bought nothing lately, the most common
 * segment. QA: every such client went to the scenario's first segment (its
 * key accounts, a fifth of the book), whatever it bought.
 */
export function likeliestSegment(segments: readonly SegmentSpec[], potential: number | undefined): number {
  let best = 0;
  let score = -Infinity;
  for (let g = 0; g < segments.length; g++) {
    const s = potential !== undefined && potential > 0 ? Math.log(segments[g].share) + logDensity(segments[g].revenue, potential) : Math.log(segments[g].share);
    if (s > score) [best, score] = [g, s];
  }
  // (a purchase no segment's revenue reaches: the one whose typical revenue is nearest on a log scale)
  if (score === -Infinity && potential !== undefined && potential > 0) {
    let nearest = Infinity;
    segments.forEach((seg, g) => {
      const gap = Math.abs(Math.log(potential / Math.max(1e-9, mean(seg.revenue))));
      if (gap < nearest) [best, nearest] = [g, gap];
    });
  }
  return best;
}

