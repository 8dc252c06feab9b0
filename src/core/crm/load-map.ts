import type { ValidateFunction } from 'ajv';
import { columnNamed, tableSpec, TABLES, type TableName } from '../data/tables.js';
import { hasErrors, problem, warning, type Path, type Problem } from '../problems/problem.js';
import { suggest } from '../problems/suggest.js';
import { checkSchema } from '../yaml/check-schema.js';
import { validatorOf } from '../yaml/precompiled.js';
import { locate, placeProblems, readYaml, stoppingProblems, type YamlSource } from '../yaml/source.js';
import { compileDateFormat } from './date-format.js';
import { mapJsonSchema } from './map-schema.js';
import type { ClientState } from '../types.js';
import { keepsExtra, normaliseLabel, type CrmMap, type Named, type ReadStyle, STATE_DATE_COLUMN, type StatesMap, type TableMap } from './map.js';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= validatorOf('map', mapJsonSchema());
  return compiled;
}

/** read -> YAML -> JSON Schema -> normalise and check, like a scheme; every problem placed at its line in the map file */
export function loadMap(file: string, text: string): { map: CrmMap | undefined; problems: Problem[] } {
  return mapFromSource(readYaml(file, text));
}

export function mapFromSource(source: YamlSource): { map: CrmMap | undefined; problems: Problem[] } {
  // (a number YAML cannot hand over, .nan or too many digits, stops it here, with what the YAML stage says)
  const stop = stoppingProblems(source);
  if (stop.length > 0) return { map: undefined, problems: stop };
  const shape = checkSchema(validator(), source.value);
  if (shape.length > 0) return { map: undefined, problems: placeProblems(source, [...source.problems, ...shape]) };
  const problems: Problem[] = [];
  const place = (path: Path) => locate(source, path, true);
  const where = (path: Path) => {
    const l = place(path);
    return `${l.file}:${l.line}:${l.column}`;
  };
  const map = normaliseMap(source.value as RawMap, source.file, where, problems, place);
  const placed = placeProblems(source, [...source.problems, ...problems]);
  return { map: hasErrors(placed) ? undefined : map, problems: placed };
}

interface RawStyle {
  delimiter?: string;
  decimal?: ',' | '.';
  date_format?: string;
  encoding?: string;
  currency_marks?: string[];
}

interface RawStates extends RawStyle {
  file?: string;
  client?: string;
  column: string;
  date_column?: string;
  labels: Record<string, ClientState>;
  no_dates?: 'active' | 'prospect';
}

interface RawTable extends RawStyle {
  file: string;
  columns: Record<string, string>;
  extra?: Record<string, string>;
  constants?: Record<string, string | number>;
  values?: Record<string, Record<string, string | number>>;
  states?: RawStates;
}

interface RawMap extends RawStyle {
  tables: Partial<Record<TableName, RawTable>>;
}

function readStyle(raw: RawStyle, inherited: ReadStyle | undefined, path: Path, where: Where, problems: Problem[]): ReadStyle {
  let dateFormat = inherited?.dateFormat;
  if (raw.date_format !== undefined) {
    const f = compileDateFormat(raw.date_format);
    if ('error' in f) {
      problems.push(
        problem('bad-value', `date_format '${raw.date_format}' is not a date format: ${f.error}`, {
          path: [...path, 'date_format'],
          hint: 'build it from YYYY (or YY), MM (or M), DD (or D) and separators . / - or a space: DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD, DD.MM.YY',
        }),
      );
    } else dateFormat = f;
  }
  let encoding = inherited?.encoding ?? 'utf-8';
  if (raw.encoding !== undefined) {
    try {
      encoding = new TextDecoder(raw.encoding).encoding;
    } catch {
      problems.push(
        problem('bad-value', `encoding '${raw.encoding}' is not a text encoding motiv knows`, {
          path: [...path, 'encoding'],
          hint: 'utf-8, windows-1251, windows-1252, koi8-r, iso-8859-1, utf-16le, ...',
        }),
      );
    }
  }
  const delimiter = raw.delimiter === undefined ? inherited?.delimiter : raw.delimiter === 'tab' ? '\t' : (raw.delimiter as ReadStyle['delimiter']);
  const at = {
    date: raw.date_format !== undefined ? where([...path, 'date_format']) : inherited?.at.date,
    decimal: raw.decimal !== undefined ? where([...path, 'decimal']) : inherited?.at.decimal,
    currency: raw.currency_marks !== undefined ? where([...path, 'currency_marks']) : inherited?.at.currency,
  };
  const keys = {
    date: raw.date_format !== undefined ? [...path, 'date_format'] : inherited?.keys?.date,
    decimal: raw.decimal !== undefined ? [...path, 'decimal'] : inherited?.keys?.decimal,
  };
  // longest first, once: a cell is tried against them in this order
  const currencyMarks = raw.currency_marks?.map((m) => m.trim()).sort((a, b) => b.length - a.length) ?? inherited?.currencyMarks ?? [];
  return { delimiter, decimal: raw.decimal ?? inherited?.decimal, dateFormat, encoding, currencyMarks, at, keys };
}

