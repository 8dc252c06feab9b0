import { warning, type Problem, type ProblemCode } from '../problems/problem.js';
import { formatDay, formatMonth, lastDay, type Month } from '../time/month.js';
import type { Client, Transaction } from '../types.js';
import { ObjectTransactions, type TransactionFacts } from './facts.js';
import { isUndated, stateOn } from './client-state.js';
import { firstSaleRows } from './first-sales.js';

/** at most this many warnings of one kind one by one; beyond, one warning at the first with a count */
const ONE_BY_ONE = 3;

/**
 * What the data cannot say of its clients, and where it contradicts itself.
 * An undated client (no signing or activation date) without a status is an
 * established active client (docs/data.md); one that also never bought in
 * the data could as well be a prospect, so each is a warning at its row
 * (many: one warning at the first, with a count). A status its own dates or
 * sales contradict is a warning too.
 */
export function checkStatuses(clients: readonly Client[], rows: readonly Transaction<unknown>[] | TransactionFacts<unknown>, lastMonth: Month | undefined): Problem[] {
  const transactions: TransactionFacts<unknown> = Array.isArray(rows) ? new ObjectTransactions(rows as readonly Transaction<unknown>[]) : (rows as TransactionFacts<unknown>);
  // each client's first sale, by row: found when an undated client first asks (a dated client's sales are not read)
  let firstSaleRow: Map<string, number> | undefined;
  const firstSales = (): Map<string, number> => {
    const day = (i: number) => transactions.day(i);
    // the first of a client's sales on his first day: by code (as the worker that read them found it, when it did), then merged over a client listed under two codes
    const { codes, strings } = transactions.clientCodes();
    const known = transactions.knownFirstSales?.();
    const first = known !== undefined && known.length === strings.length ? known : firstSaleRows(codes, strings.length, day);
    const rows = new Map<string, number>();
    for (let k = 0; k < strings.length; k++) {
      const i = first[k];
      if (i < 0) continue;
      const seen = rows.get(strings[k]);
      if (seen === undefined || day(i) < day(seen) || (day(i) === day(seen) && i < seen)) rows.set(strings[k], i);
    }
    return rows;
  };
  const saleOf = (id: string): { day: number; row: number } | undefined => {
    const i = (firstSaleRow ??= firstSales()).get(id);
    return i === undefined ? undefined : { day: transactions.day(i), row: i };
  };
  const unknown: Client[] = [];
  const contradicted: Problem[] = [];
  const endDay = lastMonth === undefined ? undefined : lastDay(lastMonth);
  for (const c of clients) {
    if (isUndated(c)) {
      const sale = saleOf(c.id);
      if (c.status === undefined && !sale) unknown.push(c);
      const state = sale && stateOn(c, sale.day);
      if (sale && c.status !== undefined && state !== 'active' && state !== 'signed') {
        const source = transactions.source(sale.row);
        const where = source ? ` (${source.file}:${source.line})` : '';
        contradicted.push(
          at(c, 'inconsistent-dates', `client '${c.id}' is '${c.status}' with no dates, but it bought on ${formatDay(sale.day)}${where}: its sales count with no client category`, `give its signed_date or activated_date${c.status === 'lost' ? ', and its lost_date' : ''}, or correct the status`),
        );
      }
    } else if (c.status !== undefined && endDay !== undefined) {
      const dated = stateOn(c, endDay);
      if (c.status !== dated) {
        contradicted.push(
          at(c, 'inconsistent-dates', `client '${c.id}' has status '${c.status}', but its dates make it ${dated} at the end of the data (${formatMonth(lastMonth!)}): the dates are read`, `correct the status, or the dates (${missingDate(dated, c.status)})`),
        );
      }
    }
  }
  return [...contradicted, ...summarise(unknown)];
}

function missingDate(dated: string, status: string): string {
  if (status === 'active') return 'activated_date';
  if (status === 'lost') return 'lost_date';
  if (status === 'signed') return dated === 'prospect' ? 'signed_date' : 'the activated_date or lost_date';
  return 'signed_date';
}

function at(c: Client, code: ProblemCode, message: string, hint: string): Problem {
  return warning(code, message, { ...(c.source ? { file: c.source.file, line: c.source.line, column: 1 } : {}), hint });
}

/** the undated clients with no status and no sale: one by one, or one warning with a count */
function summarise(unknown: readonly Client[]): Problem[] {
  const hint = "give 'status' (prospect when it is not a client yet; active, signed, lost or inbound), or its signed_date or activated_date";
  const read = "taken for an established active client, as the dataset's rule has it, though nothing in the data shows it: payout counts it in its owner's base, and a simulation from this data starts it as an active client buying nothing";
  if (unknown.length <= ONE_BY_ONE) return unknown.map((c) => at(c, 'bad-cell', `client '${c.id}' has no dates, no status and no sale in the data: it is ${read}`, hint));
  const lines = unknown.slice(1, 11).map((c) => c.source?.line).filter((l) => l !== undefined);
  const more = unknown.length - 1 - lines.length;
  const others = `${lines.length ? `lines ${lines.join(', ')}` : ''}${more > 0 ? ` and ${more} more` : ''}`;
  return [
    at(unknown[0], 'bad-cell', `${unknown.length} clients have no dates, no status and no sale in the data (client '${unknown[0].id}' here, then ${others}): each is ${read}`, hint),
  ];
}
