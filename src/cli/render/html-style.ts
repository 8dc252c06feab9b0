/** the report's stylesheet: system fonts only (nothing to download), a light screen layout, an ink-saving print layout */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --rule: #eaeef2;
  --faint: #9aa3ad; --panel: #ffffff; --page: #f3f4f6; --head: #f6f8fa;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
main { max-width: 1180px; margin: 0 auto; padding: 32px 28px 40px; }
header h1 { font-size: 26px; line-height: 1.2; margin: 0 0 8px; }
header p { margin: 0; color: var(--muted); }
section { margin-top: 32px; }
h2 { font-size: 18px; margin: 0 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 10px; }
.notes { margin-top: 22px; padding: 10px 16px; background: #fff7e0; border: 1px solid #ecd08a; border-left: 5px solid #E69F00; border-radius: 6px; }
.notes strong { display: block; margin-bottom: 2px; }
.notes ul { margin: 0; padding-left: 20px; }
.card, figure {
  background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 1px 3px rgba(31, 35, 40, 0.06);
}
.card { padding: 16px 18px; margin-bottom: 16px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { padding: 5px 12px; text-align: left; white-space: nowrap; border-bottom: 1px solid var(--rule); }
thead th { white-space: normal; vertical-align: bottom; background: var(--head); color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
tfoot td { font-weight: 600; border-top: 1px solid var(--line); border-bottom: none; }
tbody tr:hover { background: var(--head); }
.num { text-align: right; }
td.faint { color: var(--faint); }
td[title] { cursor: help; text-decoration: underline dotted var(--faint); text-underline-offset: 3px; }
td.gain { color: #007A5A; }
td.loss { color: #B34700; }
.table-notes { margin: 10px 0 0; padding-left: 18px; color: var(--muted); font-size: 12.5px; }
.summary { margin: -4px 0 14px; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); align-items: start; gap: 16px; margin-bottom: 16px; }
figure { margin: 0; padding: 14px 16px 10px; }
figcaption { font-weight: 600; margin-bottom: 10px; }
.chart-box { position: relative; width: 100%; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }

@page { size: A4; margin: 15mm; }
@media print {
  body { background: none; font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  .card, figure, .notes { box-shadow: none; background: none; border-color: #bbb; }
  .notes { border-left-width: 3px; }
  thead th, tbody tr:hover { background: none; }
  thead { display: table-header-group; }
  th, td { padding: 3px 8px; }
  td[title] { text-decoration: none; }
  .table-wrap { overflow: visible; }
  .grid { display: block; }
  figure, .card { break-inside: avoid; page-break-inside: avoid; margin-bottom: 10px; }
  tr { break-inside: avoid; }
  h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  section { margin-top: 18px; }
}
`;
