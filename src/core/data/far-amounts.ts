import { capped } from '../problems/capped.js';
import { warning, type Problem } from '../problems/problem.js';
import { linesOf } from './far-dates.js';
import { GrowableFloat64, GrowableInt32 } from './growable.js';
import { POW10 } from './plain-units.js';

/** an amount this many times the column's median is likely a typo (a missing decimal mark, digits pasted twice) */
export const FAR_FACTOR = 10_000;
/** the median says little about fewer values than this */
const MIN_VALUES = 20;
const MAX_SHOWN = 20;

/** a column's amounts at least FAR_FACTOR times its median size: `far` indexes `values`, `lines` and `cols` */
interface FarOnes {
  median: number;
  values: ArrayLike<number>;
  lines: ArrayLike<number>;
  cols: ArrayLike<number>;
  far: readonly number[];
}

/** a block's amount column as read (see addUnits) */
interface BlockAmounts {
  units: Float64Array;
  places: Uint8Array;
  lines: Int32Array;
  columns: Int32Array;
}

/** the amounts of one column of a file, with the line and column of each cell */
export class AmountsRead {
  private readonly values = new GrowableFloat64();
  private readonly lines = new GrowableInt32();
  private readonly cols = new GrowableInt32();
  /**
   * The block the column began with, as read, while nothing else is in it:
   * its amounts are made (what `add` keeps) only when more come, or when
   * the check needs them (its worker's facts did not come).
   */
  private block: BlockAmounts | undefined;
  /** the amounts of the block the column began with (addUnits into an empty column), 0 when it began otherwise */
  private firstBlock = 0;
  /** what the block's worker worked out of its amounts (see BlockFacts): their median size, and the far ones */
  private blockFacts: { median: number | undefined; far: Int32Array | undefined } | undefined;

  constructor(
    readonly file: string,
    readonly column: string,
  ) {}

  add(line: number, cellColumn: number, value: number): void {
    this.settle();
    this.values.push(value);
    this.lines.push(line);
    this.cols.push(cellColumn);
  }

  /**
   * `add` of a block's rows in order, each amount as units of 10^-places,
   * skipping a row whose column is 0 (a blank cell: no amount). The arrays
   * may be kept as they are (the caller leaves them be).
   */
  addUnits(units: Float64Array, places: Uint8Array, lines: Int32Array, columns: Int32Array): void {
    if (this.values.length === 0 && this.block === undefined) {
      let n = 0;
      for (let i = 0; i < columns.length; i++) if (columns[i] !== 0) n++;
      this.firstBlock = n;
      this.block = { units, places, lines, columns };
      return;
    }
    this.settle();
    this.push({ units, places, lines, columns });
  }

  /** the block kept as read made amounts, as `add` keeps them */
  private settle(): void {
    const block = this.block;
    if (block === undefined) return;
    this.block = undefined;
    this.push(block);
  }

  private push({ units, places, lines, columns }: BlockAmounts): void {
    const rows = units.length;
    const floats = blockAmounts(units, places, columns);
    const n = floats.length;
    const kept = n === rows ? undefined : { lines: new Int32Array(n), columns: new Int32Array(n) };
    if (kept) {
      for (let i = 0, k = 0; i < rows; i++) {
        if (columns[i] === 0) continue;
        kept.lines[k] = lines[i];
        kept.columns[k++] = columns[i];
      }
    }
    this.values.pushAll(floats);
    this.lines.pushAll(kept ? kept.lines : lines);
    this.cols.pushAll(kept ? kept.columns : columns);
  }

  /** what the worker of the block the column began with worked out of its amounts, `count` of them: kept when the column began with so many */
  takeBlockFacts(count: number, median: number | undefined, far: Int32Array | undefined): void {
    if (this.firstBlock > 0 && count === this.firstBlock) this.blockFacts = { median, far };
  }

  /** the amounts the column holds are those of the block it began with, and no other */
  private onlyBlock(): boolean {
    return this.block !== undefined || (this.firstBlock > 0 && this.values.length === this.firstBlock);
  }

