import type { RawRow } from '../data/builder.js';
import { tableSpec, type ColumnType, type TableName } from '../data/tables.js';
import { warning, type Problem } from '../problems/problem.js';
import { formatDay } from '../time/month.js';
import { convertCell } from './convert-cell.js';
import { strictNumber, withoutCurrencyMark } from './decimal.js';
import { resolveColumns, type ExportHeader } from './export-header.js';
import { mapReads, missKind, type FormatCheck } from './format-check.js';
import { unknownLabel } from './labels.js';
import type { LeftOut } from './left-out.js';
import type { ClientState } from '../types.js';
import { normaliseLabel, STATE_DATE_COLUMN, type CrmMap, type Named, type TableMap } from './map.js';
import type { RowOutcome } from './row-outcome.js';
import type { StageHistory } from './stage-history.js';

/** a column of the dataset and the export column it comes from */
interface Target {
  name: string;
  type: ColumnType | 'plan' | 'extra';
  named: Named;
}

/** rows referring to reps and clients: skipped when the one they name was skipped (a rep's manager is not followed) */
const REFERENCES: Record<TableName, readonly { column: string; kind: 'rep' | 'client' }[]> = {
  reps: [],
  clients: [
    { column: 'owner', kind: 'rep' },
    { column: 'finder', kind: 'rep' },
    { column: 'closer', kind: 'rep' },
  ],
  transactions: [
    { column: 'client_id', kind: 'client' },
    { column: 'rep_id', kind: 'rep' },
  ],
  activity: [
    { column: 'rep_id', kind: 'rep' },
    { column: 'client_id', kind: 'client' },
  ],
  plans: [{ column: 'rep_id', kind: 'rep' }],
  adjustments: [{ column: 'rep_id', kind: 'rep' }],
  credits: [
    { column: 'client_id', kind: 'client' },
    { column: 'rep_id', kind: 'rep' },
  ],
  assignments: [{ column: 'rep_id', kind: 'rep' }],
};

const DATED = ['signed', 'active', 'lost'] as const;

export interface TableMapper {
  /** the header the dataset reads: layout column names, extra columns, and the date columns stages fill in */
  header: string[];
  /** where each of those columns is in the export's header line */
  headerColumns: number[];
  mapRow(row: RawRow): RowOutcome;
}

/**
 * Read an export's rows as rows of one dataset table: pick and rename the
 * columns the map names, translate values, dates and numbers, turn stages
 * into client dates, and leave out or skip rows with located warnings. The
 * cells keep their place in the export, so whatever the dataset finds wrong
 * with them later is located in the export too.
 */
