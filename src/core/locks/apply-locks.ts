import * as R from '../money/rational.js';
import { fromMinor, toMinor } from '../money/rational.js';
import { moneyMinor as money, signedMoneyMinor as signed } from '../money/format.js';
import { formatMonth, type Day, type Month } from '../time/month.js';
import type { Adjustment, Line, PayoutResult, Q, RepMonth } from '../types.js';
import { paidLine, type LockBook, type LockedLine } from './lock-book.js';
import { whyChanged } from './why-changed.js';

/** what the pay is computed on now, to say why a locked period's pay moved */
export interface CurrentInputs {
  schemeSha256: string;
  dataSha256: string;
  /** each transaction's id and day, and the reps whose pay it can move (transactionReach) */
  transactions: readonly { id: string; day: Day; reps: readonly string[] }[];
  /** adjustments.csv's rows */
  adjustments: readonly Adjustment[];
}

/** a difference between what a locked month pays now and what it paid when locked */
export interface LateChange {
  rep: string;
  locked: Month;
  /** now minus locked, in minor units */
  amountMinor: bigint;
  /** the parts of pay it is paid in, each its own line (variable pay, fixed pay), those that moved: they sum to amountMinor */
  parts: { part: string; amountMinor: bigint }[];
  /** the month it is paid in, or undefined when the payout has no unlocked month after the lock for the rep */
  paidIn: Month | undefined;
}

export interface LockedPayout {
  result: PayoutResult<Q>;
  /** locked months the payout went through, their figures kept */
  kept: Month[];
  changes: LateChange[];
}

/** component name of the adjustment line a late change is paid by */
export const LATE_CHANGE = 'late_change';

/** a line as a part of pay sees it: its kind and component, whether it is variable, its amount in minor units */
type PartLine = Pick<LockedLine, 'component' | 'kind' | 'variable' | 'amountMinor'>;

/**
 * The part of a month's pay a line is in. A late change is paid part by
 * part, so that every part a month reports sums its own lines after the
 * change as before: variable pay (a month's variable is the sum of its
 * variable lines), fixed pay, and each draw (what a rep owes of a
 * recoverable draw is the sum of its lines: a late change to a locked
 * month's top-up is a line of that draw).
 */
function partOf(l: PartLine): string {
  if (l.kind === 'draw') return `${l.component} (draw)`;
  return l.variable ? 'variable pay' : 'fixed pay';
}

/** the order a month's late change lines come in: variable pay, fixed pay, then the draws */
function partRank(part: string): number {
  return part === 'variable pay' ? 0 : part === 'fixed pay' ? 1 : 2;
}

/** each part's sum over the lines, in the order the parts first come */
function partSums(lines: readonly PartLine[]): Map<string, { minor: bigint; like: PartLine }> {
  const sums = new Map<string, { minor: bigint; like: PartLine }>();
  for (const l of lines) {
    const part = partOf(l);
    const sum = sums.get(part);
    if (sum) sum.minor += l.amountMinor;
    else sums.set(part, { minor: l.amountMinor, like: l });
  }
  return sums;
}

const minorOfPart = (sums: ReadonlyMap<string, { minor: bigint }>, part: string) => sums.get(part)?.minor ?? 0n;

/**
 * Pay locked months as they were locked, and each rep's difference between
 * what a locked month pays now and what it paid then as `adjustment` lines
 * in his first month after it that is not locked, one for each part of pay
 * that moved (variable, fixed): history is not rewritten, and the months
 * together still pay what the scheme pays on the data now, part by part.
 * Months after a lock are paid on the data as it is (a draw balance, a
 * quarter's earlier months): only the locked month's own figures are kept.
 */
