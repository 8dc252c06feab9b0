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
  // each kind's ids as Unicode writes them alike (NFC, any space as a space): 'café' in two forms, a no-break space
  const alikes = new Map<IdRef['kind'], Map<string, string>>();
  const alike = (kind: IdRef['kind']) => {
    let a = alikes.get(kind);
    if (!a) {
      alikes.set(kind, (a = new Map()));
      for (const id of known[kind].keys()) if (!a.has(writtenAlike(id))) a.set(writtenAlike(id), id);
    }
    return a;
  };
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
      const dym = suggested++ < MAX_SUGGESTED ? (alike(r.kind).get(writtenAlike(r.id)) ?? suggester(r.kind).suggest(r.id)) : undefined;
      const unseen = dym === undefined ? undefined : unseenDifference(r.id, dym);
      out.push(
        problem('unknown-id', `${r.what} '${clip(r.id)}' is not a ${r.kind} in ${TABLE[r.kind]}${dym ? `; did you mean '${dym}'?${unseen ? ` (${unseen} in ${TABLE[r.kind]})` : ''}` : ''}`, {
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

/** an id as Unicode writes it alike: composed (NFC), every kind of space a plain one */
function writtenAlike(id: string): string {
  return id.normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
}

/**
 * Where an id and the one it likely means differ by characters that look
 * alike, or that no one sees (a no-break space, a Cyrillic letter for a
 * Latin one, a letter and its accent written apart): the first such, by
 * code point (QA: "owner 'Анна Петрова' is not a rep; did you mean 'Анна
 * Петрова'?", the two alike on screen). Undefined where they differ by
 * plain ASCII letters, a typo anyone sees.
 */
function unseenDifference(written: string, meant: string): string | undefined {
  const a = [...written];
  const b = [...meant];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const shown = (c: string | undefined) => (c === undefined ? 'nothing' : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    // (a letter more or less at the end is as plain as one for another)
    const plain = (c: string | undefined) => c === undefined || /^[\x20-\x7e]$/.test(c);
    if (plain(a[i]) && plain(b[i])) return undefined;
    return `character ${i + 1} is ${shown(a[i])} here and ${shown(b[i])}`;
  }
  return undefined;
}