type Where = (path: Path) => string;

function named(record: Record<string, string>, path: Path, where: Where): Map<string, Named> {
  return new Map(Object.entries(record).map(([k, v]) => [k, { name: v.trim(), path: [...path, k], where: where([...path, k]) }]));
}

function normaliseMap(raw: RawMap, file: string, where: Where, problems: Problem[], place: CrmMap['place']): CrmMap {
  const global = readStyle(raw, undefined, [], where, problems);
  const tables: TableMap[] = [];
  // in the dataset's order: reps before the clients that name them, clients before what refers to them
  for (const spec of TABLES) {
    const t = raw.tables[spec.name];
    if (!t) continue;
    const path: Path = ['tables', spec.name];
    const style = readStyle(t, global, path, where, problems);
    const columns = named(t.columns, [...path, 'columns'], where);
    const extra = named(t.extra ?? {}, [...path, 'extra'], where);
    for (const [name, n] of extra) {
      const layout = columnNamed(spec, name);
      if (layout) {
        problems.push(
          problem('conflict', `extra column '${name}' is the layout's '${layout.name}' column of ${spec.file}`, {
            path: n.path,
            onKey: true,
            hint: `give it under columns: (${layout.name}: '${n.name}')`,
          }),
        );
      }
    }
    const values = new Map<string, Map<string, string>>();
    for (const [col, entries] of Object.entries(t.values ?? {})) {
      if (!columns.has(col) && !extra.has(col)) {
        const known = [...columns.keys(), ...extra.keys()];
        const dym = suggest(col, known);
        problems.push(
          problem('unknown-reference', `values for '${col}', a column this table does not map${dym ? `; did you mean '${dym}'?` : ''}`, {
            path: [...path, 'values', col],
            onKey: true,
            hint: known.length ? `mapped columns: ${known.join(', ')}` : 'map the column under columns: first',
          }),
        );
      }
      values.set(col, new Map(Object.entries(entries).map(([from, to]) => [normaliseLabel(from), String(to)])));
    }
    const constants = new Map<string, string>();
    const extras = keepsExtra(spec.name);
    for (const [col, value] of Object.entries(t.constants ?? {})) {
      const at: Path = [...path, 'constants', col];
      if (columns.has(col) || extra.has(col)) {
        problems.push(problem('conflict', `'${col}' is both a constant and a column of the export`, { path: at, onKey: true, hint: `keep one: the constant, or ${columns.has(col) ? 'columns' : 'extra'}.${col}` }));
        continue;
      }
      const layout = columnNamed(spec, col);
      const dym = layout ? undefined : suggest(col, spec.columns.map((c) => c.name));
      if (!layout && extras && dym) {
        problems.push(
          warning('unknown-reference', `constant '${col}' is not a column of ${spec.file} and is kept as an extra column; did you mean '${dym}'?`, {
            path: at,
            onKey: true,
            hint: `write ${dym}: ${String(value)} for the layout's column`,
          }),
        );
      }
      if (!layout && !extras) {
        problems.push(
          problem('unknown-reference', `constant '${col}' is not a column of ${spec.file}${dym ? `; did you mean '${dym}'?` : ''}`, {
            path: at,
            onKey: true,
            hint: `columns of ${spec.file}: ${spec.columns.map((c) => c.name).join(', ')}`,
          }),
        );
        continue;
      }
      if (layout && layout.name !== col) {
        problems.push(problem('conflict', `constant '${col}' is the layout's '${layout.name}' column of ${spec.file}`, { path: at, onKey: true, hint: `write it as ${layout.name}: ${String(value)}` }));
        continue;
      }
      constants.set(col, String(value).trim());
    }
    const states = t.states ? readStates(t.states, style, [...path, 'states'], where, problems) : undefined;
    checkRequired(spec.name, { has: (name) => columns.has(name) || constants.has(name) }, states, path, problems);
    tables.push({ table: spec.name, file: t.file, path, style, columns, extra, values, constants, states });
  }
  return { file, tables, where, place };
}

