/** did-you-mean: the closest candidate by edit distance, if it is close enough to be a likely typo */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const d = distance(lower, cl);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  if (bestDistance <= limit) return best;
  // a prefix or a word in a snake_case name counts too: "profit" -> "gross_profit"
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (lower.length >= 3 && (cl.startsWith(lower) || cl.split(/[_-]/).includes(lower))) return c;
  }
  return undefined;
}

/** optimal string alignment distance (Levenshtein with adjacent transpositions) */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
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
