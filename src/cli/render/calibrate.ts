import { ACTIVITIES } from '../../core/scenario/types.js';
import type { ChalkInstance } from 'chalk';
import { round, type Calibration } from '../../core/calibrate/calibrate.js';
import type { HoursFit } from '../../core/calibrate/hours-fit.js';
import { floorEstimate, highOverLow } from '../../core/calibrate/rep-hours.js';
import type { Holdout } from '../../core/calibrate/holdout.js';
import { formatMonth } from '../../core/time/month.js';
import { printTable } from './table.js';
import { counted } from '../../core/verdict/words.js';

/** the fit report of `motiv calibrate`: likelihood, parameters, observed against fitted, warnings */
export function renderCalibration(cal: Calibration, out: string, c: ChalkInstance, fit?: HoursFit, holdout?: Holdout): string {
  const parts: string[] = [];
  parts.push(
    `Calibrated from ${counted(cal.months, 'month')} (${formatMonth(cal.first)} to ${formatMonth(cal.last)}), ${cal.clients.toLocaleString('en-US')} clients, ${cal.reps.count} reps at the end; written to ${out}`,
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
  const h = cal.hours;
  const lows = floorEstimate(h);
  const pctOf = (x: number) => `${(100 * x).toFixed(1)} %`;
  parts.push(
    `${c.bold('Hours')}: ${round(h.level, 4)} a rep-month (${h.repMonths} full rep-months of ${h.reps} reps${h.partialMonths ? `, ${h.partialMonths} partial left out` : ''}); each rep's low month ${round(lows.mean, 4)} ± ${round(lows.sd)} (${h.lows.length} reps), his high month ${pctOf(highOverLow(h))} above it; split ${Object.entries(h.split).map(([k, v]) => `${k} ${pctOf(v)}`).join(', ')}`,
  );
  if (fit) {
    const o = fit.observed;
    const show = (t: HoursFit['best']) => [round(t.scale), round(t.overtimeCost), round(t.floorFactor), round(t.overtimeMax), ...ACTIVITIES.map((a) => pctOf(t.split[a] ?? 0)), round(t.level, 4), round(t.lowMean, 4), pctOf(t.highOverLow), t.distance.toFixed(4)];
    parts.push(
      '',
      printTable(
        {
          title: `Hours: the history's ${counted(fit.months, 'month')} simulated under the scheme (${counted(fit.runs, 'run')} each), by effort costs' scale, overtime cost, lows' factor and overtime max`,
          head: ['scale', 'ot cost', 'floor ×', 'ot max', ...ACTIVITIES, 'hours', 'low', 'high', 'distance'],
          rows: [
            { cells: ['observed', '', '', '', ...ACTIVITIES.map((a) => pctOf(o.split[a] ?? 0)), round(o.level, 4), round(o.lowMean, 4), pctOf(o.highOverLow), ''] },
            ...fit.trials.map((t) => ({ cells: show(t).map((x, i) => (i === 0 && t === fit.best ? `→ ${x}` : x)) })),
          ],
        },
        c,
      ),
      `floor (reps.hours): normal, mean ${round(fit.floor.mean, 4)}, sd ${round(fit.floor.sd)}, min ${round(fit.floor.min, 4)} (the lows times ${round(fit.best.floorFactor)}); overtime: max ${round(fit.overtime.max)}, cost ${round(fit.overtime.cost)}`,
      `effort_cost: prospect ${round(fit.effortCost.prospect)}, signed ${round(fit.effortCost.signed)}, active ${round(fit.effortCost.active)}, leads ${round(fit.effortCost.leads)} (the default costs times ${fit.scale})${fit.edges.length ? `; ${fit.edges.join('; ')}` : ''}`,
    );
  }
  parts.push(`${c.bold('Not estimated')}: ${fit ? '' : 'effort costs and overtime, '}choice noise and effort taste (defaults), skills other than prospecting (taken as 1), decision, departures, leads`);
  if (holdout) {
    const show = (metric: string, x: number) => (metric.startsWith('effort.') ? `${(100 * x).toFixed(1)} %` : Math.round(x).toLocaleString('en-US'));
    parts.push(
      '',
      printTable(
        {
          title: `Holdout: the last ${counted(holdout.months, 'month')} (from ${formatMonth(holdout.cut + 1)}), fitted on the months before and simulated from the book at the cut (${counted(holdout.runs, 'run')})`,
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
