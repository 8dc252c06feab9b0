import * as R from '../money/rational.js';
import type { Client, ClientCategory, CreditRow, CreditRule, Q } from '../types.js';
import { matchesFilter } from './filter.js';
import { isDated, ownerAmong } from '../data/credit-days.js';

export interface Credit {
  rep: string;
  share: Q;
}

export const DEFAULT_CREDIT: readonly CreditRule[] = [{ when: undefined, split: [{ role: 'seller', share: R.ONE }], overlay: [], path: [] }];

/** built-in relationship roles; any other role name is looked up in credits.csv */
export const BUILTIN_ROLES = ['seller', 'owner', 'finder', 'closer'] as const;

/**
 * Who is credited with a transaction (or a signing) of this client, and by what
 * share. Explicit shares in credits.csv win; otherwise the first credit rule
 * whose `when` matches splits the credit by relationship role. A role nobody
 * holds for this client falls to the seller (the transaction's rep, else the
 * owner). The split's shares always add up to exactly 1; the rule's overlay
 * credits its roles' holders beyond that.
 */
export function creditFor(
  rules: readonly CreditRule[],
  client: Client,
  txRep: string | undefined,
  attrs: { category: ClientCategory | undefined; isNew: boolean; segment: string | undefined; ageActivation: number; ageSigning: number },
  rows: readonly CreditRow[],
): Credit[] {
  const rule = rules.find((r) => !r.when || matchesFilter(r.when, attrs)) ?? DEFAULT_CREDIT[0];
  const explicit = rows.filter((r) => r.share !== undefined);
  if (explicit.length > 0) return overlaid(merge(explicit.map((r) => ({ rep: r.rep, share: r.share as Q }))), rule, client, txRep, rows);

  const seller = txRep ?? ownerAmong(client, rows);
  const out: Credit[] = [];
  for (const { role, share } of rule.split) {
    let holders = holdersOf(role, client, txRep, rows);
    if (holders.length === 0 && seller !== undefined) holders = [seller];
    if (holders.length === 0) continue;
    const each = R.div(share, R.q(holders.length));
    for (const rep of holders) out.push({ rep, share: each });
  }
  if (out.length === 0) return overlaid([], rule, client, txRep, rows);
  // a role nobody could hold leaves a gap; give it to whoever is credited first so shares sum to 1
  const total = R.sum(out.map((c) => c.share));
  if (!R.eq(total, R.ONE)) out[0] = { rep: out[0].rep, share: R.add(out[0].share, R.sub(R.ONE, total)) };
  return overlaid(merge(out), rule, client, txRep, rows);
}

/**
 * creditFor's answer without its arrays and rationals, where it is plainly
 * one rep's or nobody's: a rule that splits to one role, no overlay, and
 * no credits.csv rows for the client in force (so every role has one holder at most,
 * and an unheld role falls to the seller). The rep credited wholly, `null`
 * for nobody; `undefined` when the case is not so plain (ask creditFor).
 */
export function soleCredit(rule: CreditRule, client: Client, txRep: string | undefined, rows: readonly CreditRow[]): string | null | undefined {
  if (rows.length > 0 || rule.overlay.length > 0 || rule.split.length !== 1) return undefined;
  // (one role's share, whatever it is, makes the whole: creditFor gives the gap to the first credited)
  const role = rule.split[0].role;
  const seller = txRep ?? client.owner;
  let holder: string | undefined;
  switch (role) {
    case 'seller':
      holder = seller;
      break;
    case 'owner':
      holder = client.owner;
      break;
    case 'finder':
      holder = client.finder;
      break;
    case 'closer':
      holder = client.closer;
      break;
    default:
      holder = undefined;
  }
  return holder ?? seller ?? null;
}

/**
 * The rule's overlay roles credited beyond the split's 100 %: each role's
 * share split equally between its holders (nobody holding it: nobody
 * credited). A rep the split credits too keeps the larger of his shares: one
 * person is not credited twice for one deal.
 */
function overlaid(credits: Credit[], rule: CreditRule, client: Client, txRep: string | undefined, rows: readonly CreditRow[]): Credit[] {
  if (rule.overlay.length === 0) return credits;
  const out = [...credits];
  for (const { role, share } of rule.overlay) {
    // (a rep named twice for the role holds it once)
    const holders = [...new Set(holdersOf(role, client, txRep, rows))];
    for (const rep of holders) {
      const each = R.div(share, R.q(holders.length));
      const at = out.findIndex((c) => c.rep === rep);
      if (at < 0) out.push({ rep, share: each });
      else if (R.cmp(each, out[at].share) > 0) out[at] = { rep, share: each };
    }
  }
  return out;
}

/**
 * Who holds a role for a client, on the day of the `rows` given (those in
 * force then): for owner, finder and closer, the dated rows of the role,
 * else clients.csv's column, else the undated rows.
 */
function holdersOf(role: string, client: Client, txRep: string | undefined, rows: readonly CreditRow[]): string[] {
  const ofRole = rows.filter((r) => r.role === role);
  const fromRows = ofRole.map((r) => r.rep);
  const column = (holder: string | undefined) => {
    const dated = ofRole.filter(isDated);
    if (dated.length > 0) return dated.map((r) => r.rep);
    return holder !== undefined ? [holder] : fromRows;
  };
  switch (role) {
    case 'seller': {
      const s = txRep ?? ownerAmong(client, rows);
      return s === undefined ? [] : [s];
    }
    case 'owner':
      return column(client.owner);
    case 'finder':
      return column(client.finder);
    case 'closer':
      return column(client.closer);
    default:
      return fromRows;
  }
}

function merge(credits: Credit[]): Credit[] {
  const byRep = new Map<string, Q>();
  for (const c of credits) byRep.set(c.rep, R.add(byRep.get(c.rep) ?? R.ZERO, c.share));
  return [...byRep].map(([rep, share]) => ({ rep, share }));
}
