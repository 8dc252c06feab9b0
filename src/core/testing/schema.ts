import { Amount, MonthString } from '../scheme/schema-parts.js';
import type { JsonSchema } from '../yaml/check-schema.js';

/** a month, a quarter or a year; a bare number only as a year of four digits (YAML reads `period: 202603` as a number, which a pattern does not check) */
const PeriodText: JsonSchema = {
  type: ['string', 'integer'],
  pattern: '^(\\d{4}-(0[1-9]|1[0-2])|([Ff][Yy])?\\d{4}(-?[Qq][1-4])?)$',
  minimum: 1000,
  maximum: 9999,
  hint: "a month '2026-03', a quarter '2026-Q1' or a year '2026'",
};

const Row: JsonSchema = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] }, hint: 'a row: column: value, as in the CSV file' };
const Rows: JsonSchema = { type: 'array', items: Row };

const Expectation: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rep: { type: 'string', description: 'The rep (may be left out when the case has one rep).' },
    period: { ...PeriodText, description: "Only these months of the case (default: the case's whole period)." },
    total: { ...Amount, description: 'Expected total pay.' },
    variable: { ...Amount, description: 'Expected variable pay.' },
    components: {
      type: 'object',
      additionalProperties: Amount,
      minProperties: 1,
      description: 'Expected amount per component id (all its lines in the period added up).',
    },
  },
};

/** JSON Schema of a test file: `motiv test` runs its cases like OpenFisca runs its YAML tests. */
export function testsJsonSchema(schemeSchema: JsonSchema): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motiv.dev/schema/tests.json',
    title: 'motiv test cases',
    type: 'object',
    additionalProperties: false,
    required: ['scheme', 'cases'],
    properties: {
      kind: { const: 'tests' },
      scheme: {
        description: 'The scheme under test: a path relative to this file, or the scheme itself inline.',
        if: { type: 'string' },
        then: { type: 'string' },
        else: schemeSchema,
      },
      data: { type: 'string', description: 'A dataset folder, relative to this file, used by cases that give no data of their own.' },
      map: { type: 'string', description: "A CRM map (motiv schema --kind map), relative to this file: the cases' data folders are CRM exports read through it. motiv test --map overrides it." },
      tolerance: { ...Amount, description: 'Absolute error margin for every case (default 0: exact to the cent).' },
      cases: {
        type: 'array',
        minItems: 1,
        description: 'The test cases: a list of {name, period, data or rows (reps, clients, transactions, ...), expect}.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'expect'],
          properties: {
            name: { type: 'string', minLength: 1 },
            period: { ...PeriodText, description: 'The months paid: a month, quarter or year.' },
            from: MonthString,
            to: MonthString,
            data: { type: 'string', description: 'A dataset folder, relative to this file.' },
            reps: Rows,
            clients: Rows,
            transactions: Rows,
            activity: Rows,
            plans: Rows,
            credits: Rows,
            assignments: Rows,
            adjustments: Rows,
            expect: { type: 'array', minItems: 1, items: Expectation },
            tolerance: Amount,
          },
        },
      },
    },
  };
}

