import { problem, type Problem } from '../problems/problem.js';
import { formatDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Rep, RowSource } from '../types.js';

/** the most warnings said one by one: the rest are summed up in the last */
const MOST_SHOWN = 10;

/** a share of a sale dropped because its day is outside the credited rep's employment */
interface Dropped {
  rep: Rep;
  day: Day;
  id: string;
  source: RowSource | undefined;
}

/**
 * Sales credited to a rep on a day outside his employment (before his
 * start_date, after his end_date) are no one's: the share is dropped, not
 * passed on. That is the rule, and a start date in the wrong year or an
 * owner never changed after a rep left makes it silent pay missing: one
 * warning per rep and side, for the months paid, with how many sales and
 * the first of them; past MOST_SHOWN, the rest in one.
 */
export class OutsideEmployment {
  private readonly dropped: Dropped[] = [];

  /** a share of sale `id` credited to `rep` on `day`, outside his employment */
  note(rep: Rep, day: Day, id: string, source: RowSource | undefined): void {
    this.dropped.push({ rep, day, id, source });
  }

  /** the warnings about the sales dropped in months from..to */
  problems(from: Month, to: Month): Problem[] {
    const groups = new Map<string, { first: Dropped; before: boolean; count: number }>();
    for (const d of this.dropped) {
      const m = monthOfDay(d.day);
      if (m < from || m > to) continue;
      const before = d.rep.start !== undefined && d.day < d.rep.start;
      const key = `${before}|${d.rep.id}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { first: d, before, count: 1 });
    }
    const all = [...groups.values()];
    const shown = all.length > MOST_SHOWN ? all.slice(0, MOST_SHOWN - 1) : all;
    const out = shown.map(({ first: d, before, count }) => {
      const bound = before ? `before his start_date ${formatDay(d.rep.start!)}` : `after his end_date ${formatDay(d.rep.end!)}`;
      const sales = count === 1 ? `sale '${d.id}' (${formatDay(d.day)})` : `${count} sales (the first '${d.id}', ${formatDay(d.day)})`;
      return problem('outside-employment', `${sales} credited to rep '${d.rep.id}' ${count === 1 ? 'falls' : 'fall'} ${bound}: no one is paid for ${count === 1 ? 'it' : 'them'}`, {
        severity: 'warning',
        ...(d.source ? { file: d.source.file, line: d.source.line, column: 1 } : {}),
        hint: before ? `check the start_date of rep '${d.rep.id}' in reps.csv, or credit the sales to another rep` : 'give his clients a new owner in clients.csv, or the sales a rep_id',
      });
    });
    // a history full of them (clients never handed on after their reps left) is said in one more line, not hundreds
    if (shown.length < all.length) {
      const rest = all.slice(shown.length);
      const sales = rest.reduce((n, g) => n + g.count, 0);
      const named = new Set(shown.map((g) => g.first.rep.id));
      const reps = new Set(rest.map((g) => g.first.rep.id).filter((id) => !named.has(id))).size;
      const d = rest[0].first;
      out.push(
        problem('outside-employment', `and ${sales} more sales credited to ${reps} more rep${reps === 1 ? '' : 's'} outside their employment (the first '${d.id}', ${formatDay(d.day)}, rep '${d.rep.id}'): no one is paid for them`, {
          severity: 'warning',
          ...(d.source ? { file: d.source.file, line: d.source.line, column: 1 } : {}),
          hint: "check the reps' start_date and end_date in reps.csv, and give the clients of reps who left a new owner",
        }),
      );
    }
    return out;
  }
}
