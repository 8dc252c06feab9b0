import type { JsonSchema } from '../yaml/check-schema.js';
import { CLIENT_CATEGORIES } from '../types.js';
import { PERIOD_KINDS } from '../time/period.js';

/** JSON Schema fragments shared by the scheme and its component types. */

export const PERCENT_PATTERN = '^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*%?\\s*$';
export const DECIMAL_PATTERN = '^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$';
export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';
/**
 * ID_PATTERN in words, for a name of one kind ('a plan name of ...'). Latin
 * letters only: an id is read in formulas, sweep paths (components.ID.rate)
 * and output columns, which all take it as written in ASCII.
 */
export const idHint = (what = 'name') => `a ${what} of Latin letters, digits, _ . or -, starting with a letter`;

/** the oldest client age a filter may name: a hundred years (the simulation keeps a value per month of age up to it) */
export const MAX_AGE_MONTHS = 1_200;

export const Rate: JsonSchema = {
  type: ['number', 'string'],
  pattern: PERCENT_PATTERN,
  hint: 'a fraction like 0.05 or a percentage like "5%"',
  description: 'A rate: a fraction (0.05) or a percentage ("5%").',
};

export const Amount: JsonSchema = {
  type: ['number', 'string'],
  pattern: DECIMAL_PATTERN,
  hint: 'an amount in the scheme currency, like 1500 or 1234.56',
  description: 'An amount of money in major units (1234.56).',
};

export const Count: JsonSchema = {
  type: 'number',
  minimum: 0,
  hint: 'a number of units, 0 or more',
};

export const MonthString: JsonSchema = {
  type: 'string',
  pattern: MONTH_PATTERN,
  hint: "a month written YYYY-MM, like '2026-07'",
  description: 'A calendar month, YYYY-MM.',
};

export const Id: JsonSchema = {
  type: 'string',
  pattern: ID_PATTERN,
  hint: idHint(),
};

export const PeriodSchema: JsonSchema = {
  enum: [...PERIOD_KINDS],
  description: 'How often it pays: every month, at the end of each quarter, or at the end of each year.',
};

/** a term of the rep's own: a column of his (reps.csv, plans.csv) or a formula, worked out for each rep and month */
export const RepTerm: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    column: { type: 'string', minLength: 1, description: "A column of the rep's own: plans.csv for the month, else reps.csv (e.g. commission_rate)." },
    formula: { type: 'string', minLength: 1, description: "A formula of the rep's columns, measures and plans, e.g. '0.05 * rep.ote' or '(rep.ote - rep.base) / rep.quota'." },
  },
  hint: "the rep's own value: {column: NAME} or {formula: '0.05 * rep.ote'}",
};

/** a number, or the rep's own ({column: NAME} or {formula: TEXT}) */
export function term(value: JsonSchema): JsonSchema {
  return {
    description: `${value.description ?? 'A value.'} Or the rep's own: {column: NAME} or {formula: '0.05 * rep.ote'}.`,
    if: { type: 'object' },
    then: RepTerm,
    else: value,
  };
}

/** a value, or a list of values each effective from a month */
export function dated(value: JsonSchema): JsonSchema {
  return {
    description: `${value.description ?? 'A value'} May change over time: a list of {from: YYYY-MM, value}.`,
    if: { type: 'array' },
    then: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value'],
        properties: { from: MonthString, value },
        hint: 'each entry is {from: YYYY-MM, value: ...}; the first may omit from',
      },
    },
    else: value,
  };
}

const stringList = (hint: string): JsonSchema => ({
  if: { type: 'array' },
  then: { type: 'array', items: { type: 'string' }, minItems: 1, hint },
  else: { type: 'string', hint },
});

/** months of a rep's tenure, both ends inclusive */
const TenureMonths: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'integer', minimum: 1, maximum: MAX_AGE_MONTHS, hint: `a whole number of months, 1 to ${MAX_AGE_MONTHS}` },
    to: { type: 'integer', minimum: 1, maximum: MAX_AGE_MONTHS, hint: `a whole number of months, 1 to ${MAX_AGE_MONTHS}` },
  },
};

