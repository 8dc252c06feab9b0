import { problem, type Problem } from '../problems/problem.js';
import { formatDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Rep, RowSource } from '../types.js';

/** the most warnings said one by one: the rest are summed up in the last */
const MOST_SHOWN = 10;

/** what fell outside a rep's employment: a share of a sale credited to him, or the loss of a client he owned */
type Kind = 'sale' | 'loss';

/** a sale's share, or a client's loss, dropped because its day is outside the rep's employment */
interface Dropped {
  kind: Kind;
  rep: Rep;
  day: Day;
  /** the sale's id, or the lost client's */
  id: string;
  source: RowSource | undefined;
}

/** how each kind is said: one of them, several, what follows, and what to check */
const WORDS: Record<Kind, { one: (d: Dropped) => string; many: (d: Dropped, count: number) => string; none: (count: number) => string; hint: (d: Dropped, before: boolean) => string }> = {
  sale: {
    one: (d) => `sale '${d.id}' (${formatDay(d.day)}) credited to rep '${d.rep.id}' falls`,
    many: (d, count) => `${count} sales (the first '${d.id}', ${formatDay(d.day)}) credited to rep '${d.rep.id}' fall`,
    none: (count) => `no one is paid for ${count === 1 ? 'it' : 'them'}`,
    // (QA: under a scheme crediting the closer, a new owner or a rep_id changed nothing: the credit rule says which fix holds)
    hint: (d, before) =>
      before
        ? `check the start_date of rep '${d.rep.id}' in reps.csv, or credit the sales to another rep`
        : `credit them to a rep employed then, as the scheme's credit rule reads: its owner (a new owner in clients.csv, or the sales a rep_id), or its closer or finder (a credits.csv row naming him from the day after the end_date of '${d.rep.id}')`,
  },
  loss: {
    one: (d) => `the loss of client '${d.id}' (${formatDay(d.day)}), owned by rep '${d.rep.id}', falls`,
    many: (d, count) => `${count} losses of clients (the first '${d.id}', ${formatDay(d.day)}) owned by rep '${d.rep.id}' fall`,
    // (a partner who shares the client's credit and is still employed then has his clawback: only the owner's is not taken)
    none: (count) => `${count === 1 ? 'it counts' : 'they count'} against no one (in no lost_clients, no clawback from him)`,
    hint: (d, before) =>
      before
        ? `check the start_date of rep '${d.rep.id}' in reps.csv and the client's lost_date; if another rep owned the client then, say so with an owner row in credits.csv whose from and to hold that day`
        : `check the client's lost_date; if another rep owned the client by then, make him its owner in clients.csv, or give it an owner row in credits.csv from the day after the end_date of '${d.rep.id}'`,
  },
};

/**
 * What is credited to a rep on a day outside his employment (before his
 * start_date, after his end_date) is no one's: a share of a sale is
 * dropped, not passed on, and a client lost by its owner then counts against
 * no one (no fine, no clawback). That is the rule, and a start date in the
 * wrong year or an owner never changed after a rep left makes it silent pay
 * missing: one warning per rep, kind and side, for the months paid, with how
 * many and the first of them; past MOST_SHOWN, the rest in one.
 */
export class OutsideEmployment {
  private readonly dropped: Dropped[] = [];

  /** a share of sale `id` credited to `rep` on `day`, outside his employment */
  note(rep: Rep, day: Day, id: string, source: RowSource | undefined): void {
    this.dropped.push({ kind: 'sale', rep, day, id, source });
  }

  /** client `id`, owned by `rep`, lost on `day`, outside his employment (`source`: the client's row) */
  noteLoss(rep: Rep, day: Day, id: string, source: RowSource | undefined): void {
    this.dropped.push({ kind: 'loss', rep, day, id, source });
  }

  /** the warnings about the sales and losses dropped in months from..to */
  problems(from: Month, to: Month): Problem[] {
    const groups = new Map<string, { first: Dropped; before: boolean; count: number }>();
    for (const d of this.dropped) {
      const m = monthOfDay(d.day);
      if (m < from || m > to) continue;
      const before = d.rep.start !== undefined && d.day < d.rep.start;
      const key = `${d.kind}|${before}|${d.rep.id}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { first: d, before, count: 1 });
    }
    const all = [...groups.values()];
    const shown = all.length > MOST_SHOWN ? all.slice(0, MOST_SHOWN - 1) : all;
    const out = shown.map(({ first: d, before, count }) => {
      const words = WORDS[d.kind];
      const bound = before ? `before his start_date ${formatDay(d.rep.start!)}` : `after his end_date ${formatDay(d.rep.end!)}`;
      return problem('outside-employment', `${count === 1 ? words.one(d) : words.many(d, count)} ${bound}: ${words.none(count)}`, {
        severity: 'warning',
        ...(d.source ? { file: d.source.file, line: d.source.line, column: 1 } : {}),
        hint: words.hint(d, before),
      });
    });
    // a history full of them (clients never handed on after their reps left) is said in one more line, not hundreds
    if (shown.length < all.length) out.push(rest(shown, all.slice(shown.length)));
    return out;
  }
}

/** the one line for the groups past those shown: how many sales and losses, of how many more reps, and the first */
function rest(shown: readonly { first: Dropped }[], others: readonly { first: Dropped; count: number }[]): Problem {
  const counted = (kind: Kind) => others.reduce((n, g) => n + (g.first.kind === kind ? g.count : 0), 0);
  const sales = counted('sale');
  const losses = counted('loss');
  const named = new Set(shown.map((g) => g.first.rep.id));
  const reps = new Set(others.map((g) => g.first.rep.id).filter((id) => !named.has(id))).size;
  const d = others[0].first;
  const first = `(the first '${d.id}', ${formatDay(d.day)}, rep '${d.rep.id}')`;
  const ofReps = `${reps} more rep${reps === 1 ? '' : 's'}`;
  const moreSales = `${sales} more sale${sales === 1 ? '' : 's'}`;
  const moreLosses = `${losses} more loss${losses === 1 ? '' : 'es'} of clients`;
  const message =
    losses === 0
      ? `and ${moreSales} credited to ${ofReps} outside their employment ${first}: no one is paid for ${sales === 1 ? 'it' : 'them'}`
      : sales === 0
        ? `and ${moreLosses} owned by ${ofReps} outside their employment ${first}: ${losses === 1 ? 'it counts' : 'they count'} against no one`
        : `and ${moreSales} and ${moreLosses} of ${ofReps} outside their employment ${first}: no one is paid for the ${sales === 1 ? 'sale' : 'sales'}, and the ${losses === 1 ? 'loss counts' : 'losses count'} against no one`;
  return problem('outside-employment', message, {
    severity: 'warning',
    ...(d.source ? { file: d.source.file, line: d.source.line, column: 1 } : {}),
    hint: "check the reps' start_date and end_date in reps.csv, and give the clients of reps who left a new owner",
  });
}
