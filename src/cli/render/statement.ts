import type { Statement } from '../../core/statements/statement.js';
import { escapeHtml as e } from './html-escape.js';

/** a statement's stylesheet: system fonts, no script, printable on one A4 page per statement */
const STATEMENT_CSS = `
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; font-variant-numeric: tabular-nums; }
main { max-width: 1000px; margin: 0 auto; padding: 28px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 26px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #d1d9e0; }
header p { margin: 0; color: #59636e; }
dl.summary { display: grid; grid-template-columns: max-content max-content; gap: 4px 24px; margin: 18px 0 0; }
dl.summary dt { color: #59636e; }
dl.summary dd { margin: 0; text-align: right; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 5px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid #eaeef2; }
thead th { color: #59636e; font-weight: 600; border-bottom: 1px solid #d1d9e0; background: #f6f8fa; }
td.num, th.num { text-align: right; white-space: nowrap; }
.calc, .note { color: #59636e; font-size: 12px; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #1f2328; border-bottom: none; }
a { color: #0969da; }
footer { margin-top: 28px; color: #59636e; font-size: 12px; }
@media print { main { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } tr { break-inside: avoid; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STATEMENT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function who(s: Pick<Statement, 'rep'>): string {
  return s.rep.name && s.rep.name !== s.rep.id ? `${s.rep.name} (${s.rep.id})` : s.rep.id;
}

/** one rep's statement for one month: a page with no script, every figure as payout prints it */
export function renderStatement(s: Statement): string {
  const summary: [string, string, string][] = [
    ['total', `Total pay ${s.month}`, s.total],
    ['variable', 'of which variable', s.variable],
    ['year-to-date', `Year to date (${s.yearToDate.from} to ${s.month})`, s.yearToDate.total],
  ];
  // (a leaver's last month: nothing later recovers it, QA: it said it would come back)
  if (s.drawsOutstanding !== undefined)
    summary.push(['draws-outstanding', s.drawsWrittenOff ? 'Draws outstanding (not recovered: his last month)' : 'Draws outstanding (owed back from later variable pay)', s.drawsOutstanding]);
  if (s.clawbacks) {
    const c = s.clawbacks;
    summary.push(
      ['clawbacks-month', `Clawbacks taken ${s.month}`, c.month],
      ['clawbacks-ytd', 'Clawbacks taken, year to date', c.yearToDate],
      ['clawbacks-pending', c.pendingClients === 0 ? 'Clawbacks pending (no client within a clawback window)' : `Clawbacks pending: would come back if ${c.pendingClients === 1 ? 'the client' : `the ${c.pendingClients} clients`} still within the window were lost`, c.pending],
    );
  }
  const lines = s.lines.map((l) => {
    const detail = [l.arithmetic ? `<div class="calc">${e(l.arithmetic)}</div>` : '', ...l.notes.map((n) => `<div class="note">${e(n)}</div>`)].join('');
    return `<tr data-line data-component="${e(l.component)}" data-kind="${e(l.kind)}"><td>${e(l.component)}${l.period ? ` <span class="calc">(${e(l.period)})</span>` : ''}</td><td>${e(l.what)}</td><td>${e(l.rule)}${detail}</td><td>${e(l.base)}</td><td>${e(l.rate)}</td><td class="num" data-amount>${e(l.amount)}</td></tr>`;
  });
  const plans = s.plans.length
    ? `<h2>Plan and attainment</h2>
<table class="plans"><thead><tr><th>plan</th><th>measure</th><th class="num">actual</th><th class="num">plan</th><th class="num">attainment</th></tr></thead>
<tbody>${s.plans.map((p) => `<tr data-plan="${e(p.plan)}"><td>${e(p.plan)}</td><td>${e(p.measure)}</td><td class="num">${e(p.actual)}</td><td class="num">${e(p.planned)}</td><td class="num" data-attainment>${e(p.attainment)}</td></tr>`).join('\n')}</tbody></table>`
    : '';
  const body = `<header>
<h1>Pay statement · <span data-field="month">${e(s.month)}</span></h1>
<p><span data-field="rep">${e(who(s))}</span>${s.rep.role ? ` · ${e(s.rep.role)}` : ''}</p>
<p>${e(s.scheme)} · amounts in ${e(s.currency)}</p>
</header>
<dl class="summary">
${summary.map(([k, label, v]) => `<dt>${e(label)}</dt><dd data-field="${k}">${e(v)}</dd>`).join('\n')}
</dl>
<h2>Lines</h2>
<table class="lines"><thead><tr><th>component</th><th>kind</th><th>rule and arithmetic</th><th>base</th><th>rate</th><th class="num">amount</th></tr></thead>
<tbody>
${lines.join('\n') || '<tr><td colspan="6">No pay this month.</td></tr>'}
</tbody>
<tfoot><tr><th colspan="5">Total</th><td class="num" data-field="line-total">${e(s.total)}</td></tr></tfoot>
</table>
${plans}
<footer>Computed by <code>motiv payout</code> from the scheme and the data, exactly, to the minor unit: each amount is the one payout prints, and the total is the sum of the lines.</footer>`;
  return page(`Pay statement · ${who(s)} · ${s.month}`, body);
}

/** the folder's index: every rep's statements by month, linked, with their totals */
export function renderStatementIndex(list: readonly { statement: Statement; href: string }[]): string {
  const first = list[0]?.statement;
  const rows = list.map(
    ({ statement: s, href }) =>
      `<tr><td>${e(who(s))}</td><td>${e(s.rep.role ?? '')}</td><td><a href="${e(href)}">${e(s.month)}</a></td><td class="num">${e(s.total)}</td><td class="num">${e(s.yearToDate.total)}</td></tr>`,
  );
  const body = `<header>
<h1>Pay statements</h1>
<p>${first ? `${e(first.scheme)} · amounts in ${e(first.currency)}` : 'No rep was employed in these months.'}</p>
</header>
<table class="index"><thead><tr><th>rep</th><th>role</th><th>month</th><th class="num">total</th><th class="num">year to date</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
  return page('Pay statements', body);
}
