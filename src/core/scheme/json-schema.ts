import { COMPONENT_TYPES } from '../components/registry.js';
import { ROUNDING_MODES } from '../money/rational.js';
import { PERIOD_KINDS } from '../time/period.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import { Amount, commonComponentProperties, dated, FilterSchema, ID_PATTERN, idHint, Rate } from './schema-parts.js';
import { OrganisationSchema } from './organisation.js';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export { MONTH_NAMES };

const PlanSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['measure'],
  description: 'A quota per rep and month; attainment = the measure for a period / the plan summed over it.',
  properties: {
    description: { type: 'string' },
    measure: { type: 'string', description: 'What attainment is measured on (revenue, collected, deals_paid, ...).' },
    filter: FilterSchema,
    monthly: { ...dated(Amount), description: 'The same plan for every rep, per month.' },
    column: { type: 'string', description: 'A column of plans.csv (per rep and month) or reps.csv (per rep).' },
    formula: {
      type: 'string',
      description: "An expression of the rep's measures, other plans and columns, with min, max, clamp, round, floor, ceil and if(), e.g. 'clients_owned * 4000' or 'rep.target * 1.1'.",
    },
    seasonality: {
      description: 'Monthly factors, January first: a list of 12 numbers or {jan: 0.8, ...}.',
      if: { type: 'array' },
      then: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 12, maxItems: 12, hint: 'twelve factors, January to December' },
      else: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(MONTH_NAMES.map((m) => [m, { type: 'number', minimum: 0 }])),
        hint: 'factors by month name: jan, feb, ... dec (missing months count as 1)',
      },
    },
    prorate: { type: 'boolean', description: 'Prorate by days employed for a rep who joins or leaves mid-month (default true).' },
  },
};

const CreditRuleSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['split'],
  properties: {
    when: { ...FilterSchema, description: 'Which transactions this rule covers (the first matching rule applies).' },
    split: {
      type: 'object',
      minProperties: 1,
      additionalProperties: Rate,
      propertyNames: { pattern: ID_PATTERN, hint: idHint('role name') },
      description: 'Shares by relationship role: seller, owner, finder, closer, or a role from credits.csv. They add up to 100 %.',
    },
    overlay: {
      type: 'object',
      minProperties: 1,
      additionalProperties: Rate,
      propertyNames: { pattern: ID_PATTERN, hint: idHint('role name') },
      description:
        "Credit beyond the split's 100 %, by relationship role: each holder of the role is credited as well (a solution engineer or overlay specialist on the seller's deal). A role nobody holds credits nobody; a rep credited by the split too keeps the larger share.",
    },
  },
};

function componentSchema(type: string): JsonSchema {
  const t = COMPONENT_TYPES.get(type)!;
  return {
    type: 'object',
    description: t.description,
    additionalProperties: false,
    required: ['id', 'type', ...t.required],
    properties: { ...commonComponentProperties, type: { const: type, description: t.description }, ...t.properties },
  };
}

/** The JSON Schema of a scheme file; `motiv schema` prints it for editors. */
export function schemeJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motiv.dev/schema/scheme.json',
    title: 'motiv scheme',
    description: 'A sales compensation scheme: plans, credit rules and pay components.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'currency', 'components'],
    properties: {
      kind: { const: 'scheme', description: 'Marks this file as a scheme (optional).' },
      name: { type: 'string', minLength: 1, pattern: '\\S', hint: 'a name to show in reports, not blank', description: 'The scheme name, shown in reports.' },
      description: { type: 'string' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$', hint: "an ISO 4217 code such as 'EUR', 'USD' or 'RUB'", description: 'ISO 4217 currency code.' },
      minor_units: { type: 'integer', minimum: 0, maximum: 6, description: "Decimal places of the currency's minor unit (default from the currency)." },
      rounding: { enum: [...ROUNDING_MODES], description: 'How each line is rounded to the minor unit (default half-up).' },
      fiscal_year_start: { type: 'integer', minimum: 1, maximum: 12, description: 'Month the fiscal year starts (default 1, January).' },
      roles: { type: 'array', items: { type: 'string', pattern: ID_PATTERN, hint: idHint('role name') }, minItems: 1, uniqueItems: true, description: 'Rep roles this scheme knows.' },
      scenario: { type: 'string', description: 'Default scenario file for `motiv simulate`, relative to this file.' },
      organisation: OrganisationSchema,
      plans: {
        type: 'object',
        propertyNames: { pattern: ID_PATTERN, hint: idHint('plan name') },
        additionalProperties: PlanSchema,
        description: 'Named plans (quotas).',
      },
      credit: { type: 'array', items: CreditRuleSchema, minItems: 1, description: 'How credit for a sale is split between reps.' },
      variable_cap: {
        type: 'object',
        additionalProperties: false,
        required: ['amount'],
        properties: { amount: dated(Amount), period: { enum: [...PERIOD_KINDS] } },
        description: 'Most variable pay a rep can earn per period.',
      },
      transactions: {
        type: 'object',
        additionalProperties: false,
        properties: {
          count_statuses: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            uniqueItems: true,
            description: "The statuses (transactions.csv's status column) whose transactions count, e.g. [won, closed]; compared ignoring case. Without it every status counts but draft, pending, cancelled, lost, closed lost, void, rejected and declined. A blank status always counts.",
          },
        },
        description: 'Which transactions count in every measure, by their status.',
      },
      components: {
        type: 'array',
        minItems: 1,
        description: 'The pay components.',
        items: {
          type: 'object',
          required: ['type'],
          hint: `each component is a mapping with an 'id' and a 'type': ${[...COMPONENT_TYPES.keys()].join(', ')}`,
          discriminator: { propertyName: 'type' },
          oneOf: [...COMPONENT_TYPES.keys()].map(componentSchema),
        },
      },
    },
  };
}