export const FilterSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Which transactions or clients count.',
  properties: {
    category: {
      if: { type: 'array' },
      then: { type: 'array', items: { enum: [...CLIENT_CATEGORIES] }, minItems: 1 },
      else: { enum: [...CLIENT_CATEGORIES] },
      description: "Client category on the day: 'new' (signed this calendar month), 'signed' (signed, not yet active), 'active'.",
    },
    segment: stringList('a segment name or a list of them'),
    age_months: {
      type: 'object',
      additionalProperties: false,
      properties: {
        from: { type: 'integer', minimum: 0, maximum: MAX_AGE_MONTHS, hint: `a whole number of months, 0 to ${MAX_AGE_MONTHS}` },
        to: { type: 'integer', minimum: 0, maximum: MAX_AGE_MONTHS, hint: `a whole number of months, 0 to ${MAX_AGE_MONTHS}` },
      },
      description: 'Client age in months since activation (first month = 1, 0 = not yet active); both ends inclusive.',
    },
    since: { enum: ['activation', 'signing'], description: 'What age_months counts from. Default: activation.' },
    tenure_months: {
      ...TenureMonths,
      description: "Only the rep's months of tenure in this range count (his start date's month is 1): {to: 3} is his first three months.",
    },
    activity: stringList('an activity name (prospect, signed, active, leads) or a list'),
  },
};

/** `plan:`, `measure:` (+ filter) or `component:`: what a band, gate or multiplier looks at */
export const basisProperties: Record<string, JsonSchema> = {
  plan: { type: 'string', description: 'Look at attainment of this plan (1 = 100 %).' },
  measure: { type: 'string', description: 'Look at this measure of the rep for the period.' },
  filter: FilterSchema,
  component: { type: 'string', description: "Look at another component's amount this period." },
};

export const GateSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Pay nothing unless the basis reaches `min` (and stays below `below`).',
  properties: {
    ...basisProperties,
    min: { ...Rate, description: 'Lowest value that opens the gate (attainment as 0.8 or "80%", or the measure in its units: 4 new clients is 4).' },
    below: { ...Rate, description: 'The gate is shut at or above this value.' },
  },
};

const bandRange = {
  from: { ...Rate, description: 'Lower bound, inclusive (attainment as 0.8 or "80%", or the measure in its units).' },
  to: { ...Rate, description: 'Upper bound, exclusive; omit on the last band.' },
};

export const TiersSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['bands'],
  description: 'Rates by band of attainment (with `plan`) or of a measure (with `measure`).',
  properties: {
    ...basisProperties,
    mode: {
      enum: ['marginal', 'retroactive'],
      description: "marginal: each band's part at its own rate; retroactive: the whole amount at the rate of the band reached.",
    },
    bands: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'rate'],
        properties: { ...bandRange, rate: dated(term(Rate)) },
      },
    },
  },
};

export const FactorBands: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'factor'],
    properties: { ...bandRange, factor: { ...Rate, description: 'Multiply the target by this (0.5 halves it).' } },
  },
};

export const AmountBands: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'amount'],
    properties: { from: bandRange.from, amount: dated(term(Amount)) },
  },
};

export const ClawbackSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['within_months'],
  properties: {
    within_months: { type: 'integer', minimum: 1, description: 'Recover what was paid on a client lost within this many months.' },
    since: { enum: ['signing', 'activation'], description: 'Count the months from signing (default) or activation.' },
  },
};

export const commonComponentProperties: Record<string, JsonSchema> = {
  id: { ...Id, description: 'A unique name for this component; lines and tests refer to it.' },
  type: { type: 'string' },
  label: { type: 'string', description: 'Words shown next to the line.' },
  period: PeriodSchema,
  roles: {
    type: 'array',
    items: { type: 'string' },
    minItems: 1,
    description: 'Only reps with one of these roles get this component.',
  },
  from: { ...MonthString, description: 'First month the component applies.' },
  tenure_months: {
    ...TenureMonths,
    description: "In force only in the rep's months of tenure in this range (his start date's month is 1): {to: 3} is a ramp of three months, {from: 4} after it.",
  },
  to: { ...MonthString, description: 'Last month the component applies.' },
  cap: { ...dated(term(Amount)), description: "Most this component pays per its period; or the rep's own ({column: NAME}, {formula: ...})." },
  gate: GateSchema,
  variable: { type: 'boolean', description: 'Counted as variable pay (for the variable cap and draws).' },
  clawback: ClawbackSchema,
};
