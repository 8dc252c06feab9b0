import type { Month } from '../time/month.js';
import type { Activity, Q, RowSource } from '../types.js';
import { AmountColumn } from './amount-column.js';
import { CodedStrings, type Coded } from './coded-strings.js';
import type { ActivityFacts } from './facts.js';
import { GrowableFloat64, GrowableInt32 } from './growable.js';
import type { DecimalMark } from './numbers.js';
import type { PlainUnits } from './plain-units.js';
import { RowSources } from './row-sources.js';

/**
 * activity.csv's rows in columns (see TransactionColumns): a million rows of
 * hours keep a month, three shared strings, the hours as units and a line
 * each, not an Activity object with its rational and its source.
 */
export class ActivityColumns implements ActivityFacts<Q> {
  private readonly months = new GrowableInt32();
  private readonly reps = new CodedStrings<string>();
  private readonly clients = new CodedStrings<string | undefined>();
  private readonly activities = new CodedStrings<string | undefined>();
  private readonly hourColumn = new AmountColumn();
  private readonly contactCounts = new GrowableFloat64();
  private readonly sources = new RowSources();

  get length(): number {
    return this.reps.length;
  }

  push(a: Omit<Activity<Q>, 'source'>, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined): void {
    this.pushFields(a, file, decimal, line, dateColumn);
    this.hourColumn.push(a.hours);
  }

  /** a row whose hours were a plain decimal (or blank: 0), given as units (see PlainUnits): no rational is made */
  pushPlain(a: Omit<Activity<Q>, 'source' | 'hours'> & { hours: PlainUnits }, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined): void {
    this.pushFields(a, file, decimal, line, dateColumn);
    this.hourColumn.pushUnits(a.hours.units, a.hours.places);
  }

  /**
   * Rows of plain hours at once (see pushPlain): the month of each, its rep,
   * client and activity as codes into `texts` (-1 for none; see
   * CodedStrings.pushCodes), its hours as units of 10^-places, its line and
   * the column of its month. The arrays may be kept as they are: the caller
   * leaves them be.
   */
  pushPlainBlock(
    rows: { months: Int32Array; reps: Int32Array; clients: Int32Array; activities: Int32Array; hourUnits: Float64Array; hourPlaces: Uint8Array; lines: Int32Array; monthColumns: Int32Array },
    texts: { reps: readonly string[]; clients: readonly string[]; activities: readonly string[] },
    file: string,
    decimal: DecimalMark,
  ): void {
    const n = rows.months.length;
    this.months.pushAll(rows.months);
    this.reps.pushCodes(rows.reps, texts.reps);
    this.clients.pushCodes(rows.clients, texts.clients);
    this.activities.pushCodes(rows.activities, texts.activities);
    this.contactCounts.pushAll(new Float64Array(n));
    this.sources.pushAll(file, decimal, rows.lines, rows.monthColumns);
    this.hourColumn.pushAllUnits(rows.hourUnits, rows.hourPlaces);
  }

  private pushFields(a: Omit<Activity<Q>, 'source' | 'hours'>, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined): void {
    this.months.push(a.month);
    this.reps.push(a.rep);
    this.clients.push(a.client);
    this.activities.push(a.activity);
    this.contactCounts.push(a.contacts);
    this.sources.push(file, decimal, line, dateColumn, undefined);
  }

  /** row i's hours made these (a cell read again, see DecimalMarks) */
  setHours(i: number, hours: Q): void {
    this.hourColumn.set(i, hours);
  }

  /** all rows are in: the typed arrays keep no room for more */
  trim(): void {
    for (const column of [this.months, this.reps, this.clients, this.activities, this.hourColumn, this.contactCounts, this.sources]) column.trim();
  }

  month(i: number): Month {
    return this.months.at(i);
  }
  rep(i: number): string {
    return this.reps.at(i);
  }
  client(i: number): string | undefined {
    return this.clients.at(i);
  }
  /** every row's client as a code (-1 for none; see Coded) */
  clientCodes(): Coded {
    return this.clients.coded();
  }
  activity(i: number): string | undefined {
    return this.activities.at(i);
  }
  hours(i: number): Q {
    return this.hourColumn.get(i);
  }
  /** the hours as an AmountColumn keeps them, for a sum without a rational a row (see DecimalSum) */
  get hourAmounts(): AmountColumn {
    return this.hourColumn;
  }
  contacts(i: number): number {
    return this.contactCounts.at(i);
  }
  source(i: number): RowSource {
    return this.sources.at(i);
  }

  /** the rows as objects, as the dataset's `activity` array holds them */
  toObjects(): Activity<Q>[] {
    const rows: Activity<Q>[] = [];
    for (let i = 0; i < this.length; i++) {
      rows.push({
        month: this.months.at(i),
        rep: this.reps.at(i),
        client: this.clients.at(i),
        activity: this.activities.at(i),
        hours: this.hours(i),
        contacts: this.contactCounts.at(i),
        source: this.sources.at(i),
      });
    }
    return rows;
  }
}
