import asciichart from 'asciichart';
import { groupThousands } from '../../core/money/format.js';

const COLOURS = [asciichart.blue, asciichart.yellow, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.red];
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

/**
 * A small line chart of monthly revenue (the median over runs) per scheme,
 * for the terminal: colours only when `colour`, a legend naming each line.
 */
export function renderRevenueChart(series: readonly { label: string; values: readonly number[] }[], months: readonly string[], colour: boolean, title = 'monthly revenue, median over runs'): string {
  const width = Math.max(24, Math.min(72, months.length * 6));
  const lines = series.map((s) => stretch(s.values, width));
  const all = lines.flat().filter(Number.isFinite);
  if (all.length === 0) return '';
  const top = Math.max(...all);
  const bottom = Math.min(...all);
  const label = (x: number) => groupThousands(x.toFixed(0));
  const pad = Math.max(label(top).length, label(bottom).length);
  const plot = asciichart.plot(lines, {
    height: 8,
    colors: colour ? series.map((_, i) => COLOURS[i % COLOURS.length]) : undefined,
    format: (x: number) => label(x).padStart(pad),
    ...(top === bottom ? { min: bottom - 1, max: top + 1 } : {}),
  });
  const indent = ' '.repeat(pad + 2);
  const axis = months.length > 1 ? `${indent}${months[0]}${months[months.length - 1].padStart(width - months[0].length)}` : `${indent}${months[0] ?? ''}`;
  const legend = series.map((s, i) => (colour ? asciichart.colored(`${SYMBOLS[i % SYMBOLS.length]} ${s.label}`, COLOURS[i % COLOURS.length]) : `${s.label}: line ${i + 1}`)).join('   ');
  return [title, plot, axis, `${indent}${legend}`].join('\n') + '\n';
}