export function applyLocks(result: PayoutResult<Q>, book: LockBook, now: CurrentInputs, advances: ReadonlySet<string> = new Set()): LockedPayout {
  const d = result.minorDigits;
  const lockedMonths = new Set(book.locks.map((l) => l.month));
  const rows: RepMonth<Q>[] = [];
  const byRep = new Map<string, RepMonth<Q>[]>();
  for (const row of result.rows) {
    const copy = { ...row, lines: [...row.lines] };
    rows.push(copy);
    byRep.set(row.rep, [...(byRep.get(row.rep) ?? []), copy]);
  }
  const kept: Month[] = [];
  const changes: LateChange[] = [];
  // the late changes locked months paid, by rep and the month they changed: that month is paid them already, and the month that
  // paid one is compared without it (QA: a late change paid in a month locked since was paid again in every later month, with a
  // made-up reverse line for the month that had paid it)
  const paidLate = new Map<string, PartLine[]>();
  for (const lock of book.locks)
    for (const rep of lock.reps)
      for (const l of rep.lines.filter(isLateChange)) {
        const key = `${rep.id}\u0000${l.target}`;
        const lines = paidLate.get(key);
        if (lines) lines.push(l);
        else paidLate.set(key, [l]);
      }
  for (const lock of book.locks) {
    const rowsNow = rows.filter((r) => r.month === lock.month);
    if (rowsNow.length === 0 && !lock.reps.some((r) => byRep.has(r.id))) continue;
    kept.push(lock.month);
    const why = whyChanged(lock, now, d);
    for (const row of rowsNow) {
      const locked = lock.reps.find((r) => r.id === row.rep);
      const nowParts = partSums(row.lines.map((l) => ({ ...l, amountMinor: toMinor(l.amount, d, 'half-up') })));
      row.lines = (locked?.lines ?? []).map((l) => paidLine(l, d));
      row.total = fromMinor(locked?.totalMinor ?? 0n, d);
      row.variable = fromMinor(locked?.variableMinor ?? 0n, d);
      // what the month itself paid when locked (its own late changes paid for earlier months aside), and what later locked months paid for it
      const ownParts = partSums((locked?.lines ?? []).filter((l) => !isLateChange(l)));
      const latePaid = paidLate.get(`${row.rep}\u0000${formatMonth(lock.month)}`) ?? [];
      const alreadyParts = partSums(latePaid);
      const moved = [...new Set([...nowParts.keys(), ...ownParts.keys(), ...alreadyParts.keys()])]
        .map((part) => ({
          part,
          like: (nowParts.get(part) ?? ownParts.get(part) ?? alreadyParts.get(part))!.like,
          now: minorOfPart(nowParts, part),
          own: minorOfPart(ownParts, part),
          already: minorOfPart(alreadyParts, part),
        }))
        .map((p) => ({ ...p, amountMinor: p.now - p.own - p.already }))
        .filter((p) => p.amountMinor !== 0n)
        .sort((a, b) => partRank(a.part) - partRank(b.part));
      if (moved.length === 0) continue;
      // a lock file written before late changes were paid part by part holds one line for a month's whole difference, which may
      // have carried parts moving apart: where the parts now sum to nothing, that line settled them (review: a +x/-x pair was
      // paid in every later month)
      const amountMinor = moved.reduce((a, p) => a + p.amountMinor, 0n);
      if (latePaid.some(isWholeLateChange) && moved.every((p) => p.like.kind !== 'draw') && amountMinor === 0n) continue;
      const target = byRep.get(row.rep)!.find((r) => r.month > lock.month && !lockedMonths.has(r.month));
      const change: LateChange = {
        rep: row.rep,
        locked: lock.month,
        amountMinor,
        parts: moved.map((p) => ({ part: p.part, amountMinor: p.amountMinor })),
        paidIn: target?.month,
      };
      changes.push(change);
      if (!target) continue;
      const reasons = why(row.rep, locked);
      for (const p of moved) {
        // one part moved: the line is the month's whole difference, in totals; several: each line its part's. A draw's is
        // always its own, a line of the draw (QA: a late sale a recoverable draw's top-up absorbed left no line, and
        // what the rep owed back moved with nothing to say so)
        const draw = p.like.kind === 'draw';
        const whole = moved.length === 1 && !draw;
        const [nowMinor, ownMinor, alreadyMinor] = whole ? [sumOf(nowParts), sumOf(ownParts), sumOf(alreadyParts)] : [p.now, p.own, p.already];
        const amount = fromMinor(p.amountMinor, d);
        const notes = [
          ...(draw && advances.has(p.like.component) ? [`what ${row.rep} owes back of ${p.like.component} moves by ${signed(p.amountMinor, d)} with this line`] : []),
          ...(moved.length > 1 ? [`${formatMonth(lock.month)} differs by ${differsBy(change, d)}`] : []),
        ];
        const line: Line<Q> = {
          component: draw ? p.like.component : LATE_CHANGE,
          type: draw ? 'draw' : 'adjustment',
          kind: draw ? 'draw' : 'adjustment',
          period: formatMonth(target.month),
          amount,
          variable: p.like.variable,
          target: formatMonth(lock.month),
          explain: {
            rule: `late change to locked ${formatMonth(lock.month)}${whole ? '' : `, ${p.part}`}: ${signed(p.amountMinor, d)} (${reasons})`,
            arithmetic: `${money(nowMinor, d)} ${whole ? 'paid' : draw ? 'drawn' : p.part} now for ${formatMonth(lock.month)} − ${money(ownMinor, d)} locked${alreadyMinor !== 0n ? ` − ${money(alreadyMinor, d)} paid for it as late changes since` : ''} = ${signed(p.amountMinor, d)}`,
            ...(notes.length ? { notes } : {}),
          },
        };
        target.lines.push(line);
        target.total = R.add(target.total, amount);
        if (line.variable) target.variable = R.add(target.variable, amount);
      }
    }
    // a rep the lock paid whom the data no longer has in that month: his locked pay stands, and nothing moves
  }
  return { result: { ...result, rows }, kept, changes };
}

/** a line a lock paid for a change to an earlier locked month (its target): a late_change, or a draw's line with a target (no draw the engine pays has one) */
function isLateChange(l: Pick<LockedLine, 'component' | 'kind' | 'target'>): boolean {
  return l.component === LATE_CHANGE || (l.kind === 'draw' && l.target !== undefined);
}

/** a late change line paid for a month's whole difference (no part named in its rule): one part, or, in a lock file written before parts, several at once */
function isWholeLateChange(l: Pick<LockedLine, 'component' | 'explain'>): boolean {
  return l.component === LATE_CHANGE && !/^late change to locked [^:,]+, /.test(l.explain?.rule ?? '');
}

function sumOf(sums: ReadonlyMap<string, { minor: bigint }>): bigint {
  let s = 0n;
  for (const x of sums.values()) s += x.minor;
  return s;
}

/** a late change's amount, signed, and its parts when more than one moved: '0.00 in all (variable pay +300.00, fixed pay -300.00)' */
export function differsBy(change: Pick<LateChange, 'amountMinor' | 'parts'>, d: number): string {
  const parts = change.parts.length > 1 ? ` in all (${change.parts.map((p) => `${p.part} ${signed(p.amountMinor, d)}`).join(', ')})` : '';
  return `${signed(change.amountMinor, d)}${parts}`;
}
