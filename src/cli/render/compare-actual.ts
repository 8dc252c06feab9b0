import type { ChalkInstance } from 'chalk';
import type { WinnersLosers } from '../../core/compare/winners.js';
import { div, formatMinor, q, sum, toMinor, type Q } from '../../core/money/rational.js';
import { toCsv } from './csv-safe.js';
import type { ReportTable } from './report-model.js';
import { printTable } from './table.js';
import { changeText, costLine, monthsText, reportWinners, shareNumber as shareText, signedMoney, winnersTable } from './compare.js';
import type { ReportWinners } from './report-model.js';

/** every rep paid under each scheme on the same actual results */
export interface ActualComparison {
  /** the dataset folder as shown */
  data: string;
  from: string;
  to: string;
  months: number;
  currency: string;
  minorDigits: number;
  schemes: { label: string; name: string; file: string }[];
  reps: { id: string; name: string }[];
  /** per scheme, per rep (in `reps` order): pay over the range */
  pay: Q[][];
  /** per scheme after the first, against the first */
  winners: WinnersLosers[];
}

/** "over 2025-10 to 2026-06 (9 months)": the months every figure covers */
function spanText(a: ActualComparison): string {
  return `over ${a.from === a.to ? a.from : `${a.from} to ${a.to}`} (${monthsText(a.months)})`;
}

/** what the winners tables show */
function payText(a: ActualComparison): string {
  return `pay per rep ${spanText(a)}`;
}

/** the headline under a winners table: the exact total cost change over the months paid, and per month */
function costText(a: ActualComparison, w: WinnersLosers): string {
  const money = (x: Q) => `${signedMoney(x, a.minorDigits)} ${a.currency}`;
  return costLine(spanText(a), `${money(w.total.diff)} (${changeText(w.total.change)})`, money(div(w.total.diff, q(a.months))));
}

export function actualTables(a: ActualComparison): { title: string; subtitle: string[]; tables: ReportTable[] } {
  const names = new Map(a.reps.map((r) => [r.id, r.name]));
  const title = `${a.schemes.map((s) => s.name).join(' vs ')} · actual results in ${a.data}`;
  const subtitle = [
    `every rep paid under each scheme on the same actual results; pay in ${a.currency} ${spanText(a)}`,
    ...a.schemes.map((s, i) => `${s.label} = ${s.name} (${s.file})${i === 0 ? ', the baseline' : ''}`),
  ];
  const tables = a.winners.map((w, k) => winnersTable(w, a.schemes[0].label, a.schemes[k + 1].label, a.currency, payText(a), a.minorDigits, costText(a, w), names));
  return { title, subtitle, tables };
}

/** the winners and losers for the HTML report, reps by name */
export function actualReportWinners(a: ActualComparison): ReportWinners[] {
  const names = new Map(a.reps.map((r) => [r.id, r.name]));
  const name = (k: number) => `${a.schemes[k].label} ${a.schemes[k].name}`;
  return a.winners.map((w, k) => reportWinners(w, name(0), name(k + 1), payText(a), costText(a, w), names));
}

export function renderActualTable(a: ActualComparison, c: ChalkInstance): string {
  const { title, subtitle, tables } = actualTables(a);
  const out = [c.bold(title), ...subtitle, ''];
  tables.forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(printTable(t, c));
  });
  return out.join('\n') + '\n';
}

const plain = (x: Q, digits: number) => formatMinor(toMinor(x, digits, 'half-up'), digits);

/** money as exact decimal strings, as `payout --format json` prints it; every amount is over the months from `from` to `to` */
export function renderActualJson(a: ActualComparison): string {
  const d = a.minorDigits;
  const doc = {
    data: a.data,
    currency: a.currency,
    minor_units: d,
    from: a.from,
    to: a.to,
    months: a.months,
    baseline: a.schemes[0].label,
    schemes: a.schemes.map((s, k) => ({ ...s, total: plain(sum(a.pay[k]), d) })),
    reps: a.reps.map((r, i) => ({ id: r.id, name: r.name, pay: Object.fromEntries(a.schemes.map((s, k) => [s.label, plain(a.pay[k][i], d)])) })),
    winners: a.winners.map((w, k) => ({
      scheme: a.schemes[k + 1].label,
      baseline: a.schemes[0].label,
      pay: payText(a),
      buckets: w.buckets,
      total: { base: plain(w.total.base, d), other: plain(w.total.other, d), difference: plain(w.total.diff, d), change: shareText(w.total.change) },
      reps: w.reps.map((r) => ({ rep: r.rep, base: plain(r.base, d), other: plain(r.other, d), difference: plain(r.diff, d), change: shareText(r.change), bucket: r.bucket })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function renderActualCsv(a: ActualComparison): string {
  const d = a.minorDigits;
  const header = ['rep', 'name', 'scheme', 'pay', 'baseline_pay', 'difference', 'change', 'bucket'];
  const rows: unknown[][] = [];
  a.reps.forEach((r, i) => {
    rows.push([r.id, r.name, a.schemes[0].label, plain(a.pay[0][i], d), '', '', '', '']);
    a.winners.forEach((w, k) => {
      const c = w.reps[i];
      rows.push([r.id, r.name, a.schemes[k + 1].label, plain(c.other, d), plain(c.base, d), plain(c.diff, d), shareText(c.change) ?? '', c.bucket]);
    });
  });
  return toCsv(header, rows);
}

