import { colours, type Io } from '../context.js';
import { outputFile, type OutputFile } from '../io/output-file.js';

/** how a simulating command's result is printed and written: by its own options, or by merge's */
export interface Rendering {
  format: 'table' | 'json' | 'csv';
  out: OutputFile | undefined;
  html: OutputFile | undefined;
  /** colour wanted (no --no-color) */
  color: boolean;
  quiet: boolean;
}

export function renderingOf(io: Io, opts: { format?: string; out?: string; html?: string; color?: boolean; quiet?: boolean }): Rendering {
  return { format: (opts.format ?? 'table') as Rendering['format'], out: outputFile(io, '--out', opts.out), html: outputFile(io, '--html', opts.html), color: opts.color !== false, quiet: opts.quiet === true };
}

/** the revenue chart after a table on a terminal */
export function terminalChart(io: Io, r: Rendering): boolean {
  return r.format === 'table' && !r.quiet && !r.out && io.outIsTTY;
}

/** colours of the result: none in a file */
export function resultColours(io: Io, r: Rendering) {
  return colours(io, r.color && !r.out);
}
