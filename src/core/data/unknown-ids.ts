import { clip } from '../problems/format.js';
import { problem, type Problem } from '../problems/problem.js';
import { Suggester } from '../problems/suggest.js';

/** the ids of reps or of clients: a set, or a map from each */
export type KnownIds = { keys(): Iterable<string> };

/** a cell that names a rep or a client */
export interface IdRef {
  kind: 'rep' | 'client';
  id: string;
  file: string;
  line: number;
  column: number;
  /** the column it is in: owner, rep_id, client_id, ... */
  what: string;
}

/** unknown ids of one shape in one column past this many are one problem, not one each */
export const SHAPE_SUMMARY_MIN = 20;
/** unknown ids of one column that get a did-you-mean; the rest are reported without one */
export const MAX_SUGGESTED = 25;
/** lines a summary lists */
const LINES_SHOWN = 8;

const TABLE = { rep: 'reps.csv', client: 'clients.csv' } as const;

/**
 * What an id looks like, whatever it is: letters as 'a', digits as '9',
 * other characters as they are ('CL-0042' -> 'aa-9999'). Many unknown ids of
 * one shape are one mistake (an export that writes ids its own way), not
 * many typos.
 */
export function idShape(id: string): string {
  return id.replace(/\p{L}/gu, 'a').replace(/\p{N}/gu, '9');
}

/**
 * Problems for ids that are not in reps.csv or clients.csv. A few are one
 * problem each with a did-you-mean; many of one shape in one column are one
 * problem that counts them. Either way the work is bounded whatever the data:
 * at most MAX_SUGGESTED did-you-mean searches per column, each over the
 * candidates of about the same length.
 */
export function unknownIdProblems(unknown: readonly IdRef[], known: Record<IdRef['kind'], KnownIds>): Problem[] {
  const suggesters = new Map<IdRef['kind'], Suggester>();
  const suggester = (kind: IdRef['kind']) => {
    let s = suggesters.get(kind);
    if (!s) suggesters.set(kind, (s = new Suggester(known[kind].keys())));
    return s;
  };
  const byColumn = new Map<string, IdRef[]>();
  for (const r of unknown) {
    const key = `${r.file}\u0000${r.what}\u0000${r.kind}`;
    const refs = byColumn.get(key);
    if (refs) refs.push(r);
    else byColumn.set(key, [r]);
  }
  const out: Problem[] = [];
  for (const refs of byColumn.values()) {
    const byShape = new Map<string, IdRef[]>();
    for (const r of refs) {
      const shape = idShape(r.id);
      const same = byShape.get(shape);
      if (same) same.push(r);
      else byShape.set(shape, [r]);
    }
    let suggested = 0;
    for (const r of refs) {
      const same = byShape.get(idShape(r.id))!;
      if (same.length >= SHAPE_SUMMARY_MIN) {
        if (same[0] === r) out.push(summary(same, known[r.kind]));
        continue;
      }
      const dym = suggested++ < MAX_SUGGESTED ? suggester(r.kind).suggest(r.id) : undefined;
      out.push(
        problem('unknown-id', `${r.what} '${clip(r.id)}' is not a ${r.kind} in ${TABLE[r.kind]}${dym ? `; did you mean '${dym}'?` : ''}`, {
          file: r.file,
          line: r.line,
          column: r.column,
          hint: `add the ${r.kind} to ${TABLE[r.kind]} or fix the id`,
        }),
      );
    }
  }
  return out;
}

/** one problem for many unknown ids of one shape in one column, placed at the first */
function summary(refs: readonly IdRef[], known: KnownIds): Problem {
  const [first] = refs;
  const table = TABLE[first.kind];
  const lines = refs.slice(0, LINES_SHOWN).map((r) => r.line);
  const more = refs.length - lines.length;
  const shape = idShape(first.id);
  const example = commonestShape(known);
  const unlike = example !== undefined && idShape(example) !== shape ? `, whose ids look like '${clip(example)}'` : '';
  return problem(
    'unknown-id',
    `${first.what} '${clip(first.id)}' and ${(refs.length - 1).toLocaleString('en-US')} more like it (lines ${lines.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}) are not ${first.kind}s in ${table}${unlike}`,
    {
      file: first.file,
      line: first.line,
      column: first.column,
      hint: unlike ? `write the ids as ${table} does, or add the ${first.kind}s to ${table}` : `add the ${first.kind}s to ${table}, or check that the export is complete`,
    },
  );
}

/** an id of the shape most known ids have */
function commonestShape(known: KnownIds): string | undefined {
  const counts = new Map<string, { n: number; example: string }>();
  let best: { n: number; example: string } | undefined;
  for (const id of known.keys()) {
    const shape = idShape(id);
    const c = counts.get(shape) ?? { n: 0, example: id };
    c.n++;
    counts.set(shape, c);
    if (!best || c.n > best.n) best = c;
  }
  return best?.example;
}
