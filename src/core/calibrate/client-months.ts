import { GrowableFloat64, GrowableInt32, GrowableUint8 } from '../data/growable.js';

/**
 * A panel's client-months (panel.ts) in columns, not one object per month:
 * a large history has about a million of them (prospect-, signed- and
 * active-months), some 300 MB as objects. Row i of each column is one
 * month; a segment is its place in the panel's `segmentNames`, a rep his
 * place in `repNames`.
 */
export interface ProspectMonths {
  readonly length: number;
  hours: Float64Array;
  /** 1 when the prospect signed that month */
  signed: Uint8Array;
  /** the rep who gave the hours (the first by id when several did) */
  rep: Int32Array;
  segment: Int32Array;
}

/** what became of a signed client in a month */
export const STAYED = 0, ACTIVATED = 1, COLD = 2;

export interface SignedMonths {
  readonly length: number;
  hours: Float64Array;
  /** STAYED, ACTIVATED or COLD (lost) */
  outcome: Uint8Array;
  segment: Int32Array;
}

export interface ActiveMonths {
  readonly length: number;
  hours: Float64Array;
  /** 1 when the client was lost that month */
  lost: Uint8Array;
  /** months with hours from its current rep before this month (the relationship's count, uncapped) */
  relationshipMonths: Int32Array;
  segment: Int32Array;
}

/** the prospect-months as objects would give them, for a fit's tests: a rep or segment by its name */
export function prospectMonthsOf(rows: readonly { hours: number; signed: boolean; rep: string; segment?: string }[]): ProspectMonths {
  const reps = new Names(), segments = new Names();
  return {
    length: rows.length,
    hours: Float64Array.from(rows, (r) => r.hours),
    signed: Uint8Array.from(rows, (r) => (r.signed ? 1 : 0)),
    rep: Int32Array.from(rows, (r) => reps.of(r.rep)),
    segment: Int32Array.from(rows, (r) => segments.of(r.segment)),
  };
}

/** names (reps, segments) by their place, in the order first seen */
export class Names<N extends string | undefined = string | undefined> {
  readonly list: N[] = [];
  private readonly index = new Map<N, number>();

  of(name: N): number {
    let at = this.index.get(name);
    if (at === undefined) {
      at = this.list.length;
      this.index.set(name, at);
      this.list.push(name);
    }
    return at;
  }
}

/** the months of one kind as they are found, then fixed in columns */
export class ProspectMonthsBuilder {
  private readonly hours = new GrowableFloat64();
  private readonly signed = new GrowableUint8();
  private readonly rep = new GrowableInt32();
  private readonly segment = new GrowableInt32();

  /** the months pushed so far: the row the next push takes */
  get length(): number {
    return this.hours.length;
  }

  push(hours: number, signed: boolean, rep: number, segment: number): void {
    this.hours.push(hours);
    this.signed.push(signed ? 1 : 0);
    this.rep.push(rep);
    this.segment.push(segment);
  }

  finish(): ProspectMonths {
    return { length: this.hours.length, hours: fixed(this.hours), signed: fixed(this.signed), rep: fixed(this.rep), segment: fixed(this.segment) };
  }
}

export class SignedMonthsBuilder {
  private readonly hours = new GrowableFloat64();
  private readonly outcome = new GrowableUint8();
  private readonly segment = new GrowableInt32();

  push(hours: number, outcome: number, segment: number): void {
    this.hours.push(hours);
    this.outcome.push(outcome);
    this.segment.push(segment);
  }

  finish(): SignedMonths {
    return { length: this.hours.length, hours: fixed(this.hours), outcome: fixed(this.outcome), segment: fixed(this.segment) };
  }
}

export class ActiveMonthsBuilder {
  private readonly hours = new GrowableFloat64();
  private readonly lost = new GrowableUint8();
  private readonly relationshipMonths = new GrowableInt32();
  private readonly segment = new GrowableInt32();

  push(hours: number, lost: boolean, relationshipMonths: number, segment: number): void {
    this.hours.push(hours);
    this.lost.push(lost ? 1 : 0);
    this.relationshipMonths.push(relationshipMonths);
    this.segment.push(segment);
  }

  finish(): ActiveMonths {
    return { length: this.hours.length, hours: fixed(this.hours), lost: fixed(this.lost), relationshipMonths: fixed(this.relationshipMonths), segment: fixed(this.segment) };
  }
}

/** the rows of a segment, in their order: the same columns, copied */
export function rowsOf<R extends { readonly length: number }>(rows: R, segment: Int32Array, which: number): R {
  const picked: number[] = [];
  for (let i = 0; i < rows.length; i++) if (segment[i] === which) picked.push(i);
  const out: Record<string, unknown> = { length: picked.length };
  for (const [key, column] of Object.entries(rows)) {
    if (key === 'length') continue;
    const from = column as unknown as Float64Array | Int32Array | Uint8Array;
    const to = new (from.constructor as Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor)(picked.length);
    for (let j = 0; j < picked.length; j++) to[j] = from[picked[j]];
    out[key] = to;
  }
  return out as unknown as R;
}

/** the values pushed, in an array of their own size */
function fixed<A extends Float64Array | Int32Array | Uint8Array>(column: { trim(): void; view(): A }): A {
  column.trim();
  return column.view();
}

/** how many rows have a column at `value` */
export function countOf(column: Uint8Array, value: number): number {
  let n = 0;
  for (let i = 0; i < column.length; i++) if (column[i] === value) n++;
  return n;
}