function readStates(raw: RawStates, tableStyle: ReadStyle, path: Path, where: Where, problems: Problem[]): StatesMap {
  const nameAt = (key: string, value: string): Named => ({ name: value.trim(), path: [...path, key], where: where([...path, key]) });
  const labels = new Map<string, ClientState>();
  const first = new Map<string, string>();
  for (const [label, state] of Object.entries(raw.labels)) {
    const key = normaliseLabel(label);
    const earlier = first.get(key);
    if (earlier !== undefined && labels.get(key) !== state) {
      problems.push(
        problem('conflict', `stage '${label}' is the same as '${earlier}' (labels are matched without regard to case and spaces), but ${state}, not ${labels.get(key)}`, {
          path: [...path, 'labels', label],
          onKey: true,
          hint: 'give each stage once',
        }),
      );
      continue;
    }
    first.set(key, label);
    labels.set(key, state);
  }
  const states = new Set(labels.values());
  if (!states.has('signed') && !states.has('active')) {
    problems.push(
      problem('bad-value', 'no stage label is signed or active, so no client would ever be won', {
        path: [...path, 'labels'],
        hint: "map the stages of a won deal, e.g. 'Closed Won': signed or 'Успешно реализовано': active; stages before it are prospect",
      }),
    );
  }
  let history: StatesMap['history'];
  if (raw.file !== undefined) {
    for (const key of ['client', 'date_column'] as const) {
      if (raw[key] === undefined) {
        problems.push(
          problem('missing-key', `a stage history (states.file) needs '${key}': ${key === 'client' ? 'the column holding the client id' : 'the column holding the day of each stage change'}`, {
            path,
            hint: `e.g. ${key}: '${key === 'client' ? 'Account ID' : 'Changed On'}'`,
          }),
        );
      }
    }
    history = { file: raw.file, client: nameAt('client', raw.client ?? ''), style: readStyle(raw, tableStyle, path, where, problems) };
  } else {
    if (raw.client !== undefined) {
      problems.push(
        problem('conflict', "'client' names the client column of a stage history; without 'file' the stage is read from the clients' own rows", {
          path: [...path, 'client'],
          onKey: true,
          hint: "remove 'client', or add 'file:' naming the stage-history export",
        }),
      );
    }
    for (const key of ['delimiter', 'decimal', 'date_format', 'encoding', 'currency_marks'] as const) {
      if (raw[key] !== undefined) {
        problems.push(
          problem('conflict', `'${key}' under states is for a stage-history file; without 'file' the stage is read with the clients' file`, {
            path: [...path, key],
            onKey: true,
            hint: `move it up to the table (tables.clients.${key})`,
          }),
        );
      }
    }
  }
  return {
    path,
    column: nameAt('column', raw.column),
    dateColumn: raw.date_column === undefined ? undefined : nameAt('date_column', raw.date_column),
    history,
    labels,
    labelsAsWritten: [...first.values()],
    noDates: raw.no_dates ?? 'active',
  };
}

/** the columns a table cannot do without must be mapped (client dates may come from the stages) */
/** the required columns, from the export or a constant */
function checkRequired(table: TableName, columns: { has(name: string): boolean }, states: StatesMap | undefined, path: Path, problems: Problem[]): void {
  const spec = tableSpec(table);
  for (const c of spec.columns) {
    if (!c.required || columns.has(c.name)) continue;
    problems.push(
      problem('missing-key', `the map gives ${spec.file} no '${c.name}' column, which it needs`, {
        path: [...path, 'columns'],
        hint: `add ${c.name}: 'the export's header for it' under columns`,
      }),
    );
  }
  if (spec.oneOf && !spec.oneOf.some((c) => columns.has(c))) {
    problems.push(
      problem('missing-key', `the map gives ${spec.file} neither ${spec.oneOf.map((c) => `'${c}'`).join(' nor ')}: it needs one of them`, {
        path: [...path, 'columns'],
        hint: `add ${spec.oneOf[0]}: 'the export's header for it' under columns`,
      }),
    );
  }
  if (states && !states.dateColumn) {
    for (const state of ['signed', 'active', 'lost'] as const) {
      const column = STATE_DATE_COLUMN[state];
      if ([...states.labels.values()].includes(state) && !columns.has(column)) {
        problems.push(
          problem('missing-key', `stages labelled ${state} need a day: the map has neither states.date_column nor a '${column}' column`, {
            path: states.path,
            hint: `add date_column: 'the export's header for the day of the stage', or ${column}: '...' under columns`,
          }),
        );
      }
    }
  }
}
