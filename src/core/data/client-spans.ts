import type { Client } from '../types.js';
import { untrimmed } from './activity-block.js';
import { isoDayAt } from './cells.js';
import { parseStatus } from './client-state.js';
import type { DateLog } from './far-dates.js';
import type { ColumnMarks } from './decimal-marks.js';
import type { DecimalMark } from './numbers.js';
import { ownString } from './own-string.js';
import type { SpanReader } from './plain-spans.js';
import { SpanStrings } from './span-strings.js';
import { IdLookup, type TakenIds } from './taken-ids.js';

/** where a client row goes: the builder's clients, the column of each one's id cell, its date log and the ids taken */
export interface ClientTarget {
  readonly clients: Client[];
  readonly clientIdColumns: number[];
  readonly dates: DateLog;
  readonly ids: { readonly rep: TakenIds; readonly client: TakenIds };
}

/** clients.csv's header, as the builder reads it */
interface ClientFile {
  file: string;
  decimal: DecimalMark;
  /** canonical column to its cell's index */
  index: ReadonlyMap<string, number>;
  /** the columns the table does not name, kept in each client's `columns` as written */
  extra: readonly { name: string; index: number }[];
  /** how many cells the header names: a row with more or fewer is read as cells, to be reported */
  width: number;
  target: ClientTarget;
  /** the marks of a column, to tell its extra cells to (see DecimalMarks); undefined when a map states the mark */
  columnMarks: ((col: string) => ColumnMarks) | undefined;
}

/** the date columns, in the order the general reading logs them */
const DATES = ['signed_date', 'activated_date', 'lost_date'] as const;

/**
 * The rows of clients.csv the general reading takes without a problem, read
 * where they stand in the file's text (see SpanReader) and kept and logged
 * as it keeps and logs them: a client whose id is written, whose dates are
 * YYYY-MM-DD days in order, whose status is one of the statuses, and whose
 * owner, finder and closer are reps taken before. Any other row (a cell with
 * a space, a control or a non-ASCII character at either end, another way of
 * writing a date, an unknown rep) is left to the general reading, which
 * reports what is wrong with it.
 */
export function clientSpans({ file, decimal, index, extra, width, target, columnMarks }: ClientFile): SpanReader {
  const at = (col: string) => index.get(col) ?? -1;
  const id = at('id');
  const name = at('name');
  const segment = at('segment');
  const roles = [at('owner'), at('finder'), at('closer')];
  const dateCells = DATES.map(at);
  const status = at('status');
  // the cells whose ends must need no trim: every one read
  const read = [id, name, segment, ...roles, ...dateCells, status].filter((i) => i >= 0);
  const reps = new IdLookup(target.ids.rep);
  const segments = new SpanStrings();
  const statuses = new SpanStrings();
  const { clients, clientIdColumns, dates, ids } = target;
  const datePlaces: (number | undefined)[] = [undefined, undefined, undefined];
  const days: (number | undefined)[] = [undefined, undefined, undefined];
  const people: (string | undefined)[] = [undefined, undefined, undefined];
  return (text, starts, ends, count, line, lineStart) => {
    if (count !== width) return false;
    for (let k = 0; k < read.length; k++) if (!untrimmed(text, starts[read[k]], ends[read[k]])) return false;
    if (starts[id] === ends[id]) return false;
    for (let r = 0; r < 3; r++) {
      const i = roles[r];
      people[r] = undefined;
      if (i < 0 || starts[i] === ends[i]) continue;
      const place = reps.placeOfSpan(text, starts[i], ends[i]);
      if (place < 0) return false;
      people[r] = ids.rep.at(place);
    }
    for (let d = 0; d < 3; d++) {
      const i = dateCells[d];
      days[d] = undefined;
      if (i < 0 || starts[i] === ends[i]) continue;
      if (ends[i] - starts[i] !== 10) return false;
      const day = isoDayAt(text, starts[i]);
      if (day === undefined) return false;
      days[d] = day;
    }
    const [signed, activated, lost] = days;
    if (signed !== undefined && activated !== undefined && activated < signed) return false;
    const start = signed ?? activated;
    if (start !== undefined && lost !== undefined && lost < start) return false;
    let state: Client['status'];
    if (status >= 0 && starts[status] !== ends[status]) {
      state = parseStatus(statuses.get(text, starts[status], ends[status]));
      if (state === undefined) return false;
    }
    const own = ownString(text.slice(starts[id], ends[id]));
    const columns: Record<string, string> = {};
    for (const e of extra) {
      columns[e.name] = text.slice(starts[e.index], ends[e.index]);
      columnMarks?.(e.name).noteText(columns[e.name], line, starts[e.index] - lineStart + 1, (written) => (columns[e.name] = written));
    }
    const c: Client = {
      id: own,
      name: name >= 0 && starts[name] !== ends[name] ? ownString(text.slice(starts[name], ends[name])) : own,
      segment: segment >= 0 && starts[segment] !== ends[segment] ? segments.get(text, starts[segment], ends[segment]) : undefined,
      owner: people[0],
      finder: people[1],
      closer: people[2],
      signed,
      activated,
      lost,
      status: state,
      columns,
      source: { file, line, decimal },
    };
    ids.client.add(own);
    clients.push(c);
    for (let d = 0; d < 3; d++) {
      const day = days[d];
      if (day !== undefined) dates.addIn((datePlaces[d] ??= dates.place(file, DATES[d])), line, starts[dateCells[d]] - lineStart + 1, day, false, false);
    }
    clientIdColumns.push(starts[id] - lineStart + 1);
    return true;
  };
}
