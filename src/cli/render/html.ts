import { escapeHtml, jsonForScript, scriptForInline } from './html-escape.js';
import { REPORT_SCRIPT } from './html-script.js';
import { REPORT_CSS } from './html-style.js';
import { effortCharts, fanCharts, repLabel, repPayCharts, sweepCharts, tornadoCharts, transitionCharts, winnersCharts, type ChartSpec } from './report-charts.js';
import { amountText, signedAmountText, signedPercentText } from './report-format.js';
import { BUCKET_LABELS, type ReportModel, type ReportTable, type ReportWinners } from './report-model.js';

/** what the page needs besides the model: Chart.js's UMD bundle, inlined so the page opens offline */
export interface ReportAssets {
  chartJs: string;
}

const NUMBER_LIKE = /^[-+−±~≈]?\s*[(]?[\d.,]+/;

/** a column is right-aligned when most of its filled cells read as numbers */
function numericColumns(table: ReportTable): boolean[] {
  return table.head.map((_, col) => {
    if (col === 0) return false;
    const cells = table.rows.map((r) => (r.cells[col] ?? '').trim()).filter((c) => c !== '');
    return cells.length > 0 && cells.filter((c) => NUMBER_LIKE.test(c)).length * 2 >= cells.length;
  });
}

function cls(names: (string | false)[]): string {
  const list = names.filter(Boolean);
  return list.length > 0 ? ` class="${list.join(' ')}"` : '';
}

function renderTable(table: ReportTable): string {
  const numeric = numericColumns(table);
  const head = table.head.map((h, i) => `<th${cls([numeric[i] && 'num'])}>${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const title = i === 0 && row.description ? ` title="${escapeHtml(row.description)}"` : '';
      return `<td${cls([numeric[i] && 'num', (row.faint ?? []).includes(i) && 'faint'])}${title}>${escapeHtml(cell)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const notes = (table.notes ?? []).length > 0 ? `<ul class="table-notes">${table.notes!.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<div class="card"><h3>${escapeHtml(table.title)}</h3><div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>${notes}</div>`;
}

/** a figure for the chart at `index` in the page's chart list (the index the script reads) */
function renderFigure(chart: ChartSpec, index: number): string {
  const caption = escapeHtml(chart.caption);
  return `<figure><figcaption>${caption}</figcaption><div class="chart-box" style="height:${chart.heightPx}px"><canvas data-chart="${chart.kind}" data-index="${index}" role="img" aria-label="${caption}"></canvas></div></figure>`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function changeClass(x: number): string | false {
  return x > 0 ? 'gain' : x < 0 ? 'loss' : false;
}

function renderWinnersTable(model: ReportModel, w: ReportWinners): string {
  const cur = escapeHtml(model.currency);
  const share = (base: number, other: number) => (base > 0 ? (other - base) / base : null);
  const row = (cells: string[], diff: number) =>
    cells.map((c, i) => `<td${cls([i > 0 && i < 5 && 'num', (i === 3 || i === 4) && changeClass(diff)])}>${c}</td>`).join('');
  const body = w.reps.map((r) => {
    const diff = r.other - r.base;
    return `<tr>${row([escapeHtml(repLabel(r)), amountText(r.base), amountText(r.other), signedAmountText(diff), signedPercentText(share(r.base, r.other)), escapeHtml(BUCKET_LABELS[r.bucket] ?? r.bucket)], diff)}</tr>`;
  });
  const totalDiff = w.total.other - w.total.base;
  const total = row(['total', amountText(w.total.base), amountText(w.total.other), signedAmountText(totalDiff), signedPercentText(share(w.total.base, w.total.other)), ''], totalDiff);
  const head = ['rep', `${escapeHtml(w.baseline)} (${cur})`, `${escapeHtml(w.scheme)} (${cur})`, `change (${cur})`, 'change', 'group'];
  return `<div class="card"><h3>${escapeHtml(capitalise(w.what ?? 'average monthly pay of each rep'))}</h3><div class="table-wrap"><table><thead><tr>${head.map((h, i) => `<th${cls([i > 0 && i < 5 && 'num'])}>${h}</th>`).join('')}</tr></thead><tbody>${body.join('\n')}</tbody><tfoot><tr>${total}</tr></tfoot></table></div></div>`;
}

/** the line above a winners section: the cost change when the command gave it, else the totals */
function winnersSummary(model: ReportModel, w: ReportWinners): string {
  if (w.cost) return `${w.cost}.`;
  const change = signedPercentText(w.total.base > 0 ? (w.total.other - w.total.base) / w.total.base : null);
  return `total pay of the ${w.reps.length} reps${w.what ? ` (${w.what})` : ''}: ${amountText(w.total.base)} → ${amountText(w.total.other)} ${model.currency} (${change}).`;
}

/**
 * The report as one HTML document that needs nothing else: styles, Chart.js,
 * the page script and the chart data are all inside, so it opens offline and
 * makes no request. Every text from the model is escaped.
 */
export function renderHtmlReport(model: ReportModel, assets: ReportAssets): string {
  const charts: ChartSpec[] = [];
  const figures = (list: ChartSpec[]) =>
    list.map((chart) => {
      charts.push(chart);
      return renderFigure(chart, charts.length - 1);
    });
  const grid = (list: ChartSpec[]) => (list.length > 0 ? `<div class="grid">${figures(list).join('\n')}</div>` : '');
  const section = (title: string, body: string) => (body ? `<section><h2>${escapeHtml(title)}</h2>${body}</section>` : '');

  const sections = [
    section('Curves', grid(sweepCharts(model))),
    section('Results', model.tables.map(renderTable).join('\n')),
    section('Effort', grid(effortCharts(model))),
    section('Sensitivity', grid(tornadoCharts(model))),
    section('Revenue and pay over time', grid(fanCharts(model))),
    section('Stay or switch', grid(transitionCharts(model))),
    section('Rep pay', grid(repPayCharts(model))),
    ...(model.winners ?? []).map((w) => {
      const summary = `<p class="summary">${escapeHtml(capitalise(winnersSummary(model, w)))}</p>`;
      return section(`Winners and losers: ${w.scheme} vs ${w.baseline}`, summary + grid(winnersCharts(model, w)) + renderWinnersTable(model, w));
    }),
  ];

  const notes = (model.notes ?? []).length > 0 ? `<aside class="notes"><strong>Notes</strong><ul>${model.notes!.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></aside>` : '';
  const subtitle = model.subtitle.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="motiv">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(model.title)}</h1>
${subtitle}
</header>
${(model.verdict ?? []).length > 0 ? `<section class="verdict"><p class="summary">${escapeHtml(model.verdict!.join(' '))}</p></section>` : ''}
${notes}
${sections.filter(Boolean).join('\n')}
<footer>Made with motiv. Charts drawn with Chart.js (MIT licence), included in this file.</footer>
</main>
<script type="application/json" id="report-data">${jsonForScript({ currency: model.currency, charts })}</script>
<script>${scriptForInline(assets.chartJs)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
