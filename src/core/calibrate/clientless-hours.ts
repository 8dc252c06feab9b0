import { listAnd } from '../problems/suggest.js';
import { counted } from '../verdict/words.js';
import type { Month } from '../time/month.js';

/** a rep's prospecting hours without a client that went to no prospect-month the fit counts */
export interface UnspreadHours {
  rep: string;
  /** the months they were logged in */
  months: number;
  hours: number;
  /** every such month one of his first as a newcomer, which the fit leaves out with all his hours */
  newcomer: boolean;
}

/** what became of the prospecting hours logged without a client */
export interface ClientlessSummary {
  rows: number;
  hours: number;
  /** the hours given to prospect-months the fit counts */
  spread: number;
  /** the rest, by rep in the order first logged: months in which he had no prospect the fit counts */
  unspread: UnspreadHours[];
}

/**
 * Prospecting hours logged without a client (a blank client_id is
 * prospecting in general, docs/data.md), by rep and month. Nothing says which
 * prospect a rep called: they go evenly to his prospects that month (clients.csv
 * owner) whose month the fit counts, and only to them, so that none is divided
 * by a prospect that takes no share (a month left out, a firm that left with
 * its rep). Those of a rep with no such prospect that month (an SDR who
 * prospects others' firms, a rep whose prospects all signed) go nowhere and
 * are counted apart, to be said.
 */
export class ClientlessHours {
  private readonly hoursOf = new Map<string, { rep: string; month: Month; hours: number; rows: number[] }>();
  private rows = 0;
  private total = 0;

  add(rep: string, month: Month, hours: number): void {
    const key = repMonth(rep, month);
    const cell = this.hoursOf.get(key) ?? { rep, month, hours: 0, rows: [] };
    cell.hours += hours;
    this.hoursOf.set(key, cell);
    this.rows++;
    this.total += hours;
  }

  /** whether the rep logged such hours that month */
  has(rep: string | undefined, month: Month): boolean {
    return rep !== undefined && this.hoursOf.has(repMonth(rep, month));
  }

  /** a prospect-month of the rep's that the fit counts, at this row of the prospect-months: it takes a share */
  give(rep: string, month: Month, row: number): void {
    this.hoursOf.get(repMonth(rep, month))?.rows.push(row);
  }

  /** adds each rep-month's share to the rows given it; `newcomer` says a month the fit leaves out for the rep */
  spreadInto(hours: Float64Array, newcomer: (rep: string, month: Month) => boolean): ClientlessSummary {
    let spread = 0;
    const unspread = new Map<string, UnspreadHours>();
    for (const cell of this.hoursOf.values()) {
      if (cell.rows.length > 0) {
        const share = cell.hours / cell.rows.length;
        for (const row of cell.rows) hours[row] += share;
        spread += cell.hours;
        continue;
      }
      const rest = unspread.get(cell.rep) ?? { rep: cell.rep, months: 0, hours: 0, newcomer: true };
      rest.months++;
      rest.hours += cell.hours;
      rest.newcomer &&= newcomer(cell.rep, cell.month);
      unspread.set(cell.rep, rest);
    }
    return { rows: this.rows, hours: this.total, spread, unspread: [...unspread.values()] };
  }
}

const repMonth = (rep: string, m: Month) => `${rep}\u0000${m}`;

/** hours as a warning says them: whole, grouped */
const hours = (h: number) => Math.round(h).toLocaleString('en-US');

/** how many reps a warning names one by one before it counts the rest */
const NAMED_REPS = 5;

/** the calibrate warning on these hours: how they were spread, and the hours of each rep that went to no prospect-month, said plainly */
export function clientlessNote(s: ClientlessSummary): string {
  const head = `${s.rows.toLocaleString('en-US')} activity rows hold ${hours(s.hours)} prospecting hours without a client (allowed: prospecting in general): each rep's are spread evenly over his prospects that month (clients.csv owner) whose month the fit counts, since nothing says which he called, and their months count with the signings`;
  const rest = s.hours - s.spread;
  const restNote = s.unspread.length === 0 ? '' : `; ${hours(s.spread)} hours went so, the other ${hours(rest)} to no prospect and count nowhere: ${[
    reasons(s.unspread.filter((u) => !u.newcomer), 'logged in months their rep had no prospect of his own the fit counts (an SDR who prospects others\' firms, a rep whose prospects all signed or were left out)'),
    reasons(s.unspread.filter((u) => u.newcomer), 'logged in a newcomer\'s first months, which the fit leaves out with all his hours'),
  ].filter((x) => x !== '').join('; ')}`;
  return `${head}${restNote}; the signing rate per hour counts them, but the curve's shape (half_hours) then rests on that even spread: give client_id where the CRM has it`;
}

function reasons(reps: readonly UnspreadHours[], why: string): string {
  if (reps.length === 0) return '';
  // a list cut short by at least two reps: 'and 1 more rep's' would be no shorter than naming him
  const shown = reps.length > NAMED_REPS + 1 ? NAMED_REPS : reps.length;
  const items = reps.slice(0, shown).map((u) => `${u.rep}'s ${hours(u.hours)} in ${counted(u.months, 'month')}`);
  const more = reps.slice(shown);
  if (more.length > 0) items.push(`${more.length} more reps' ${hours(more.reduce((a, u) => a + u.hours, 0))}`);
  return `${listAnd(items, false)}, ${why}`;
}
