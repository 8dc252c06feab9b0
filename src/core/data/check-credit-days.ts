import { warning, type Problem } from '../problems/problem.js';
import { formatDay } from '../time/month.js';
import type { CreditRow } from '../types.js';
import { isDated } from './credit-days.js';

/** the roles one rep holds at a time: two dated rows naming two holders on one day is most likely a row left open */
const ONE_HOLDER = new Set(['owner', 'finder', 'closer']);

/**
 * Dated credits.csv rows of one client's owner, finder or closer that hold
 * on a common day: the credit is split between them then, which a role that
 * changed hands does not mean (a row's `to` forgotten). One warning per
 * client and role, at the later row.
 */
export function overlappingCredits(credits: readonly CreditRow[]): Problem[] {
  const byKey = new Map<string, CreditRow[]>();
  for (const c of credits) {
    if (c.share !== undefined || !ONE_HOLDER.has(c.role) || !isDated(c)) continue;
    const key = `${c.client}\u0000${c.role}`;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const out: Problem[] = [];
  for (const rows of byKey.values()) {
    if (rows.length < 2) continue;
    const start = (r: CreditRow) => r.from ?? Number.MIN_SAFE_INTEGER;
    const sorted = [...rows].sort((a, b) => start(a) - start(b));
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1];
      const b = sorted[k];
      // b starts no later than a ends: both hold on b's first day
      if (a.to !== undefined && b.from !== undefined && a.to < b.from) continue;
      const first = b.from;
      const day = first !== undefined ? formatDay(first) : 'every day before its to';
      out.push(
        warning('inconsistent-dates', `rows ${a.source?.line ?? '?'} and ${b.source?.line ?? '?'} both name the ${b.role} of client '${b.client}' on ${day}: the credit is split between ${a.rep === b.rep ? 'them' : `'${a.rep}' and '${b.rep}'`} on the days both hold`, {
          ...(b.source ? { file: b.source.file, line: b.source.line, column: 1 } : {}),
          hint: `end one row the day before the next starts${first !== undefined ? ` (to: ${formatDay(first - 1)})` : ''}, or drop one`,
        }),
      );
      break;
    }
  }
  return out;
}
