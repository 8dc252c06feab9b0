import { TABLES, type TableName, type TableSpec } from '../data/tables.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import { CLIENT_STATES } from '../types.js';
import { keepsExtra } from './map.js';

const header: JsonSchema = { type: 'string', minLength: 1, hint: "a column's header as the export writes it, e.g. 'Deal ID' or 'ID сделки'" };

const style: Record<string, JsonSchema> = {
  delimiter: {
    enum: [',', ';', 'tab', '\t', '|'],
    description: 'The delimiter of the export files (default: sniffed from the header line).',
    hint: "',', ';', 'tab' or '|'",
  },
  decimal: {
    enum: [',', '.'],
    description: "How numbers are written: ',' for 1 234,56, '.' for 1,234.56. A number written otherwise is a skipped row. Default: follows the delimiter.",
  },
  date_format: {
    type: 'string',
    minLength: 1,
    description: 'How dates are written, from YYYY, YY, MM, M, DD, D and separators: DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD, DD.MM.YY. A time after the date is ignored. Default: YYYY-MM-DD or DD.MM.YYYY.',
    hint: 'a format like DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD',
  },
  encoding: {
    type: 'string',
    minLength: 1,
    description: 'The text encoding of the export files: utf-8 (default), windows-1251, windows-1252, koi8-r, utf-16le, ...',
  },
  currency_marks: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1, pattern: '\\S', hint: "a currency sign or word as the export writes it, e.g. '₽' or 'руб.', not blank" },
    description: "Currency signs or words the export writes with money, before or after the number: ['₽', 'руб.'], ['€'], ['USD']. They are dropped from number cells; a number with any other mark is a skipped row. Default: none.",
    hint: "a list of marks, e.g. ['₽', 'руб.'] or ['$', 'USD']",
  },
};

const valueMaps: JsonSchema = {
  type: 'object',
  description: 'Value maps per column (a column of `columns` or `extra`): the export value -> the value written to the dataset. Values not listed are kept as written.',
  additionalProperties: {
    type: 'object',
    minProperties: 1,
    additionalProperties: { type: ['string', 'number'] },
    hint: "export value: dataset value, e.g. {'VIP-клиент': vip}",
  },
};

const statesSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['column', 'labels'],
  description:
    "Client dates from a stage column: each stage label is a state (prospect, signed, active, lost); a client gets the day it reached a state as that state's date (signed_date, activated_date, lost_date). With `file:`, a stage-history export, one row per stage change: the first day the client reached each state.",
  properties: {
    file: { type: 'string', minLength: 1, description: 'A stage-history export (one row per stage change), in the --data folder. Without it, the stage is a column of the clients file.' },
    client: { ...header, description: "With `file:`: the history's column holding the client id." },
    column: { ...header, description: 'The column holding the stage label.' },
    date_column: { ...header, description: "The column holding the day the stage was reached (needed with `file:`; without it the dates come from the clients' date columns)." },
    labels: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { enum: [...CLIENT_STATES], hint: 'prospect (not a client yet: left out), signed, active or lost' },
      description: 'Every stage label of the export -> prospect, signed, active or lost. A row with a label not listed is skipped, with a warning.',
    },
    no_dates: {
      enum: ['active', 'prospect'],
      description: 'A client that ends up with no date at all (a blank stage, no history): a long-standing active client (default, as in clients.csv) or a prospect (left out).',
    },
    ...style,
  },
};

/** an example constant per table, for the schema's description */
const CONSTANT_EXAMPLE: Partial<Record<TableName, string>> = { clients: 'segment: small', reps: 'role: hunter', transactions: 'cost: 0', activity: 'activity: prospect' };

function tableSchema(t: TableSpec): JsonSchema {
  const columns: Record<string, JsonSchema> = {};
  for (const c of t.columns) columns[c.name] = { ...header, description: `${c.description} (${c.type}${c.required ? ', required' : ''})` };
  const extras = keepsExtra(t.name);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'columns'],
    description: `${t.file}: ${t.description}`,
    properties: {
      file: { type: 'string', minLength: 1, description: 'The export file holding this table, in the --data folder.' },
      columns: {
        type: 'object',
        additionalProperties: false,
        properties: columns,
        description: `Layout column of ${t.file} -> the export's header. Export columns not named here are not read.`,
      },
      ...(extras
        ? {
            extra: {
              type: 'object',
              additionalProperties: header,
              propertyNames: { pattern: '^[^\\s]', hint: 'a column name' },
              description:
                t.name === 'plans'
                  ? 'Plan columns: name (read by a plan\'s `column:`) -> the export\'s header. Their cells are numbers.'
                  : 'Extra columns kept under these names (a plan\'s `column:` or `rep.NAME` reads them) -> the export\'s header.',
            },
          }
        : {}),
      constants: {
        type: 'object',
        minProperties: 1,
        additionalProperties: { type: ['string', 'number'] },
        description: `Columns the export lacks, one value for every row, written as the dataset writes it: a layout column of ${t.file}${extras ? ' or an extra one' : ''} -> the value, e.g. {${CONSTANT_EXAMPLE[t.name] ?? 'rep_id: r1'}}.`,
        hint: "column: value, e.g. {segment: small}",
      },
      values: valueMaps,
      ...(t.name === 'clients' ? { states: statesSchema } : {}),
      ...style,
    },
  };
}

/** The JSON Schema of a CRM export map (`motiv schema --kind map`). */
export function mapJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motiv.dev/schema/map.json',
    title: 'motiv CRM export map',
    description: 'How a CRM export (any column names, stage labels, date formats, delimiters) reads as the dataset layout: `motiv payout SCHEME --data EXPORT --map FILE`.',
    type: 'object',
    additionalProperties: false,
    required: ['tables'],
    properties: {
      kind: { const: 'map' },
      name: { type: 'string' },
      description: { type: 'string' },
      ...style,
      tables: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        description: 'The tables of the dataset the export gives; a table not listed is read from its usual file (plans.csv, ...) when the folder has it.',
        properties: Object.fromEntries(TABLES.map((t) => [t.name, tableSchema(t)])),
      },
    },
  };
}
