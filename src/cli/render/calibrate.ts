import type { ChalkInstance } from 'chalk';
import { round, type Calibration } from '../../core/calibrate/calibrate.js';
import { formatMonth } from '../../core/time/month.js';
import { printTable } from './table.js';

/** the fit report of `motiv calibrate`: likelihood, parameters, observed against fitted, warnings */
export function renderCalibration(cal: Calibration, out: string, c: ChalkInstance): string {
  const parts: string[] = [];
  parts.push(
    `Calibrated from ${cal.months} months (${formatMonth(cal.first)} to ${formatMonth(cal.last)}), ${cal.clients.toLocaleString('en-US')} clients, ${cal.reps.count} reps at the end; written to ${out}`,
    `log-likelihood (signing, signed and active clients, the last with their log-revenue paths): ${cal.logLik.toFixed(1)} (skill of every rep taken as 1; ${cal.followed} clients who followed a departing rep left out)`,
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
  parts.push(`${c.bold('Not estimated')}: effort costs and choice noise (defaults; the observed split above is what a fit of them would match), skills (taken as 1), decision, departures, leads`);
  if (cal.warnings.length) {
    parts.push('', c.yellow.bold(`WARNINGS (${cal.warnings.length})`));
    for (const w of cal.warnings) parts.push(`${c.yellow('warning')}: ${w}`);
  }
  return `${parts.join('\n')}\n`;
}
