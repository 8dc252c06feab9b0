import { problem, type Problem } from '../problems/problem.js';
import { suggest } from '../problems/suggest.js';
import { normaliseLabel, type Named } from './map.js';

/** where an export's header line is */
export interface ExportHeader {
  file: string;
  cells: readonly string[];
  line: number;
  columns?: readonly number[];
}

/**
 * The index of each column the map names in an export's header, matched
 * without regard to case and runs of spaces; a name the header lacks (with a
 * did-you-mean from the header) or holds twice is an error on the header line.
 */
export function resolveColumns(header: ExportHeader, names: readonly { named: Named; what: string }[]): { index: Map<Named, number>; problems: Problem[] } {
  const normalised = header.cells.map(normaliseLabel);
  const index = new Map<Named, number>();
  const problems: Problem[] = [];
  for (const { named, what } of names) {
    const key = normaliseLabel(named.name);
    const hits = normalised.flatMap((h, i) => (h === key ? [i] : []));
    if (hits.length === 1) {
      index.set(named, hits[0]);
      continue;
    }
    if (hits.length > 1) {
      problems.push(
        problem('csv-duplicate-column', `columns ${hits.map((i) => i + 1).join(' and ')} are both named '${named.name}': the map cannot tell which one is ${what}`, {
          file: header.file,
          line: header.line,
          column: header.columns?.[hits[1]] ?? 1,
          hint: `rename one of them in the export, and name it in the map (${named.where})`,
        }),
      );
      continue;
    }
    const guess = guessColumn(named.name, header.cells);
    problems.push(
      problem('csv-missing-column', `the export has no column '${named.name}', which the map (${named.where}) names as ${what}${guess ? `; did you mean '${guess}'?` : ''}`, {
        file: header.file,
        line: header.line,
        column: 1,
        hint: `the header has: ${listed(header.cells)}`,
      }),
    );
  }
  return { index, problems };
}

function listed(cells: readonly string[]): string {
  const names = cells.map((c) => c.trim());
  return names.length > 15 ? `${names.slice(0, 15).join(', ')}, ... (${names.length} columns)` : names.join(', ');
}

/** the header cell a missing name most likely means: a near spelling, else one holding the other ('Этап' for 'Этап сделки') */
function guessColumn(name: string, cells: readonly string[]): string | undefined {
  const present = cells.map((c) => c.trim()).filter((c) => c !== '');
  const near = suggest(name, present);
  if (near !== undefined) return near;
  const key = normaliseLabel(name);
  return present.find((c) => {
    const h = normaliseLabel(c);
    return h.length >= 3 && (key.includes(h) || h.includes(key));
  });
}