  /**
   * The median size of the column's amounts (medianSize) and the amounts at
   * least FAR_FACTOR times it; undefined when there is no median. While the
   * column holds its first block alone, its worker's figures: the far
   * amounts are then made of the block's rows, and no other.
   */
  farOnes(): FarOnes | undefined {
    const known = this.blockFacts;
    if (known !== undefined && this.onlyBlock()) {
      const { median, far } = known;
      if (median === undefined) return undefined;
      if (far !== undefined && this.block !== undefined) return keptRows(this.block, far, median);
    }
    this.settle();
    const values = this.values.view();
    const median = known !== undefined && this.onlyBlock() ? known.median : medianSize(values);
    if (median === undefined) return undefined;
    return { median, values, lines: this.lines.view(), cols: this.cols.view(), far: farRows(values, FAR_FACTOR * median) };
  }
}

/** the amounts a block's rows log (blockAmounts) at the indexes `kept` (ascending), as FarOnes */
function keptRows(block: BlockAmounts, kept: Int32Array, median: number): FarOnes {
  const { units, places, lines, columns } = block;
  const values: number[] = [];
  const at: number[] = [];
  const cols: number[] = [];
  for (let i = 0, k = 0, j = 0; i < columns.length && j < kept.length; i++) {
    if (columns[i] === 0) continue;
    if (k++ !== kept[j]) continue;
    j++;
    values.push(units[i] / POW10[places[i]]);
    at.push(lines[i]);
    cols.push(columns[i]);
  }
  return { median, values, lines: at, cols, far: values.map((_, j) => j) };
}

/** a block's amounts as the log keeps them: each row's units over 10^places, a row whose column is 0 (a blank cell) left out */
export function blockAmounts(units: Float64Array, places: Uint8Array, columns: Int32Array): Float64Array<ArrayBuffer> {
  const rows = units.length;
  let n = 0;
  for (let i = 0; i < rows; i++) if (columns[i] !== 0) n++;
  const floats = new Float64Array(n);
  for (let i = 0, k = 0; i < rows; i++) if (columns[i] !== 0) floats[k++] = units[i] / POW10[places[i]];
  return floats;
}

/**
 * The amounts of a few columns (a sale's revenue, cost and gross profit, an
 * activity's hours) as they are read, kept compactly, to find those absurdly
 * far above the rest of their column once all rows are in: a warning at the
 * cell, since no rule can tell a huge sale from a typo for sure.
 */
export class AmountLog {
  /** file, then column, to the amounts read there */
  private readonly columns = new Map<string, Map<string, AmountsRead>>();

  add(file: string, column: string, at: { line: number; column: number }, value: number): void {
    this.addAt(file, column, at.line, at.column, value);
  }

  /** `add` without an object a call */
  addAt(file: string, column: string, line: number, cellColumn: number, value: number): void {
    this.column(file, column).add(line, cellColumn, value);
  }

  /** the amounts read in a file's column, to add to without a lookup a cell */
  column(file: string, column: string): AmountsRead {
    let byColumn = this.columns.get(file);
    if (!byColumn) this.columns.set(file, (byColumn = new Map()));
    let c = byColumn.get(column);
    if (!c) byColumn.set(column, (c = new AmountsRead(file, column)));
    return c;
  }

  /** what a block's worker worked out of a column's amounts (see BlockFacts): the column of that name, when only one file has it */
  takeBlockFacts(column: string, count: number, median: number | undefined, far: Int32Array | undefined): void {
    const logs = [...this.columns.values()].flatMap((byColumn) => [...byColumn.values()]).filter((log) => log.column === column);
    if (logs.length === 1) logs[0].takeBlockFacts(count, median, far);
  }

