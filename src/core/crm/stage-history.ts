import type { RawRow } from '../data/builder.js';
import { parseDateCell } from '../data/cells.js';
import { warning, type Problem } from '../problems/problem.js';
import type { Day } from '../time/month.js';
import { resolveColumns, type ExportHeader } from './export-header.js';
import { convertCell } from './convert-cell.js';
import { unknownLabel } from './labels.js';
import { normaliseLabel, type CrmMap, type StatesMap } from './map.js';
import type { RowOutcome } from './row-outcome.js';

type Dated = 'signed' | 'active' | 'lost';

/** what a client's stage history says: the first day it reached each state, and the stage it is at */
export interface ClientStages {
  first: Partial<Record<Dated, Day>>;
  /** the stage of its latest change, for messages */
  stage: string;
  /** where that row is: file:line */
  where: string;
}

/**
 * A stage-history export, one row per stage change (client, stage, day),
 * turned into each client's state dates: the first day it reached signed,
 * active and lost. Read before the clients, whose rows then take these
 * dates where their own date columns are blank.
 */
export class StageHistory {
  private readonly byClient = new Map<string, ClientStages & { latest: Day; rows: { line: number; column: number }[] }>();
  private index = { client: 0, stage: 0, date: 0 };
  private file = '';
  private width = 0;

  constructor(
    private readonly states: StatesMap,
    private readonly map: CrmMap,
  ) {}

  /** the history's header; errors when it lacks a column the map names */
  header(h: ExportHeader): Problem[] {
    const history = this.states.history!;
    this.file = h.file;
    this.width = h.cells.length;
    const { index, problems } = resolveColumns(h, [
      { named: history.client, what: 'the client of a stage change' },
      { named: this.states.column, what: 'the stage' },
      { named: this.states.dateColumn!, what: 'the day of a stage change' },
    ]);
    this.index = { client: index.get(history.client) ?? 0, stage: index.get(this.states.column) ?? 0, date: index.get(this.states.dateColumn!) ?? 0 };
    return problems;
  }

  add(row: RawRow): RowOutcome {
    const at = (i: number) => ({ file: this.file, line: row.line, column: row.columns?.[i] ?? 1 });
    if (row.cells.length !== this.width) {
      return {
        kind: 'skipped',
        reason: 'ragged row',
        problems: [warning('csv-ragged-row', `this row has ${row.cells.length} values but the header names ${this.width} columns`, { ...at(row.cells.length > this.width ? this.width : 0), hint: 'check for a missing or extra delimiter' })],
      };
    }
    const problems: Problem[] = [];
    let reason: string | undefined;
    const client = row.cells[this.index.client].trim();
    const stage = row.cells[this.index.stage].trim();
    const dateText = row.cells[this.index.date].trim();
    for (const [text, i, named] of [
      [client, this.index.client, this.states.history!.client.name],
      [stage, this.index.stage, this.states.column.name],
      [dateText, this.index.date, this.states.dateColumn!.name],
    ] as const) {
      if (text === '') {
        problems.push(warning('bad-cell', `'${named}' is empty, but every stage change needs a client, a stage and a day`, { ...at(i), hint: 'fill it in, or remove the row' }));
        reason ??= 'empty cell';
      }
    }
    const state = stage === '' ? undefined : this.states.labels.get(normaliseLabel(stage));
    if (stage !== '' && state === undefined) {
      problems.push(unknownLabel(stage, this.states, this.map, at(this.index.stage)));
      reason ??= `unknown stage '${stage}'`;
    }
    let day: Day | undefined;
    if (dateText !== '') {
      const style = this.states.history!.style;
      const c = convertCell(dateText, 'date', style, style.at);
      day = 'text' in c ? parseDateCell(c.text) : undefined;
      if ('code' in c || day === undefined) {
        const message = 'code' in c ? c.message : `'${dateText}' is not a date`;
        const hint = 'code' in c ? c.hint : 'write dates as YYYY-MM-DD or DD.MM.YYYY, or give the map a date_format';
        problems.push(warning('not-a-date', `'${this.states.dateColumn!.name}': ${message}`, { ...at(this.index.date), hint }));
        reason ??= 'bad date';
      }
    }
    if (problems.length > 0 || state === undefined || day === undefined) return { kind: 'skipped', problems, reason: reason ?? 'bad row', id: client || undefined };
    let c = this.byClient.get(client);
    if (!c) {
      c = { first: {}, stage, where: `${this.file}:${row.line}`, latest: day, rows: [] };
      this.byClient.set(client, c);
    }
    c.rows.push({ line: row.line, column: row.columns?.[this.index.client] ?? 1 });
    if (day >= c.latest) {
      c.latest = day;
      c.stage = stage;
      c.where = `${this.file}:${row.line}`;
    }
    if (state !== 'prospect' && (c.first[state] === undefined || day < c.first[state]!)) c.first[state] = day;
    return { kind: 'row', row, id: client };
  }

  of(client: string): ClientStages | undefined {
    return this.byClient.get(client);
  }

  /** stage changes of clients the clients file does not have: each row a warning, skipped */
  unknownClients(known: (id: string) => boolean, clientsFile: string): { problems: Problem[]; rows: number } {
    const problems: Problem[] = [];
    let rows = 0;
    for (const [client, c] of this.byClient) {
      if (known(client)) continue;
      for (const r of c.rows) {
        rows++;
        problems.push(
          warning('unknown-id', `client '${client}' of this stage change is not in ${clientsFile}; the row is skipped`, {
            file: this.file,
            line: r.line,
            column: r.column,
            hint: `add the client to ${clientsFile}, or check the id`,
          }),
        );
      }
    }
    return { problems, rows };
  }
}
