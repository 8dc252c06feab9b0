import type { Path } from '../problems/problem.js';
import type { TableName } from '../data/tables.js';
import type { DateFormat } from './date-format.js';
import type { DecimalStyle } from './decimal.js';
import type { ClientState } from '../types.js';

/**
 * A CRM export map, loaded and checked: for each table of the dataset, the
 * export file that holds it and how its columns, stage labels, dates and
 * numbers read. See docs/data.md#crm-exports---map.
 */
export interface CrmMap {
  file: string;
  tables: TableMap[];
  /** file:line:col of a key in the map, for messages about export files */
  where(path: Path): string;
  /** the same place as a problem's location */
  place(path: Path): { file: string; line: number; column: number };
}

/** the clients.csv column a state's date goes to (a stage says a ClientState: not a client yet, or the state whose date it gives) */
export const STATE_DATE_COLUMN: Record<Exclude<ClientState, 'prospect'>, string> = {
  signed: 'signed_date',
  active: 'activated_date',
  lost: 'lost_date',
};

/** the tables that keep columns of their own beyond the layout's (`extra`, and constants of any name) */
export function keepsExtra(table: TableName): boolean {
  return table === 'reps' || table === 'clients' || table === 'plans';
}

/** how an export file is read */
export interface ReadStyle {
  /** undefined: sniffed from the header line, as for any CSV */
  delimiter: ',' | ';' | '\t' | '|' | undefined;
  /** undefined: the decimal mark follows the delimiter, as for any CSV */
  decimal: DecimalStyle | undefined;
  /** undefined: dates as the dataset reads them (YYYY-MM-DD or DD.MM.YYYY) */
  dateFormat: DateFormat | undefined;
  /** a WHATWG encoding label (utf-8, windows-1251, ...) */
  encoding: string;
  /** currency signs or words written with money (₽, руб., €, USD), longest first: dropped from number cells */
  currencyMarks: readonly string[];
  /** where in the map the date format, the decimal style and the currency marks were set, for hints */
  at: { date?: string; decimal?: string; currency?: string };
  /** the map keys that set the date format and the decimal style, to place a problem of the whole file there (undefined: not set, or a style built by hand) */
  keys?: { date?: Path; decimal?: Path };
}

/** a map key and where it is written, to point problems in export files back at the map */
export interface Named {
  name: string;
  path: Path;
  /** file:line:col of the value in the map */
  where: string;
}

export interface TableMap {
  table: TableName;
  file: string;
  /** where the table is in the map file */
  path: Path;
  style: ReadStyle;
  /** layout column -> the export's header */
  columns: Map<string, Named>;
  /** extra columns kept under their own names (plan values of reps.csv, plans.csv) */
  extra: Map<string, Named>;
  /** layout or extra column -> export value -> value written to the dataset */
  values: Map<string, Map<string, string>>;
  /** columns the export lacks: one value (as the dataset writes it) for every row */
  constants: Map<string, string>;
  states?: StatesMap;
}

export interface StatesMap {
  path: Path;
  /** the export's stage column */
  column: Named;
  /** the day the stage was reached */
  dateColumn?: Named;
  /** a stage-history export, one row per stage change; without it the stage is a column of the clients' own file */
  history?: { file: string; client: Named; style: ReadStyle };
  /** normalised label -> state, and the labels as written for did-you-mean */
  labels: Map<string, ClientState>;
  labelsAsWritten: string[];
  /** what a client without any date is: a long-standing active client (the dataset's rule) or a prospect, left out */
  noDates: 'active' | 'prospect';
}

/** labels and headers are matched without regard to case and runs of spaces */
export function normaliseLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