export function tableMapper(
  t: TableMap,
  map: CrmMap,
  exportHeader: ExportHeader,
  context: { leftOut: LeftOut; history?: StageHistory; formats?: FormatCheck },
): { mapper?: TableMapper; problems: Problem[] } {
  const spec = tableSpec(t.table);
  const targets: Target[] = [
    ...[...t.columns].map(([name, named]) => ({ name, named, type: spec.columns.find((c) => c.name === name)!.type })),
    ...[...t.extra].map(([name, named]) => ({ name, named, type: t.table === 'plans' ? ('plan' as const) : ('extra' as const) })),
  ];
  const states = t.states;
  const perRow = states && !states.history;
  const names = targets.map((x) => ({ named: x.named, what: `${spec.file}'s '${x.name}'` }));
  // columns the export lacks: the map's one value for every row, after the export's own
  const constants = [...t.constants];
  if (perRow) {
    names.push({ named: states.column, what: 'the stage' });
    if (states.dateColumn) names.push({ named: states.dateColumn, what: 'the day of the stage' });
  }
  const { index, problems } = resolveColumns(exportHeader, names);
  if (problems.length > 0) return { problems };

  const file = exportHeader.file;
  const derived = states ? DATED.map((s) => STATE_DATE_COLUMN[s]).filter((c) => !t.columns.has(c) && !t.constants.has(c)) : [];
  const header = [...targets.map((x) => x.name), ...constants.map(([name]) => name), ...derived];
  const stageIndex = perRow ? index.get(states.column)! : undefined;
  const dateIndex = perRow && states.dateColumn ? index.get(states.dateColumn) : undefined;
  const idTarget = targets.findIndex((x) => x.name === 'id');
  const headerColumns = [
    ...targets.map((x) => exportHeader.columns?.[index.get(x.named)!] ?? 1),
    ...constants.map(() => 1),
    // a date from the stages is placed at the stage column, or (from a history) at the client id
    ...derived.map(() => exportHeader.columns?.[stageIndex ?? index.get(t.columns.get('id')!)!] ?? 1),
  ];
  const valueOf = (target: Target, text: string) => t.values.get(target.name)?.get(normaliseLabel(text)) ?? text;

  const mapRow = (row: RawRow): RowOutcome => {
    const at = (i: number) => ({ file, line: row.line, column: row.columns?.[i] ?? 1 });
    if (row.cells.length !== exportHeader.cells.length) {
      const w = exportHeader.cells.length;
      return {
        kind: 'skipped',
        reason: 'ragged row',
        problems: [
          warning('csv-ragged-row', `this row has ${row.cells.length} value${row.cells.length === 1 ? '' : 's'} but the header names ${w} columns; the row is skipped`, {
            ...at(row.cells.length > w ? w : 0),
            hint: 'check for a missing or extra delimiter, or an unquoted delimiter inside a value',
          }),
        ],
      };
    }
    const problems: Problem[] = [];
    const reasons: string[] = [];
    const cells: string[] = [];
    const columns: number[] = [];
    for (const target of targets) {
      const i = index.get(target.named)!;
      const text = valueOf(target, row.cells[i]);
      columns.push(row.columns?.[i] ?? 1);
      if (target.type === 'extra') {
        // extra columns of reps.csv and clients.csv are text or plan numbers: a number in the map's style is made plain
        const bare = withoutCurrencyMark(text, t.style.currencyMarks);
        const n = t.style.decimal ? strictNumber(bare, t.style.decimal) : bare !== text.trim() ? bare : undefined;
        cells.push(n ?? text.trim());
        continue;
      }
      const c = convertCell(text, target.type, t.style, t.style.at);
      if ('text' in c) {
        cells.push(c.text);
        const reads = c.text === '' ? undefined : mapReads(target.type, t.style);
        if (reads) context.formats?.cellRead(reads);
      } else {
        cells.push('');
        problems.push(warning(c.code, `'${target.named.name}' (${target.name}): ${c.message}; the row is skipped`, { ...at(i), hint: c.hint }));
        reasons.push(c.code === 'not-a-date' ? 'bad date' : 'bad number');
        context.formats?.cellMissed(row.line, { kind: missKind(c.code)!, text: text.trim(), named: target.named, month: target.type === 'month', percent: target.type === 'share', hint: c.hint });
      }
    }
    for (const [, value] of constants) {
      cells.push(value);
      columns.push(1);
    }
    const cell = (name: string) => {
      const k = header.indexOf(name);
      return k < 0 || k >= cells.length ? '' : cells[k];
    };
    const id = idTarget >= 0 ? cells[idTarget] || undefined : undefined;

    // client dates from the stage: its own column, or the stage history
    let state: ClientState | undefined;
    let stage: string | undefined;
    let staged = false;
    if (states) {
      const dates = new Map<string, { text: string; column: number }>();
      if (perRow) {
        stage = row.cells[stageIndex!].trim();
        if (stage !== '') {
          staged = true;
          state = states.labels.get(normaliseLabel(stage));
          if (state === undefined) {
            problems.push(unknownLabel(stage, states, map, at(stageIndex!)));
            reasons.unshift(`unknown stage '${stage}'`);
          } else if (state !== 'prospect' && cell(STATE_DATE_COLUMN[state]) === '') {
            const dateText = dateIndex === undefined ? '' : row.cells[dateIndex].trim();
            const column = STATE_DATE_COLUMN[state];
            if (dateText === '') {
              const from = dateIndex === undefined ? `'${t.columns.get(column)!.name}'` : `'${states.dateColumn!.name}'`;
              problems.push(
                warning('bad-cell', `stage '${stage}' is ${state}, but ${from} gives no day for it; the row is skipped`, {
                  ...at(dateIndex ?? index.get(t.columns.get(column)!)!),
                  hint: `fill in the day the client became ${state}`,
                }),
              );
              reasons.push('empty cell');
            } else {
              const c = convertCell(dateText, 'date', t.style, t.style.at);
              if ('text' in c) {
                dates.set(column, { text: c.text, column: row.columns?.[dateIndex!] ?? 1 });
                if (t.style.dateFormat) context.formats?.cellRead('date');
              } else {
                problems.push(warning(c.code, `'${states.dateColumn!.name}' (the day of the stage): ${c.message}; the row is skipped`, { ...at(dateIndex!), hint: c.hint }));
                reasons.push('bad date');
                context.formats?.cellMissed(row.line, { kind: 'date', text: dateText, named: states.dateColumn!, hint: c.hint });
              }
            }
          }
        }
      } else if (id !== undefined) {
        const h = context.history!.of(id);
        if (h) {
          staged = true;
          stage = h.stage;
          for (const s of DATED) {
            const day = h.first[s];
            if (day !== undefined && cell(STATE_DATE_COLUMN[s]) === '') dates.set(STATE_DATE_COLUMN[s], { text: formatDay(day), column: row.columns?.[index.get(t.columns.get('id')!)!] ?? 1 });
          }
          if (DATED.every((s) => h.first[s] === undefined)) state = 'prospect';
        }
      }
      const placeOfStage = row.columns?.[stageIndex ?? index.get(t.columns.get('id')!)!] ?? 1;
      for (let k = targets.length; k < header.length; k++) {
        cells[k] = '';
        columns[k] = placeOfStage;
      }
      for (const [column, d] of dates) {
        const k = header.indexOf(column);
        cells[k] = d.text;
        columns[k] = d.column;
      }
      const hasDates = DATED.some((s) => cell(STATE_DATE_COLUMN[s]) !== '');
      if (problems.length === 0 && !hasDates && (state === 'prospect' || (!staged && states.noDates === 'prospect'))) {
        return { kind: 'left-out', reason: 'prospect left out', id, stage };
      }
    }

    // rows naming a rep or client that was left out
    let note: string | undefined;
    for (const ref of REFERENCES[t.table]) {
      const k = header.indexOf(ref.column);
      if (k < 0 || cells[k] === '') continue;
      const other = context.leftOut.of(ref.kind, cells[k]);
      if (!other) continue;
      const named = t.columns.get(ref.column)!;
      const place = at(index.get(named)!);
      if (other.why === 'skipped') {
        problems.push(
          warning('skipped-reference', `${ref.column} '${cells[k]}' is a ${ref.kind} skipped by the map (${other.where}), so this row is skipped too`, {
            ...place,
            hint: `fix the ${ref.kind}'s row, and this one loads with it`,
          }),
        );
        reasons.push(`of a skipped ${ref.kind}`);
      } else if (t.table === 'transactions') {
        problems.push(
          warning('skipped-reference', `client '${cells[k]}' is at stage '${other.stage ?? ''}', a prospect (${other.where}): a sale to it is skipped`, {
            ...place,
            hint: 'if the deal was won, its stage in the CRM (or its label in the map) is not up to date',
          }),
        );
        reasons.push('sale to a prospect');
      } else if (t.table === 'activity') {
        // hours on a prospect are prospecting
        cells[k] = '';
        note = 'on a prospect, read as prospecting';
      } else if (problems.length === 0) {
        return { kind: 'left-out', reason: 'credit on a prospect left out', id };
      }
    }
    if (problems.length > 0) return { kind: 'skipped', problems, reason: reasons[0] ?? 'bad row', id };
    return { kind: 'row', row: { line: row.line, cells, columns }, id, note };
  };
  return { mapper: { header, headerColumns, mapRow }, problems: [] };
}
