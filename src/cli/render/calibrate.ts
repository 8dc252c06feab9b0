import type { ChalkInstance } from 'chalk';
import { round, type Calibration } from '../../core/calibrate/calibrate.js';
import type { EffortFit } from '../../core/calibrate/effort-fit.js';
import type { Holdout } from '../../core/calibrate/holdout.js';
import { formatMonth } from '../../core/time/month.js';
import { printTable } from './table.js';

/** the fit report of `motiv calibrate`: likelihood, parameters, observed against fitted, warnings */
export function renderCalibration(cal: Calibration, out: string, c: ChalkInstance, effort?: EffortFit, holdout?: Holdout): string {
  const parts: string[] = [];
  parts.push(
    `Calibrated from ${cal.months} months (${formatMonth(cal.first)} to ${formatMonth(cal.last)}), ${cal.clients.toLocaleString('en-US')} clients, ${cal.reps.count} reps at the end; written to ${out}`,
    `log-likelihood (signing, signed and active clients, the last with their log-revenue paths): ${cal.logLik.toFixed(1)} (the reps' prospecting skills integrated out, their spread estimated; other skills taken as 1; ${cal.followed} clients who followed a departing rep left out)`,
    '',
  );
  parts.push(
    printTable(
      {
        title: 'Parameters',
        head: ['key', 'value', '± se', 'observations', 'events', 'source'],
        rows: cal.estimates.map((e) => ({
          cells: [
            e.key,
            round(e.value),
            e.error !== undefined ? round(e.error, 2) : '-',
            e.observations !== undefined ? `${e.observations.toLocaleString('en-US')} ${e.basis ?? ''}`.trim() : '-',
            e.events !== undefined ? e.events.toLocaleString('en-US') : '-',
            e.source === 'default' ? `default${e.note ? `: ${e.note}` : ''}` : e.source === 'mle' ? 'MLE' : (e.note ?? 'estimate'),
          ],
          faint: e.source === 'default' ? [1, 2, 3, 4, 5] : undefined,
        })),
        align: ['left', 'right', 'right', 'left', 'right', 'left'],
      },
      c,
    ),
    '',
  );
  parts.push(
    printTable(
      {
        title: 'Segments',
        head: ['segment', 'share', 'clients', 'revenue median', 'sigma', 'margin', 'from'],
        rows: cal.segments.map((s) => ({
          cells: [s.name, `${(100 * s.share).toFixed(1)} %`, s.clients.toLocaleString('en-US'), round(s.revenueMedian, 4), round(s.revenueSigma), s.margin === undefined ? '-' : `${(100 * s.margin).toFixed(1)} %`, s.potentialClients ? `${s.potentialClients} clients` : 'see warnings'],
        })),
      },
      c,
    ),
    '',
  );
  for (const t of cal.tables) parts.push(printTable({ title: `${t.title} (observed vs fitted)`, head: t.header, rows: t.rows.map((cells) => ({ cells })) }, c), '');
  const season = cal.seasonality.factors;
  parts.push(`${c.bold('Seasonality')}: ${season ? `${season.map((f) => f.toFixed(2)).join(' ')} (${cal.seasonality.note})` : `twelve 1s (${cal.seasonality.note})`}`);
  const hours = `${round(cal.reps.hoursMean, 4)} ± ${round(cal.reps.hoursSd)} a month (${cal.reps.repMonths} rep-months)`;
  parts.push(`${c.bold('Hours')}: ${hours}; split ${Object.entries(cal.effortSplit).map(([k, v]) => `${k} ${(100 * v).toFixed(1)} %`).join(', ')}`);
  if (effort) {
    parts.push(
      '',
      printTable(
        {
          title: `Effort costs: the split of hours simulated under the scheme (${effort.runs} runs of ${effort.months} months) by scale of the default costs`,
          head: ['scale', 'prospect', 'signed', 'active', 'leads', 'distance'],
          rows: [
            { cells: ['observed', ...['prospect', 'signed', 'active', 'leads'].map((a) => `${(100 * (effort.observed[a] ?? 0)).toFixed(1)} %`), ''] },
            ...effort.grid.map((g) => ({
              cells: [`${g.scale === effort.scale ? '→ ' : ''}${g.scale}`, ...['prospect', 'signed', 'active', 'leads'].map((a) => `${(100 * (g.split[a] ?? 0)).toFixed(1)} %`), g.distance.toFixed(4)],
            })),
          ],
        },
        c,
      ),
      `effort_cost: prospect ${round(effort.effortCost.prospect)}, signed ${round(effort.effortCost.signed)}, active ${round(effort.effortCost.active)}, leads ${round(effort.effortCost.leads)} (the default costs times ${effort.scale})`,
    );
  }
  parts.push(`${c.bold('Not estimated')}: ${effort ? '' : 'effort costs, '}choice noise and effort taste (defaults), skills other than prospecting (taken as 1), decision, departures, leads`);
  if (holdout) {
    const show = (metric: string, x: number) => (metric.startsWith('effort.') ? `${(100 * x).toFixed(1)} %` : Math.round(x).toLocaleString('en-US'));
    parts.push(
      '',
      printTable(
        {
          title: `Holdout: the last ${holdout.months} months (from ${formatMonth(holdout.cut + 1)}), fitted on the months before and simulated from the book at the cut (${holdout.runs} runs)`,
          head: ['metric', 'actual', 'predicted', 'p5', 'p95', 'inside'],
          rows: holdout.rows.map((r) => ({ cells: [r.metric, show(r.metric, r.actual), show(r.metric, r.mean), show(r.metric, r.p5), show(r.metric, r.p95), r.actual >= r.p5 && r.actual <= r.p95 ? 'yes' : 'no'] })),
        },
        c,
      ),
    );
  }
  if (cal.warnings.length) {
    parts.push('', c.yellow.bold(`WARNINGS (${cal.warnings.length})`));
    for (const w of cal.warnings) parts.push(`${c.yellow('warning')}: ${w}`);
  }
  return `${parts.join('\n')}\n`;
}
