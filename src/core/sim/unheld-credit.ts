import { BUILTIN_ROLES } from '../payout/credit.js';
import * as R from '../money/rational.js';
import { warning, type Problem } from '../problems/problem.js';
import { didYouMean, listAnd } from '../problems/suggest.js';
import type { Scheme } from '../types.js';

/**
 * The credit roles a simulated client has holders of: the built-in
 * relationship roles (seller, owner, finder, closer), and under
 * organisation pair work the role both reps of a paired client hold
 * (SimCredit's pair rows). The simulation reads no credits.csv, so any
 * other role has no holder.
 */
function simulatedRoles(scheme: Scheme): string[] {
  return [...BUILTIN_ROLES, ...(scheme.organisation.pairs ? ['pair'] : [])];
}

/**
 * A located warning for each credit role a rule names that no simulated rep
 * holds: in a split its share falls to the seller (creditFor), so a team's
 * pooled share (`split: {closer: 50%, team: 50%}`) plays as the seller's own
 * pay; in an overlay it credits nobody, so the pay on it is not simulated.
 * `payout` credits such a role by credits.csv rows; `simulate` and
 * `compare` cannot, and would say nothing.
 */
export function unheldCredit(scheme: Scheme): Problem[] {
  const held = simulatedRoles(scheme);
  const out: Problem[] = [];
  const heldWords = `a simulated client's credit roles are ${listAnd(held)} only: the simulation reads no credits.csv`;
  const pairHint = scheme.organisation.pairs ? '' : "; for two reps sharing a client's credit, use organisation pair work (organisation.pairs) and the role 'pair'";
  scheme.credit.forEach((rule) => {
    for (const { role, share } of rule.split) {
      if (held.includes(role) || R.sign(share) === 0) continue;
      const dym = didYouMean(role, held);
      out.push(
        warning('unknown-reference', `credit role '${role}' is held by no simulated rep, so its ${percent(share)} % of each sale falls to the seller: what it pools plays as the seller's own pay${dym ? `; ${dym}` : ''}`, {
          path: [...rule.path, 'split', role],
          onKey: true,
          hint: `${heldWords}${pairHint}`,
        }),
      );
    }
    for (const { role, share } of rule.overlay) {
      if (held.includes(role)) continue;
      const dym = didYouMean(role, held);
      out.push(
        warning('unknown-reference', `overlay role '${role}' is held by no simulated rep, so its ${percent(share)} % credits nobody: the pay on it is not simulated${dym ? `; ${dym}` : ''}`, {
          path: [...rule.path, 'overlay', role],
          onKey: true,
          hint: heldWords,
        }),
      );
    }
  });
  return out;
}

function percent(share: R.Q): string {
  return R.toDecimalString(R.mul(share, R.q(100)));
}
