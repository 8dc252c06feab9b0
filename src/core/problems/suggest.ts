/**
 * Names longer than this are never compared: a typo is suggested for a key,
 * a measure or an id, not for a pasted paragraph, and the comparison of two
 * names costs their lengths multiplied.
 */
export const MAX_SUGGEST_LENGTH = 64;

/** how many edits still read as a typo of a name this long */
function typoLimit(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * Did-you-mean over one set of candidates, indexed once so that each
 * question costs only the candidates of about the same length: a name can
 * only be a typo of one whose length differs by at most its typo limit.
 */
export class Suggester {
  private readonly names: string[] = [];
  private readonly exact = new Map<string, number>();
  /** candidate indices by length of the lower-case name */
  private readonly byLength = new Map<number, number[]>();
  /** the first candidate with each snake_case or kebab-case word */
  private readonly words = new Map<string, number>();
  /** made when first asked (most questions are answered before): the candidates of two words or more with their words, and those words each once by length */
  private wordIndex: { worded: { index: number; words: string[] }[]; byLength: Map<number, string[]> } | undefined;
  private readonly lower: string[] = [];
  /** per candidate of two words or more, its words in alphabetical order (a name with its words swapped is one edit away) */
  private readonly sorted: (string | undefined)[] = [];

  /**
   * `aliases` are other names of a candidate, [other name, candidate]: the
   * names a user knows it by elsewhere (the measure new_clients is the run
   * metric clients_signed). They are compared like the candidates (after
   * them: a candidate as close wins) and answer with their candidate.
   */
  constructor(candidates: Iterable<string>, aliases: Iterable<readonly [string, string]> = []) {
    const written: [string, string][] = [];
    for (const c of candidates) written.push([c, c]);
    for (const [other, c] of aliases) written.push([other, c]);
    for (const [w, c] of written) {
      const i = this.names.length;
      const cl = w.toLowerCase();
      this.names.push(c);
      this.lower.push(cl);
      this.sorted.push(sortedWords(cl));
      if (!this.exact.has(cl)) this.exact.set(cl, i);
      if (cl.length > MAX_SUGGEST_LENGTH) continue;
      let bucket = this.byLength.get(cl.length);
      if (!bucket) this.byLength.set(cl.length, (bucket = []));
      bucket.push(i);
      for (const w of cl.split(/[_-]/)) if (!this.words.has(w)) this.words.set(w, i);
    }
  }

  private wordsIndexed(): NonNullable<Suggester['wordIndex']> {
    if (this.wordIndex) return this.wordIndex;
    const worded: { index: number; words: string[] }[] = [];
    const byLength = new Map<number, string[]>();
    const seen = new Set<string>();
    for (const bucket of this.byLength.values()) {
      for (const i of bucket) {
        const words = wordsOf(this.lower[i]);
        if (words.length < 2) continue;
        worded.push({ index: i, words });
        for (const w of words) {
          if (seen.has(w)) continue;
          seen.add(w);
          let same = byLength.get(w.length);
          if (!same) byLength.set(w.length, (same = []));
          same.push(w);
        }
      }
    }
    // in the candidates' order: the first of those as close wins
    worded.sort((a, b) => a.index - b.index);
    return (this.wordIndex = { worded, byLength });
  }

  /** the closest candidate, if it is close enough to be a likely typo */
  suggest(input: string): string | undefined {
    const lower = input.toLowerCase();
    const same = this.exact.get(lower);
    if (same !== undefined) return this.names[same];
    if (lower.length > MAX_SUGGEST_LENGTH) return undefined;
    let best = -1;
    let bestDistance = Infinity;
    const lowerSorted = sortedWords(lower);
    const widest = typoLimit(Math.floor((lower.length * 3) / 2));
    for (let length = Math.max(0, lower.length - widest); length <= lower.length + widest; length++) {
      const limit = typoLimit(Math.max(lower.length, length));
      if (Math.abs(length - lower.length) > limit) continue;
      for (const i of this.byLength.get(length) ?? []) {
        const within = Math.min(limit, bestDistance);
        let d = distanceWithin(lower, this.lower[i], within);
        const sorted = this.sorted[i];
        // words in another order: one edit for the order, then the words' typos (owned_clients -> clients_owned)
        if (d > 1 && lowerSorted !== undefined && sorted !== undefined && sameWordCount(lowerSorted, sorted)) d = Math.min(d, 1 + distanceWithin(lowerSorted, sorted, Math.max(0, within - 1)));
        if (d <= limit && (d < bestDistance || (d === bestDistance && i < best))) {
          bestDistance = d;
          best = i;
        }
      }
    }
    if (best >= 0) return this.names[best];
    // a prefix or a word in a snake_case name counts too: "profit" -> "gross_profit"
    if (lower.length < 3) return undefined;
    let first = this.words.get(lower) ?? Infinity;
    for (const [length, bucket] of this.byLength) {
      if (length <= lower.length) continue;
      for (const i of bucket) {
        if (i >= first) break;
        if (this.lower[i].startsWith(lower)) first = i;
      }
    }
    if (first !== Infinity) return this.names[first];
    return this.closeWords(lower);
  }

  /**
   * A name whose words are each a typo of a word of a candidate: "profitt"
   * -> "gross_profit", "gros_proft" -> "gross_profit". The candidate whose
   * words are closest in all (the first of those as close). A word shorter
   * than three letters must be one of the candidate's as it is.
   */
  private closeWords(lower: string): string | undefined {
    const parts = wordsOf(lower);
    const { worded, byLength } = this.wordsIndexed();
    if (parts.length === 0 || worded.length === 0) return undefined;
    // per word of the name, the candidates' words near it and how near
    const near: Map<string, number>[] = [];
    for (const part of parts) {
      const found = new Map<string, number>();
      const widest = part.length < 3 ? 0 : typoLimit(Math.floor((part.length * 3) / 2));
      for (let length = Math.max(1, part.length - widest); length <= part.length + widest; length++) {
        const limit = part.length < 3 ? 0 : typoLimit(Math.max(part.length, length));
        if (Math.abs(length - part.length) > limit) continue;
        for (const w of byLength.get(length) ?? []) {
          const d = distanceWithin(part, w, limit);
          if (d <= limit) found.set(w, d);
        }
      }
      if (found.size === 0) return undefined;
      near.push(found);
    }
    let best = -1;
    let bestDistance = Infinity;
    for (const { index, words } of worded) {
      let total = 0;
      for (const found of near) {
        let closest = Infinity;
        for (const w of words) closest = Math.min(closest, found.get(w) ?? Infinity);
        total += closest;
        if (total >= bestDistance) break;
      }
      if (total < bestDistance) {
        bestDistance = total;
        best = index;
      }
    }
    return best >= 0 ? this.names[best] : undefined;
  }
}

/**
 * A name of two words or more with its words in alphabetical order, joined
 * by '_' (else undefined). Empty words are kept, so that it is as long as
 * the name: the candidates compared are those of about the input's length.
 */
function sortedWords(lower: string): string | undefined {
  const words = lower.split(/[_-]/);
  return words.length < 2 ? undefined : words.sort().join('_');
}

function sameWordCount(a: string, b: string): boolean {
  return a.split('_').length === b.split('_').length;
}

/** the snake_case or kebab-case words of a lower-case name, none empty */
function wordsOf(lower: string): string[] {
  return lower.split(/[_-]/).filter((w) => w.length > 0);
}

/** did-you-mean: the closest candidate by edit distance, if it is close enough to be a likely typo */
export function suggest(input: string, candidates: Iterable<string>, aliases?: Iterable<readonly [string, string]>): string | undefined {
  return new Suggester(candidates, aliases).suggest(input);
}

/** optimal string alignment distance (Levenshtein with adjacent transpositions) */
export function distance(a: string, b: string): number {
  return distanceWithin(a, b, Math.max(a.length, b.length));
}

/**
 * The distance of a and b when it is at most `max`, else max + 1: only the
 * band of cells within `max` of the diagonal is filled, and the work stops
 * as soon as a whole row is over.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  const over = max + 1;
  // three rows: the one before last (for transpositions), the last and this one
  let before = new Array<number>(n + 1).fill(over);
  let last = new Array<number>(n + 1);
  let row = new Array<number>(n + 1).fill(over);
  for (let j = 0; j <= n; j++) last[j] = j <= max ? j : over;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    row.fill(over);
    row[0] = i <= max ? i : over;
    let rowMin = row[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d > over ? over : d;
      if (row[j] < rowMin) rowMin = row[j];
    }
    if (rowMin > max) return over;
    [before, last, row] = [last, row, before];
  }
  return Math.min(last[n], over);
}

export function didYouMean(input: string, candidates: Iterable<string>, aliases?: Iterable<readonly [string, string]>): string {
  const s = suggest(input, candidates, aliases);
  return s ? `did you mean '${s}'?` : '';
}

/** "a, b or c" */
export function listOr(items: readonly string[], quote = true): string {
  return joinLast(items, 'or', quote);
}

/** "a, b and c" */
export function listAnd(items: readonly string[], quote = true): string {
  return joinLast(items, 'and', quote);
}

function joinLast(items: readonly string[], word: string, quote: boolean): string {
  const q = items.map((i) => (quote ? `'${i}'` : i));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${word} ${q[q.length - 1]}`;
}
