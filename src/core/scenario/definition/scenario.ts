import { MONTH_PATTERN } from '../../scheme/schema-parts.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { arr, constant, int, num, obj, record, str, type Filled, type Raw } from '../../yaml/schema-builder.js';
import { book, drift, leads, market, response, segments } from './clients.js';
import { Payment } from './fragments.js';
import { decision, departures, relationship, reps } from './people.js';

/**
 * A scenario file, key by key: its JSON Schema (json-schema.ts), its raw
 * type and its defaults come from here; normalise.ts turns the filled raw
 * value into the typed `Scenario` the simulation reads. docs/scenarios.md
 * lists the defaults (test/architecture/scenario-definition.test.ts holds
 * them to these).
 */
export const scenarioDefinition = obj({
  required: ['name', 'reps', 'segments', 'book', 'response', 'drift'],
  properties: {
    kind: constant('scenario'),
    name: str({ minLength: 1 }),
    description: str(),
    scheme: str({ minLength: 1, description: 'The scheme in force where the history comes from (relative to this file): `motiv generate` plays it when no --scheme is given.' }),
    start: str({ pattern: MONTH_PATTERN, hint: "the first simulated month, YYYY-MM, like '2026-01'", default: '2026-01' }),
    months: int({ minimum: 1, maximum: L.months, hint: `1 to ${L.months} months`, description: 'Default horizon in months.', default: 24 }),
    reps,
    relationship,
    departures,
    segments,
    book,
    market,
    response,
    drift,
    payment: Payment,
    leads,
    seasonality: arr(num({ minimum: 0 }), { minItems: 12, maxItems: 12, hint: 'twelve demand factors, January to December', default: new Array<number>(12).fill(1) }),
    decision,
    uncertainty: record({
      values: num({ minimum: 0 }),
      hint: 'a mapping from the dotted path of a number of this scenario to its standard error, like response.prospect.sign: 0.004',
      description:
        'How sure each estimated parameter is: its standard error, by the dotted path of its value in this file (`motiv calibrate` writes it). `simulate --uncertainty` draws each run\'s parameters from these; `--sensitivity` moves each by one of them.',
    }),
  },
});

/** a scenario as its file gives it, once the JSON Schema passed */
export type RawScenario = Raw<typeof scenarioDefinition>;
/** the same with every default filled in */
export type FilledScenario = Filled<typeof scenarioDefinition>;
