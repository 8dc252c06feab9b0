import { capped } from '../problems/capped.js';
import { warning, type Problem } from '../problems/problem.js';
import { formatDay } from '../time/month.js';
import * as R from '../money/rational.js';
import type { Client, Q } from '../types.js';
import type { TransactionFacts } from './facts.js';
import { linesOf } from './far-dates.js';

/** warnings one by one; the rest in one more */
const MAX_SHOWN = 20;
const NO_START = -(2 ** 31);
const NO_END = 2 ** 31 - 1;

/** a client's sales on one side of its life: the first of them, and how many */
interface Outside {
  client: Client;
  after: boolean;
  first: number;
  count: number;
}

/**
 * The sales dated before their client was signed (or activated, without a
 * signing date) or after it was lost: paid as any sale, though the client's
 * own dates say it was not one then (and, after a loss within a clawback's
 * window, taken back at once by that clawback). A warning per client and side, at the
 * first such sale's date, counting the rest; the first MAX_SHOWN clients one
 * by one, then one warning counting the others. A credit note (negative
 * revenue) after the loss is none of them.
 */
export function salesOutsideClientLife(clients: readonly Client[], transactions: TransactionFacts<Q>): Problem[] {
  const byId = new Map<string, Client>();
  for (const c of clients) if (c.signed !== undefined || c.activated !== undefined || c.lost !== undefined) byId.set(c.id, c);
  if (byId.size === 0) return [];
  const { codes, strings } = transactions.clientCodes();
  const starts = new Int32Array(strings.length).fill(NO_START);
  const ends = new Int32Array(strings.length).fill(NO_END);
  for (let k = 0; k < strings.length; k++) {
    const c = byId.get(strings[k]);
    if (!c) continue;
    starts[k] = c.signed ?? c.activated ?? NO_START;
    ends[k] = c.lost ?? NO_END;
  }
  const found = new Map<string, Outside>();
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i];
    const day = transactions.day(i);
    if (day >= starts[k] && day <= ends[k]) continue;
    const after = day > ends[k];
    // a credit note after the loss is no sale: refunds follow a lost client (and a clawback allows for them, schemes.md#clawbacks)
    if (after && R.sign(transactions.revenue(i)) < 0) continue;
    const key = `${strings[k]}|${after}`;
    const seen = found.get(key);
    if (seen) {
      seen.count++;
      if (day < transactions.day(seen.first)) seen.first = i;
    } else found.set(key, { client: byId.get(strings[k])!, after, first: i, count: 1 });
  }
  const all = [...found.values()].sort((a, b) => a.first - b.first);
  const at = (o: Outside) => {
    const source = transactions.source(o.first);
    return source ? { file: source.file, line: source.line, column: source.dateColumn ?? 1 } : {};
  };
  const hint = "check the sale's date and the client's dates in clients.csv: a client won back after it was lost needs its dates put right";
  return capped(
    all,
    MAX_SHOWN,
    (o) => {
      const c = o.client;
      const event = o.after ? `was lost on ${formatDay(c.lost!)}` : c.signed !== undefined ? `was signed on ${formatDay(c.signed)}` : `became active on ${formatDay(c.activated!)}`;
      const side = o.after ? 'after' : 'before';
      const day = formatDay(transactions.day(o.first));
      const sales = o.count === 1 ? `a sale to it is dated ${side} that (${day}): it is paid` : `${o.count} sales to it are dated ${side} that, the first on ${day}: they are paid`;
      // (after the loss, a component whose clawback window the loss fell in takes back at once what it pays on the client: schemes.md#clawbacks)
      const paid = o.after ? 'as any sale, and taken back at once by a clawback whose window the loss fell in' : 'as any sale';
      return warning('inconsistent-dates', `client '${c.id}' ${event}, but ${sales} ${paid}`, { ...at(o), hint });
    },
    (more) =>
      warning('inconsistent-dates', `${more.length.toLocaleString('en-US')} more clients have sales dated before they were signed or after they were lost, first on lines ${linesOf(more.map((o) => transactions.source(o.first)?.line ?? 0))}`, { ...at(more[0]), hint }),
  );
}
