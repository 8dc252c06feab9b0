import * as R from '../money/rational.js';
import { simplestBetween } from '../money/simplest-fraction.js';
import { problem, type Problem } from '../problems/problem.js';
import { formatDay } from '../time/month.js';
import type { CreditRow, Q } from '../types.js';
import { creditCuts, holdsOn, isDated } from './credit-days.js';
import { shareRounding } from './share-cell.js';

/** where a row's share was written: its cell's text and place */
export interface ShareCell {
  text: string;
  line: number;
  column: number;
}

/**
 * The explicit shares of each client in credits.csv add up to 100 % on every
 * day some of them hold. Shares written rounded are read as what they stand
 * for: when a client's shares as written do not add up, each written as a
 * decimal is read as the simplest fraction within half a unit of its last
 * digit (33.33 % is 1/3, 66.67 % is 2/3, 14.29 % is 1/7), and if every
 * day's shares then add up to exactly 100 % they are taken so (the rows'
 * shares are replaced): three shares of 33.33 % are thirds, and the three
 * credits of a sale add up to the whole of it. Otherwise `share-sum` at the
 * first day they do not, as written.
 */
export function checkCreditShares(credits: readonly CreditRow[], cellOf: (row: CreditRow) => ShareCell | undefined): Problem[] {
  const problems: Problem[] = [];
  const byClient = new Map<string, CreditRow[]>();
  for (const c of credits) {
    if (c.share === undefined) continue;
    const rows = byClient.get(c.client);
    if (rows) rows.push(c);
    else byClient.set(c.client, [c]);
  }
  for (const [client, all] of byClient) {
    const share = (r: CreditRow) => r.share!;
    const off = firstDayOff(all, share);
    if (off === undefined) continue;
    const read = readRounded(all, cellOf);
    if (read && firstDayOff(all, (r) => read.get(r)!) === undefined) {
      for (const r of all) r.share = read.get(r)!;
      continue;
    }
    const { day, rows, total } = off;
    const cell = cellOf(rows[0]);
    const src = rows[0].source;
    const lines = rows.map((r) => r.source?.line).filter((l) => l !== undefined);
    const on = all.some(isDated) ? (day === undefined ? ' before any row starts' : ` on ${formatDay(day)}`) : '';
    problems.push(
      problem('share-sum', `credit shares of client '${client}'${lines.length > 1 ? ` on lines ${lines.join(', ')}` : ''} add up to ${R.toDecimalString(R.mul(total, R.q(100)))} %${on}, not 100 %`, {
        ...(src ? { file: src.file, line: src.line, column: cell?.column ?? 1 } : {}),
        hint: "the shares of one client in force on a day add up to 100 %, e.g. 50% and 50% (a row's from and to give its days); equal thirds are 1/3 or 33.33% each; leave 'share' blank to split by the scheme's credit rules",
      }),
    );
  }
  return problems;
}

/** the first day (undefined: before any row starts) the rows in force do not add up to 100 %, with those rows and what they add up to */
function firstDayOff(all: readonly CreditRow[], share: (r: CreditRow) => Q): { day: number | undefined; rows: CreditRow[]; total: Q } | undefined {
  for (const day of creditCuts(all)) {
    const rows = day === undefined ? all.filter((r) => r.from === undefined) : all.filter((r) => holdsOn(r, day));
    if (rows.length === 0) continue;
    const total = R.sum(rows.map(share));
    if (!R.eq(total, R.ONE)) return { day, rows, total };
  }
  return undefined;
}

/** each row's share as the simplest fraction its written decimal rounds (a fraction as written); undefined when a cell is not known */
function readRounded(all: readonly CreditRow[], cellOf: (row: CreditRow) => ShareCell | undefined): Map<CreditRow, Q> | undefined {
  const read = new Map<CreditRow, Q>();
  for (const r of all) {
    const cell = cellOf(r);
    if (!cell) return undefined;
    const half = shareRounding(cell.text);
    read.set(r, half === undefined ? r.share! : simplestBetween(R.max(R.ZERO, R.sub(r.share!, half)), R.add(r.share!, half)));
  }
  return read;
}
