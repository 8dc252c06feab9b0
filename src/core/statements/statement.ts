import { formatMoney, formatPercent } from '../money/format.js';
import * as R from '../money/rational.js';
import { firstDay, formatDay, formatMonth, lastDay, monthOfDay, type Month } from '../time/month.js';
import { periodOf } from '../time/period.js';
import { advancingComponents } from '../components/advances.js';
import type { LineKind, PayoutResult, Q, Rep, Scheme } from '../types.js';
import { assignmentsWithin } from '../payout/assignments.js';
import type { ClawbackExposure, EngineReadings } from './engine-readings.js';

/**
 * A rep's statement for one month: the page he checks his pay on by hand.
 * Every figure is text as payout prints it (the table's money format, to the
 * minor unit), worked out here once so no renderer rounds on its own.
 */
export interface StatementLine {
  component: string;
  /** the type for pay and cap lines, else the kind (as payout's table titles them) */
  what: string;
  kind: LineKind;
  /** the period the line settles, when not the month itself (a quarter) */
  period: string | undefined;
  rule: string;
  /** the measure or basis the amount was computed on */
  base: string;
  /** the rate or band applied */
  rate: string;
  arithmetic: string;
  notes: string[];
  amount: string;
}

export interface Statement {
  rep: { id: string; name: string; role: string | undefined };
  scheme: string;
  currency: string;
  month: string;
  lines: StatementLine[];
  total: string;
  variable: string;
  /** the rep's totals from the first month of the (fiscal) year to this month */
  yearToDate: { from: string; total: string };
  /** recoverable draws paid and not yet recovered, after this month; undefined when the scheme has none */
  drawsOutstanding: string | undefined;
  /** this month is the rep's last: what is outstanding is not recovered (schemes.md, draws) */
  drawsWrittenOff: boolean;
  /** clawbacks taken this month and in the year to date, and what is pending (would come back if the clients still within their windows were lost); undefined when the scheme claws nothing back */
  clawbacks: { month: string; yearToDate: string; pending: string; pendingClients: number } | undefined;
  plans: { plan: string; measure: string; actual: string; planned: string; attainment: string }[];
}

export interface StatementOptions {
  /** the months to write statements for */
  months: { start: Month; end: Month };
  /** the engine's readings: plan attainment and clawbacks pending, by rep and month */
  readings?: EngineReadings;
}

/**
 * The statements of every rep and month in range, from a payout's rows. The
 * rows must reach back to the data's first month: the year to date and the
 * draws outstanding sum the months before the range too.
 */
export function statements(scheme: Scheme, result: PayoutResult<Q>, opts: StatementOptions): Statement[] {
  const d = result.minorDigits;
  const money = (x: Q) => formatMoney(x, d);
  const recoverable = advancingComponents(scheme);
  const clawsBack = scheme.components.some((c) => c.clawback !== undefined);
  const out: Statement[] = [];
  for (const rep of result.reps) {
    const rows = result.rows.filter((r) => r.rep === rep.id);
    let owed = R.ZERO;
    for (const [i, row] of rows.entries()) {
      // what he owes: the draw's lines so far, a late change to a locked month's top-up among them (advances.ts)
      for (const l of row.lines) if (l.kind === 'draw' && recoverable.has(l.component)) owed = R.add(owed, l.amount);
      if (row.month < opts.months.start || row.month > opts.months.end) continue;
      const yearStart = periodOf('year', row.month, scheme.fiscalYearStart).start;
      const year = rows.slice(0, i + 1).filter((r) => r.month >= yearStart);
      const clawed = (rs: typeof rows) => R.sum(rs.flatMap((r) => r.lines.filter((l) => l.kind === 'clawback').map((l) => l.amount)));
      out.push({
        rep: { id: rep.id, name: rep.name, role: rolesIn(rep, row.month) },
        scheme: result.scheme,
        currency: result.currency,
        month: formatMonth(row.month),
        lines: row.lines.map((l) => ({
          component: `${l.component}${l.target ? ` → ${l.target}` : ''}`,
          what: l.kind === 'pay' || l.kind === 'cap' ? l.type : l.kind,
          kind: l.kind,
          period: l.period !== formatMonth(row.month) ? l.period : undefined,
          rule: l.explain?.rule ?? '',
          base: [l.explain?.measure, l.explain?.basis].filter(Boolean).join('; '),
          rate: [l.explain?.band, l.explain?.rate].filter(Boolean).join('; '),
          arithmetic: l.explain?.arithmetic ?? '',
          notes: l.explain?.notes ?? [],
          amount: money(l.amount),
        })),
        total: money(row.total),
        variable: money(row.variable),
        yearToDate: { from: formatMonth(Math.max(yearStart, year[0].month)), total: money(R.sum(year.map((r) => r.total))) },
        drawsOutstanding: recoverable.size > 0 ? money(owed) : undefined,
        drawsWrittenOff: rep.end !== undefined && monthOfDay(rep.end) === row.month,
        clawbacks: clawsBack ? clawbacks(money(clawed([row])), money(clawed(year)), opts.readings?.clawbacksPending(rep.id, row.month), money) : undefined,
        plans: (opts.readings?.attainments(rep.id, row.month) ?? []).map((a) => ({
          plan: a.role ? `${a.plan} (as ${a.role})` : a.plan,
          measure: a.measure,
          actual: money(a.actual),
          planned: money(a.planned),
          attainment: a.ratio !== undefined ? formatPercent(a.ratio) : '-',
        })),
      });
    }
  }
  return out;
}

function clawbacks(month: string, yearToDate: string, pending: ClawbackExposure | undefined, money: (x: Q) => string): NonNullable<Statement['clawbacks']> {
  return { month, yearToDate, pending: money(pending?.amount ?? R.ZERO), pendingClients: pending?.clients ?? 0 };
}

/** the roles a rep holds in a month: reps.csv's, or his assignments that month with their dates when they start or end in it ('ae, team_lead from 2026-07-16') */
function rolesIn(rep: Rep, m: Month): string | undefined {
  if (!rep.assignments?.length) return rep.role;
  const from = firstDay(m);
  const to = lastDay(m);
  const held = assignmentsWithin(rep, from, to);
  if (held.length === 0) return undefined;
  return held
    .map((a) => {
      const starts = a.from !== undefined && a.from > from ? ` from ${formatDay(a.from)}` : '';
      const ends = a.to !== undefined && a.to < to ? ` to ${formatDay(a.to)}` : '';
      return `${a.role}${starts}${ends}`;
    })
    .join(', ');
}
