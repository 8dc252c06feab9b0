import { signedMoneyMinor } from '../money/format.js';
import { toMinor } from '../money/rational.js';
import { ADJUSTMENTS, adjustmentRule } from '../payout/adjustments.js';
import { formatDay, monthOfDay } from '../time/month.js';
import type { Adjustment } from '../types.js';
import type { CurrentInputs } from './apply-locks.js';
import type { LockedLine, LockedRep, PeriodLock } from './lock-book.js';

/**
 * What differs, for one rep, from the inputs a month was locked on, in
 * words: the transactions dated in the month added or removed since that
 * can move his pay (his own sales, his team's), the rows of adjustments.csv
 * of his dated in the month added or removed since, an edit of the scheme;
 * else that the data changed. Worked out once per lock, asked per rep.
 */
export function whyChanged(lock: PeriodLock, now: CurrentInputs, minorDigits: number): (rep: string, lockedRep: LockedRep | undefined) => string {
  const then = lock.inputs;
  const before = new Set(then.transactions);
  const inMonth = now.transactions.filter((t) => monthOfDay(t.day) === lock.month);
  const present = new Set(inMonth.map((t) => t.id));
  const addedAll = inMonth.filter((t) => !before.has(t.id));
  const adjustmentsNow = now.adjustments.filter((a) => monthOfDay(a.day) === lock.month);
  return (rep, lockedRep) => {
    const added = addedAll.filter((t) => t.reps.includes(rep));
    // (a lock written before locks kept each rep's transactions cannot tell whose a removed one was: it names them all)
    const removed = (lockedRep?.transactions ?? then.transactions).filter((id) => !present.has(id));
    const rows = adjustmentsMoved(
      (lockedRep?.lines ?? []).filter((l) => l.component === ADJUSTMENTS),
      adjustmentsNow.filter((a) => a.rep === rep),
      minorDigits,
    );
    const parts: string[] = [];
    if (added.length) {
      const named = added.slice(0, 3).map((t) => `${t.id} dated ${formatDay(t.day)}`);
      parts.push(added.length === 1 ? `a transaction dated ${formatDay(added[0].day)} added after the lock: ${added[0].id}` : `${added.length} transactions added after the lock: ${named.join(', ')}${more(added.length)}`);
    }
    if (removed.length) parts.push(`${removed.length === 1 ? 'a transaction' : `${removed.length} transactions`} removed after the lock: ${removed.slice(0, 3).join(', ')}${more(removed.length)}`);
    if (rows.added.length) parts.push(`${rowsText(rows.added.length)} added after the lock: ${rows.added.slice(0, 3).map(addedText).join('; ')}${more(rows.added.length)}`);
    if (rows.removed.length) parts.push(`${rowsText(rows.removed.length)} removed after the lock: ${rows.removed.slice(0, 3).map((l) => `${l.explain?.rule ?? l.type}, ${signedMoneyMinor(l.amountMinor, minorDigits)}`).join('; ')}${more(rows.removed.length)}`);
    if (now.schemeSha256 !== then.schemeSha256) parts.push('the scheme changed after the lock');
    if (!added.length && !removed.length && !rows.added.length && !rows.removed.length && now.dataSha256 !== then.dataSha256) parts.push('the data changed after the lock');
    return parts.length ? parts.join('; ') : 'the pay of the locked month differs from its locked figures';

    function addedText(a: Adjustment): string {
      return `${adjustmentRule(a)}, ${signedMoneyMinor(toMinor(a.amount, minorDigits, 'half-up'), minorDigits)}${a.source ? ` (${a.source.file}:${a.source.line})` : ''}`;
    }
  };
}

function more(n: number): string {
  return n > 3 ? ` and ${n - 3} more` : '';
}

function rowsText(n: number): string {
  return n === 1 ? 'an adjustments.csv row' : `${n} adjustments.csv rows`;
}

/** the rows of adjustments.csv a rep's locked month did not pay, and the lines it paid for rows there are no longer: matched by kind, amount, variable and note */
function adjustmentsMoved(locked: readonly LockedLine[], now: readonly Adjustment[], minorDigits: number): { added: Adjustment[]; removed: LockedLine[] } {
  const unmatched = [...locked];
  const added: Adjustment[] = [];
  for (const a of now) {
    const amountMinor = toMinor(a.amount, minorDigits, 'half-up');
    const at = unmatched.findIndex((l) => l.type === a.kind && l.amountMinor === amountMinor && l.variable === a.variable && (l.explain?.rule ?? adjustmentRule(a)) === adjustmentRule(a));
    if (at >= 0) unmatched.splice(at, 1);
    else added.push(a);
  }
  return { added, removed: unmatched };
}
