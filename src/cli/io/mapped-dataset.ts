import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetBuilder } from '../../core/data/builder.js';
import { tableSpec, TABLES, type TableName } from '../../core/data/tables.js';
import { FormatCheck, missKind } from '../../core/crm/format-check.js';
import { LeftOut } from '../../core/crm/left-out.js';
import { mapFromSource } from '../../core/crm/load-map.js';
import type { CrmMap, TableMap } from '../../core/crm/map.js';
import { tableMapper } from '../../core/crm/row-mapper.js';
import { StageHistory } from '../../core/crm/stage-history.js';
import { MappingTally } from '../../core/crm/tally.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { Dataset, Q } from '../../core/types.js';
import { streamCsv } from './csv.js';
import { specialFileProblem } from './files.js';
import { decimalOf, readTable } from './table-file.js';
import { display } from './shown-path.js';
import { readOfKind, type Places } from './read-of-kind.js';

/** what the dataset's own checks find wrong with a single row, which drops the row: with a map, a warning and a skipped row */
const ROW_REASONS: Partial<Record<Problem['code'], string>> = {
  'bad-cell': 'empty cell',
  'not-a-number': 'bad number',
  'negative-value': 'bad number',
  'not-a-date': 'bad date',
  'inconsistent-dates': 'dates out of order',
  'bad-value': 'bad value',
  'csv-ragged-row': 'ragged row',
};

export interface MappedRead {
  dataset: Dataset<Q> | undefined;
  problems: Problem[];
  /** one line per export file read through the map: its rows, and those skipped or left out */
  summary: string[];
}

/** tables a caller gives itself (a test case's inline rows, in motiv's layout): not read from the export, added before the dataset is finished */
export interface OwnTables {
  tables: ReadonlySet<TableName>;
  add: (builder: DatasetBuilder) => void;
}

/** a map file read and checked, with its problems (warnings too); no map when it cannot be used */
export interface LoadedMap {
  map: CrmMap | undefined;
  problems: Problem[];
}

export function readMapFile(mapPath: string, places: Places = {}): LoadedMap {
  const read = readOfKind(mapPath, 'map', places);
  if ('problem' in read) return { map: undefined, problems: [read.problem] };
  return mapFromSource(read.source);
}

/**
 * Read a CRM export folder through a map (--map): each table from the export
 * file the map names, its rows translated by the map and streamed into the
 * dataset builder. Rows that cannot be mapped are skipped with a located
 * warning and counted; the map itself, missing files or columns, malformed
 * CSV and whole-dataset problems (duplicate or unknown ids) stay errors.
 * Tables the map does not name are read from their usual files when present.
 */
export async function readMappedDataset(dir: string, mapFile: string | LoadedMap, own?: OwnTables, places?: Places, minorDigits?: number): Promise<MappedRead> {
  // a map read once may serve many folders (the cases of a test file)
  const loaded = typeof mapFile === 'string' ? readMapFile(mapFile, places) : mapFile;
  if (!loaded.map) return { dataset: undefined, problems: loaded.problems, summary: [] };
  const map = loaded.map;
  const builder = new DatasetBuilder({ minorDigits });
  const problems: Problem[] = [...loaded.problems];
  const tallies: MappingTally[] = [];
  const leftOut = new LeftOut();
  for (const spec of TABLES) {
    if (own?.tables.has(spec.name)) continue;
    const tm = map.tables.find((t) => t.table === spec.name);
    if (!tm) {
      const file = join(dir, spec.file);
      const special = specialFileProblem(file);
      if (!existsSync(file)) builder.missing(spec.name, display(dir));
      else if (special) {
        problems.push(special);
        builder.unreadable(spec.name);
      } else problems.push(...(await readTable(builder, spec.name, file)));
      continue;
    }
    const read = await readMappedTable(tm, map, dir, builder, leftOut, tallies);
    if (read.some((p) => p.severity === 'error')) builder.unreadable(spec.name);
    problems.push(...read);
  }
  own?.add(builder);
  const { dataset, problems: more } = builder.finish();
  // the dataset names its tables by their usual files; here they are the export's
  const fileOf = new Map(map.tables.map((t) => [`${t.table}.csv`, t.file]));
  for (const p of more) {
    if (p.code !== 'unknown-id') continue;
    for (const [usual, file] of fileOf) {
      p.message = p.message.replace(` in ${usual}`, ` in ${file}`);
      if (p.hint) p.hint = p.hint.replace(` to ${usual}`, ` to ${file}`);
    }
  }
  return { dataset, problems: [...problems, ...more], summary: tallies.map((t) => t.text()) };
}

function exportFile(dir: string, file: string, map: CrmMap, path: (string | number)[]): { path: string; shown: string } | Problem {
  const full = join(dir, file);
  if (existsSync(full)) return specialFileProblem(full, 'put the export file itself in the folder') ?? { path: full, shown: display(full) };
  return problem('file-not-found', `no file '${file}' in ${display(dir)}, which the map (${map.where(path)}) names`, {
    file: display(dir),
    hint: 'give --data the folder holding the export files, or fix the file name in the map',
  });
}

