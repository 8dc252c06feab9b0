import type { ChalkInstance } from 'chalk';
import type { WinnersLosers } from '../../core/compare/winners.js';
import { formatMinor, sum, toMinor, type Q } from '../../core/money/rational.js';
import { toCsv } from './csv-safe.js';
import type { ReportTable } from './report-model.js';
import { printTable } from './table.js';
import { shareNumber as shareText, winnersTable } from './compare.js';

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

export function actualTables(a: ActualComparison): { title: string; subtitle: string[]; tables: ReportTable[] } {
  const names = new Map(a.reps.map((r) => [r.id, r.name]));
  const span = a.from === a.to ? a.from : `${a.from} to ${a.to}`;
  const title = `${a.schemes.map((s) => s.name).join(' vs ')} · actual results in ${a.data}`;
  const subtitle = [
    `every rep paid under each scheme on the same actual results, ${span} (${a.months} month${a.months === 1 ? '' : 's'}); pay in ${a.currency}`,
    ...a.schemes.map((s, i) => `${s.label} = ${s.name} (${s.file})${i === 0 ? ', the baseline' : ''}`),
  ];
  const tables = a.winners.map((w, k) => winnersTable(w, a.schemes[0].label, a.schemes[k + 1].label, a.currency, `pay per rep, ${span}`, a.minorDigits, names));
  return { title, subtitle, tables };
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

/** money as exact decimal strings, as `payout --format json` prints it */
export function renderActualJson(a: ActualComparison): string {
  const d = a.minorDigits;
  const doc = {
    data: a.data,
    currency: a.currency,
    minor_units: d,
    from: a.from,
    to: a.to,
    baseline: a.schemes[0].label,
    schemes: a.schemes.map((s, k) => ({ ...s, total: plain(sum(a.pay[k]), d) })),
    reps: a.reps.map((r, i) => ({ id: r.id, name: r.name, pay: Object.fromEntries(a.schemes.map((s, k) => [s.label, plain(a.pay[k][i], d)])) })),
    winners: a.winners.map((w, k) => ({
      scheme: a.schemes[k + 1].label,
      baseline: a.schemes[0].label,
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

