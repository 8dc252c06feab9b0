/**
 * The count of what a mapped export file gave: its rows, the rows skipped
 * (by reason), left out on purpose, or read in some other way; printed after
 * loading as one line per file.
 */
export class MappingTally {
  rows = 0;
  private readonly skipped = new Map<string, number>();
  private readonly other = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly what: string,
  ) {}

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  /** rows left out on purpose or read differently: 'prospect left out', 'on a prospect, read as prospecting' */
  count(phrase: string): void {
    this.other.set(phrase, (this.other.get(phrase) ?? 0) + 1);
  }

  get skippedRows(): number {
    return [...this.skipped.values()].reduce((a, b) => a + b, 0);
  }

  /** "mapped deals.csv as clients: 25 rows, 3 skipped (2 unknown stage 'Отказ', 1 bad date), 4 prospects left out" (reasons singular: they are made plural here) */
  text(): string {
    const parts = [`${this.rows} row${this.rows === 1 ? '' : 's'}`];
    const skipped = this.skippedRows;
    if (skipped > 0) parts.push(`${skipped} skipped (${byCount(this.skipped).join(', ')})`);
    parts.push(...byCount(this.other));
    return `mapped ${this.file} as ${this.what}: ${parts.join(', ')}`;
  }
}

/** reasons and phrases as they read after a count above one */
const PLURAL: Record<string, string> = {
  'bad date': 'bad dates',
  'bad number': 'bad numbers',
  'bad value': 'bad values',
  'empty cell': 'empty cells',
  'ragged row': 'ragged rows',
  'unknown client': 'unknown clients',
  'of a skipped client': 'of skipped clients',
  'of a skipped rep': 'of skipped reps',
  'sale to a prospect': 'sales to prospects',
  'prospect left out': 'prospects left out',
  'credit on a prospect left out': 'credits on prospects left out',
  'on a prospect, read as prospecting': 'on prospects, read as prospecting',
};

function byCount(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${n > 1 ? (PLURAL[reason] ?? reason) : reason}`);
}