async function readMappedTable(tm: TableMap, map: CrmMap, dir: string, builder: DatasetBuilder, leftOut: LeftOut, tallies: MappingTally[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const kind: 'rep' | 'client' | undefined = tm.table === 'reps' ? 'rep' : tm.table === 'clients' ? 'client' : undefined;
  let history: StageHistory | undefined;
  if (tm.states?.history) {
    history = new StageHistory(tm.states, map);
    const h = await readHistory(history, tm, map, dir, tallies);
    problems.push(...h);
    if (h.some((p) => p.severity === 'error')) return problems;
  }
  const file = exportFile(dir, tm.file, map, [...tm.path, 'file']);
  if ('code' in file) return [...problems, file];
  const tally = new MappingTally(display(file.path), tm.table);
  tallies.push(tally);
  const formats = new FormatCheck(file.shown, tm.style, map);
  const seen = new Set<string>();
  problems.push(
    ...(await streamCsv(
      file.path,
      file.shown,
      (h) => {
        const made = tableMapper(tm, map, { file: file.shown, cells: h.cells, line: h.line, columns: h.columns }, { leftOut, history, formats });
        problems.push(...made.problems);
        if (!made.mapper) return undefined;
        const mapper = made.mapper;
        // numbers the map's decimal style made plain read the same whatever the delimiter
        const toBuilder = builder.table(tm.table, file.shown, mapper.header, h.line, mapper.headerColumns, { decimal: tm.style.decimal ? '.' : decimalOf(h.delimiter), decimalStated: tm.style.decimal !== undefined });
        if (!toBuilder) return undefined;
        return (row) => {
          tally.rows++;
          const o = mapper.mapRow(row);
          if (o.id !== undefined) seen.add(o.id);
          const where = `${file.shown}:${row.line}`;
          if (o.kind === 'skipped') {
            problems.push(...o.problems);
            tally.skip(o.reason);
            if (kind && o.id !== undefined) {
              leftOut.add(kind, o.id, { why: 'skipped', where });
              builder.leftOut(kind, o.id);
            }
            return;
          }
          if (o.kind === 'left-out') {
            tally.count(o.reason);
            if (kind === 'client' && o.id !== undefined) {
              leftOut.add('client', o.id, { why: 'prospect', stage: o.stage, where });
              builder.leftOut('client', o.id);
            }
            return;
          }
          const before = builder.problems.length;
          toBuilder(o.row);
          const found = builder.problems.slice(before);
          if (found.length > 0) {
            // the dataset dropped the row: with a map, that is a skipped row, not a stop
            for (const p of found) {
              if (ROW_REASONS[p.code] === undefined) continue;
              p.severity = 'warning';
              // name the column as the export does: 'Сумма, руб.' (revenue)
              const col = /^(\w+): /.exec(p.message)?.[1];
              const named = col === undefined ? undefined : (tm.columns.get(col) ?? tm.extra.get(col));
              if (named) p.message = `'${named.name}' (${col}): ${p.message.slice(col!.length + 2)}`;
              p.message += '; the row is skipped';
              // a date or number the dataset could not read (the map gave no format for it): counted for the file as a whole
              const missed = missKind(p.code);
              const k = o.row.columns?.indexOf(p.column ?? 0) ?? -1;
              const source = k < 0 ? undefined : (tm.columns.get(mapper.header[k]) ?? tm.extra.get(mapper.header[k]) ?? tm.states?.dateColumn);
              if (missed && source) formats.cellMissed(row.line, { kind: missed, text: o.row.cells[k], named: source, month: tableSpec(tm.table).columns.find((c) => c.name === mapper.header[k])?.type === 'month', hint: p.hint });
            }
            tally.skip(ROW_REASONS[found[0].code] ?? found[0].code);
            if (kind && o.id !== undefined) leftOut.add(kind, o.id, { why: 'skipped', where });
            return;
          }
          formats.rowKept();
          if (kind && o.id !== undefined) leftOut.keep(kind, o.id);
          if (o.note) tally.count(o.note);
        };
      },
      { delimiter: tm.style.delimiter, encoding: tm.style.encoding },
    )),
  );
  // a file none of whose dates (or numbers) read is the map's mistake, not the rows': one error at the map instead of a warning per row
  const unread = formats.problems(tally.rows);
  if (unread.length > 0) problems.splice(0, problems.length, ...problems.filter((p) => !formats.subsumes(p, unread)), ...unread);
  if (history) {
    const unknown = history.unknownClients((id) => seen.has(id), file.shown);
    problems.push(...unknown.problems);
    const historyTally = tallies.find((t) => t.what === STAGES);
    for (let i = 0; i < unknown.rows; i++) historyTally?.skip('unknown client');
  }
  return problems;
}

const STAGES = "clients' stages";

/** a stage-history export, read before the clients whose dates it gives */
async function readHistory(history: StageHistory, tm: TableMap, map: CrmMap, dir: string, tallies: MappingTally[]): Promise<Problem[]> {
  const states = tm.states!;
  const file = exportFile(dir, states.history!.file, map, [...states.path, 'file']);
  if ('code' in file) return [file];
  const tally = new MappingTally(display(file.path), STAGES);
  tallies.push(tally);
  const problems: Problem[] = [];
  let usable = true;
  problems.push(
    ...(await streamCsv(
      file.path,
      file.shown,
      (h) => {
        const header = history.header({ file: file.shown, cells: h.cells, line: h.line, columns: h.columns });
        problems.push(...header);
        usable = header.length === 0;
        if (!usable) return undefined;
        return (row) => {
          tally.rows++;
          const o = history.add(row);
          if (o.kind === 'skipped') {
            problems.push(...o.problems);
            tally.skip(o.reason);
          }
        };
      },
      { delimiter: states.history!.style.delimiter, encoding: states.history!.style.encoding },
    )),
  );
  return problems;
}
