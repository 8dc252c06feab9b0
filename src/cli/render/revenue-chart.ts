import type Asciichart from 'asciichart';
import { groupThousands } from '../../core/money/format.js';
import { lazyPackage } from '../io/lazy-package.js';

const chartLibrary = lazyPackage<typeof Asciichart>('asciichart');
const SYMBOLS = ['●', '▲', '■', '◆', '○', '△'];

/** `values` stretched to `width` points by straight lines between the months */
function stretch(values: readonly number[], width: number): number[] {
  if (values.length < 2) return Array.from({ length: width }, () => values[0] ?? 0);
  const out: number[] = [];
  for (let x = 0; x < width; x++) {
    const at = (x * (values.length - 1)) / (width - 1);
    const i = Math.min(values.length - 2, Math.floor(at));
    out.push(values[i] + (values[i + 1] - values[i]) * (at - i));
  }
  return out;
}

/** the column where month `i` of `count` falls, on a chart `width` columns wide (a month between two columns: the one before) */
function columnOf(i: number, count: number, width: number): number {
  return count < 2 ? 0 : Math.floor((i * (width - 1)) / (count - 1));
}

/** `├── label ──┤` over `length` columns, or as much of it as fits */
function span(length: number, label: string): string {
  if (length < 2) return '│'.repeat(length);
  const inner = length - 2;
  const text = inner >= label.length + 2 ? ` ${label} ` : label;
  if (inner < text.length) return `├${'─'.repeat(inner)}┤`;
  const left = Math.floor((inner - text.length) / 2);
  return `├${'─'.repeat(left)}${text}${'─'.repeat(inner - text.length - left)}┤`;
}

/** the month axis: the first and last months, and the first simulated one when actual months come before it and it has room */
function monthAxis(months: readonly string[], width: number, firstSimulated: number): string {
  if (months.length < 2) return months[0] ?? '';
  const row = Array.from({ length: width }, () => ' ');
  const put = (text: string, at: number) => [...text].forEach((ch, k) => (row[at + k] = ch));
  const last = months[months.length - 1];
  put(months[0], 0);
  put(last, width - last.length);
  if (firstSimulated > 0) {
    const at = columnOf(firstSimulated, months.length, width);
    const label = months[firstSimulated];
    if (at > months[0].length && at + label.length < width - last.length) put(label, at);
  }
  return row.join('');
}

/** the months a chart shows before the simulated ones: what the data says happened */
export interface ActualMonths {
  months: readonly string[];
  values: readonly number[];
}

/**
 * A small line chart of monthly revenue (the median over runs) per scheme,
 * for the terminal: colours only when `colour`, a legend naming each line.
 * With `actual`, the data's last months come first, in the terminal's own
 * colour and under a ruler marking them actual and the rest simulated, so
 * the step from the last actual month to the first simulated one is seen
 * where it is.
 */
export function renderRevenueChart(series: readonly { label: string; values: readonly number[] }[], months: readonly string[], colour: boolean, actual?: ActualMonths): string {
  const before = actual?.values ?? [];
  const axis = [...(actual?.months ?? []), ...months];
  const width = Math.max(24, Math.min(72, axis.length * 6));
  const lines = series.map((s) => stretch([...before, ...s.values], width));
  const asciichart = chartLibrary();
  const palette = [asciichart.blue, asciichart.yellow, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.red];
  /** the actual months in the terminal's own colour, apart from every scheme's */
  const actualColour = asciichart.default;
  const colours = series.map((_, i) => palette[i % palette.length]);
  if (before.length > 0 && series.length > 0) {
    // drawn last, over the actual months every scheme's line starts from; its columns lie within the actual months
    lines.push(stretch([...before, ...series[0].values], width).slice(0, columnOf(before.length - 1, axis.length, width) + 1));
    colours.push(actualColour);
  }
  const all = lines.flat().filter(Number.isFinite);
  if (all.length === 0) return '';
  const top = Math.max(...all);
  const bottom = Math.min(...all);
  const label = (x: number) => groupThousands(x.toFixed(0));
  const pad = Math.max(label(top).length, label(bottom).length);
  const plot = asciichart.plot(lines, {
    height: 8,
    colors: colour ? colours : undefined,
    format: (x: number) => label(x).padStart(pad),
    ...(top === bottom ? { min: bottom - 1, max: top + 1 } : {}),
  });
  const indent = ' '.repeat(pad + 2);
  const rows = ['monthly revenue, median over runs', plot, `${indent}${monthAxis(axis, width, before.length)}`];
  if (before.length > 0) {
    const split = columnOf(before.length - 1, axis.length, width) + 1;
    rows[0] = 'monthly revenue: actual (the data), then the median over runs';
    rows.push(`${indent}${span(split, 'actual')}${span(width - split, 'simulated')}`);
  }
  const legend = series.map((s, i) => (colour ? asciichart.colored(`${SYMBOLS[i % SYMBOLS.length]} ${s.label}`, palette[i % palette.length]) : `${s.label}: line ${i + 1}`));
  if (before.length > 0) legend.unshift(colour ? asciichart.colored('━ actual', actualColour) : 'actual: the months left of the ruler');
  rows.push(`${indent}${legend.join('   ')}`);
  return rows.join('\n') + '\n';
}
