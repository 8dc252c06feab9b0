import type { Day } from '../time/month.js';
import type { Client, CreditRow } from '../types.js';

/** whether a credits.csv row has days of its own (a `from` or a `to`) */
export function isDated(row: CreditRow): boolean {
  return row.from !== undefined || row.to !== undefined;
}

/** whether a credits.csv row holds on a day: within its `from`..`to`, both included (a bound left blank: none) */
export function holdsOn(row: CreditRow, day: Day): boolean {
  return (row.from === undefined || row.from <= day) && (row.to === undefined || day <= row.to);
}

/**
 * The days the rows in force for a client change on, in order: the first
 * (undefined: before any bound) and each row's `from` and the day after its `to`.
 */
export function creditCuts(rows: readonly CreditRow[]): (Day | undefined)[] {
  const days = new Set<Day>();
  for (const r of rows) {
    if (r.from !== undefined) days.add(r.from);
    if (r.to !== undefined) days.add(r.to + 1);
  }
  return [undefined, ...[...days].sort((a, b) => a - b)];
}

/** a client's owner among the rows in force on a day: a dated owner row's rep, else clients.csv's column (the seller of a sale with no rep, a loss's rep) */
export function ownerAmong(client: Client, rows: readonly CreditRow[]): string | undefined {
  for (const r of rows) if (r.role === 'owner' && isDated(r)) return r.rep;
  return client.owner;
}