  farAmounts(): Problem[] {
    const out: Problem[] = [];
    for (const log of [...this.columns.values()].flatMap((byColumn) => [...byColumn.values()])) {
      const found = log.farOnes();
      if (found === undefined) continue;
      const { median, far } = found;
      const c = { file: log.file, column: log.column, values: found.values, lines: found.lines, cols: found.cols };
      const shownMedian = median.toLocaleString('en-US', { maximumFractionDigits: 2 });
      out.push(
        ...capped(
          far,
          MAX_SHOWN,
          (i) =>
            warning('bad-value', `${c.column}: ${c.values[i].toLocaleString('en-US', { maximumFractionDigits: 2 })} is ${Math.round(Math.abs(c.values[i]) / median).toLocaleString('en-US')} times the median ${c.column} (${shownMedian})`, {
              file: c.file,
              line: c.lines[i],
              column: c.cols[i],
              hint: 'check for a missing decimal mark or digits too many',
            }),
          (rest) =>
            warning('bad-value', `${rest.length.toLocaleString('en-US')} more ${c.column} values are over ${FAR_FACTOR.toLocaleString('en-US')} times the median (${shownMedian}), on lines ${linesOf(rest.map((i) => c.lines[i]))}`, {
              file: c.file,
              line: c.lines[rest[0]],
              column: c.cols[rest[0]],
              hint: 'check for a missing decimal mark or digits too many',
            }),
        ),
      );
    }
    return out;
  }
}

/**
 * The median size (absolute value) of the amounts that are not 0, as the
 * sizes sorted would have it at half their count; undefined for fewer than
 * MIN_VALUES of them. Indexed loops over the typed array, one pass to
 * gather: a million amounts a column (for...of, a pass to count and a
 * selection took 3.3x as long: farAmounts of 4.9 M amounts, 277 -> 84 ms).
 */
export function medianSize(values: Float64Array): number | undefined {
  const n = values.length;
  const sizes = new Float64Array(n);
  let count = 0;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== 0) sizes[count++] = Math.abs(v);
    if (v !== v) nan = true;
  }
  if (count < MIN_VALUES) return undefined;
  const k = count >> 1;
  return nan ? nthSmallest(sizes.subarray(0, count), k) : nthSize(sizes.subarray(0, count), k);
}

/** sizes fewer than this are selected among directly */
const BUCKETED_FROM = 1 << 14;
/** the leading bits of a size's binary64 that bucket it: sign, exponent and 8 bits of the fraction */
const BUCKET_BITS = 20;
/** the platform stores a double's high word second (nthSize reads it through a Uint32Array) */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * nthSmallest for sizes (no NaN, none negative), in two passes over them
 * rather than a selection's many: counted by their leading bits, which
 * order sizes as their values do (a binary64 that is not negative orders as
 * its bits), then selected among the bucket that holds the k-th. Sizes of a
 * million amounts: 18 ms by selection alone, 8 ms so.
 */
export function nthSize(sizes: Float64Array, k: number): number {
  const n = sizes.length;
  if (n < BUCKETED_FROM || !LITTLE_ENDIAN) return nthSmallest(sizes, k);
  const words = new Uint32Array(sizes.buffer, sizes.byteOffset, 2 * n);
  const shift = 32 - BUCKET_BITS;
  const counts = new Int32Array(1 << BUCKET_BITS);
  for (let i = 1; i < 2 * n; i += 2) counts[words[i] >>> shift]++;
  let below = 0;
  let bucket = 0;
  while (below + counts[bucket] <= k) below += counts[bucket++];
  const held = new Float64Array(counts[bucket]);
  let j = 0;
  for (let i = 0; i < n; i++) if (words[2 * i + 1] >>> shift === bucket) held[j++] = sizes[i];
  return nthSmallest(held, k - below);
}

/** the rows whose amount's size is at least `limit` */
export function farRows(values: Float64Array, limit: number): number[] {
  const far: number[] = [];
  for (let i = 0, n = values.length; i < n; i++) if (Math.abs(values[i]) >= limit) far.push(i);
  return far;
}

/**
 * The k-th smallest of `values` (0-based), as values sorted ascending would
 * have it at k: found by selection in linear time, not by a sort (a million
 * amounts a column). Reorders `values`.
 */
export function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    // the median of three as the pivot
    const mid = lo + ((hi - lo) >> 1);
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    // values[lo..j] <= pivot <= values[i..hi], and values between j and i equal the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
