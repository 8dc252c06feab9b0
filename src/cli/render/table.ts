import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { ReportTable } from './report-model.js';

/** a report table for the terminal: bold head, no row rules, faint cells dimmed, notes under it */
export function printTable(t: ReportTable, c: ChalkInstance, withTitle = true): string {
  const table = new Table({
    head: t.head.map((h) => c.bold(h)),
    colAligns: t.align ?? t.head.map((_, i) => (i === 0 ? 'left' : 'right')),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of t.rows) table.push(row.cells.map((cell, i) => (row.faint?.includes(i) ? c.dim(cell) : cell)));
  const out: string[] = [];
  if (withTitle && t.title) out.push(c.bold(t.title));
  out.push(table.toString());
  for (const n of t.notes ?? []) out.push(n);
  return out.join('\n');
}
