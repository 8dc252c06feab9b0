import { ACTIVITIES } from './types.js';
import { MONTH_PATTERN } from '../scheme/schema-parts.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import { SCENARIO_LIMITS as L } from './limits.js';

/** the book, arrivals and pool are bounded together, by the memory of a simulated world (limits.ts), not key by key */

const positive = { type: 'number', exclusiveMinimum: 0 } as const;
const nonNegative = { type: 'number', minimum: 0 } as const;
const probability = { type: 'number', minimum: 0, maximum: 1, hint: 'a probability or share between 0 and 1' } as const;

/** a number, or one of the distributions */
export const DistributionSchema: JsonSchema = {
  description: 'A number, or a distribution: {normal: {mean, sd}}, {lognormal: {median, sigma}}, {uniform: {min, max}}, {triangular: {min, mode, max}}.',
  hint: 'a number, or one of {normal: {mean, sd}}, {lognormal: {median, sigma}}, {uniform: {min, max}}, {triangular: {min, mode, max}}',
  if: { type: 'object' },
  then: {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    hint: 'one distribution: normal, lognormal, uniform or triangular',
    properties: {
      normal: {
        type: 'object',
        additionalProperties: false,
        required: ['mean', 'sd'],
        properties: { mean: { type: 'number' }, sd: nonNegative, min: { type: 'number' }, max: { type: 'number' } },
      },
      lognormal: {
        type: 'object',
        additionalProperties: false,
        required: ['median', 'sigma'],
        properties: { median: positive, sigma: nonNegative },
      },
      uniform: { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: { min: { type: 'number' }, max: { type: 'number' } } },
      triangular: {
        type: 'object',
        additionalProperties: false,
        required: ['min', 'mode', 'max'],
        properties: { min: { type: 'number' }, mode: { type: 'number' }, max: { type: 'number' } },
      },
    },
  },
  else: { type: 'number' },
};

const perActivity = (value: JsonSchema, description: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  description,
  properties: Object.fromEntries(ACTIVITIES.map((a) => [a, value])),
});

const curveProps: Record<string, JsonSchema> = {
  half_hours: { ...positive, description: 'Hours on one client in a month that give half the full effect (saturating curve).' },
  scale_hours: { ...positive, description: 'Hours per e-fold of the remaining effect (exponential curve).' },
  curve: { enum: ['saturating', 'exponential'], description: 'Shape of diminishing returns: h/(h+half_hours) or 1-exp(-h/scale_hours). Default saturating.' },
};

/** the effects of attention and the drift rates a segment may set for itself (one definition, used at the top and per segment) */
const EFFECT = {
  sign: { ...probability, description: 'P(prospect -> signed) this month at full attention.' },
  activate: { ...probability, description: 'Added P(signed -> active) at full attention.' },
  keepSigned: { ...probability, description: 'Share of the risk of going cold removed at full attention.' },
  keepActive: { ...probability, description: 'Share of the churn risk (and of wallet erosion) removed at full attention.' },
  wallet: { ...probability, description: 'Share of the missing wallet won in a month at full attention.' },
} as const;
const DRIFT_RATES = {
  activate: { ...probability, description: 'P(signed -> active) without effort.' },
  signed_cold: { ...probability, description: 'P(signed -> lost): an almost-client goes cold.' },
  churn: { ...probability, description: 'P(active -> lost).' },
  wallet_erosion: { ...probability, description: 'Share of wallet lost to competitors.' },
  wallet_start: { ...probability, description: 'Share of wallet of a newly active client.' },
  wallet_signed: { ...probability, description: 'Share of wallet a signed, not yet active client buys.' },
} as const;

/** how clients pay their invoices (one definition, used at the top and per segment) */
const PAYMENT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'How clients pay their invoices: each sale is due some days after it and paid on time, late or never (default: every sale paid on the day).',
  properties: {
    terms_days: { type: 'integer', minimum: 0, maximum: 365, hint: '0 to 365 days', description: 'Days from a sale to its due date (default 30).' },
    on_time: { ...probability, description: 'Share of invoices paid by their due date (default 0.8).' },
    days_late: { ...DistributionSchema, description: 'Days past the due date of an invoice paid late (default lognormal, median 20, sigma 0.8).' },
    never: { ...probability, description: 'Share of invoices never paid (default 0).' },
  },
};

/** The JSON Schema of a scenario file: the world a scheme is tried in. */
export function scenarioJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motiv.dev/schema/scenario.json',
    title: 'motiv scenario',
    description: 'The world a pay scheme is simulated in: reps, clients, how clients respond to hours, drift, leads, and how reps decide.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'reps', 'segments', 'book', 'response', 'drift'],
    properties: {
      kind: { const: 'scenario' },
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      scheme: { type: 'string', minLength: 1, description: "The scheme in force where the history comes from (relative to this file): `motiv generate` plays it when no --scheme is given." },
      start: { type: 'string', pattern: MONTH_PATTERN, hint: "the first simulated month, YYYY-MM, like '2026-01'" },
      months: { type: 'integer', minimum: 1, maximum: L.months, hint: `1 to ${L.months} months`, description: 'Default horizon in months.' },
      reps: {
        type: 'object',
        additionalProperties: false,
        required: ['count', 'hours'],
        properties: {
          count: { type: 'integer', minimum: 1, maximum: L.reps, hint: `1 to ${L.reps.toLocaleString('en-US')} reps`, description: 'How many reps (with --data: taken from reps.csv).' },
          hours: { ...DistributionSchema, description: 'Selling hours per month of a rep (a distribution across reps).' },
          skill: perActivity(DistributionSchema, 'Multiplier on the effect of an hour, per activity (default 1).'),
          effort_cost: perActivity(nonNegative, 'Disutility of an hour of each activity, in money a rep would give up to avoid it (a cold call costs more than a friendly call).'),
          effort_taste: { ...DistributionSchema, description: "A rep's multiplier on all his effort costs (heterogeneity; default 1)." },
          overtime: {
            type: 'object',
            additionalProperties: false,
            description: "Hours above 'hours' (the floor the job demands whatever the pay) a rep may choose to work when pay makes them worth it.",
            properties: {
              max: { ...nonNegative, description: "The ceiling of extra hours, as a share of his floor (default 0.25: up to 25 % more)." },
              cost: {
                ...nonNegative,
                description: 'The disutility of the last extra hour below the ceiling, in money, on top of the activity\'s effort cost; it rises linearly from 0 at the floor (default 3 times the mean effort cost of prospects, signed and active clients).',
              },
            },
          },
          columns: {
            type: 'object',
            additionalProperties: DistributionSchema,
            description: "Columns of a synthetic rep, as reps.csv would have them: plan columns such as a payment plan, drawn per rep (with --data they come from the data).",
          },
        },
      },
      relationship: {
        type: 'object',
        additionalProperties: false,
        description: "A client's bond with his rep, grown by months of attention: it cuts churn and raises share of wallet.",
        properties: {
          months_to_full: { type: 'integer', minimum: 1, description: 'Months of attention to a full relationship (default 12).' },
          churn_cut: { ...probability, description: 'Share of the churn risk a full relationship removes (default 0).' },
          wallet_boost: { ...nonNegative, description: 'Extra share-of-wallet gain at a full relationship: 0.5 is half as much again (default 0).' },
          annoyance: { ...nonNegative, description: 'Per rep beyond the first who calls one firm in a month: extra churn risk, as a multiple, and the same divisor on its chances to sign and to activate (default 0).' },
        },
      },
      departures: {
        description: 'Reps who quit, the clients who follow them, and the reps hired instead; leave it out (or false) and nobody leaves.',
        if: { type: 'boolean' },
        then: { const: false, hint: "only 'departures: false' switches departures off; give a mapping to switch them on" },
        else: {
          type: 'object',
          additionalProperties: false,
          required: ['outside_option'],
          properties: {
            outside_option: { ...nonNegative, description: 'Monthly pay a rep could earn elsewhere.' },
            base: { ...probability, description: 'P(quit) a month when paid the outside option (default 0.005).' },
            sensitivity: { ...nonNegative, description: 'Added P(quit) per 100 % his pay falls below the outside option (default 0.05).' },
            burnout: {
              type: 'object',
              additionalProperties: false,
              required: ['rate'],
              description:
                "A hunter by nature (prospect skill at least his active skill) made to serve active clients, or a farmer made to prospect, burns out (case 3).",
              properties: {
                rate: { ...probability, description: "Added P(quit) a month when all his hours go to the other nature's work (active clients for a hunter, prospects for a farmer)." },
                mismatch_above: { ...probability, description: "Share of his hours on the other nature's work above which the risk starts, rising linearly to 'rate' at 100 % (default 0.5)." },
              },
            },
            follow: {
              type: 'object',
              additionalProperties: false,
              properties: {
                base: { ...probability, description: 'P(a client leaves with him) (default 0.05).' },
                per_relationship: { ...probability, description: 'Added P at a full relationship (default 0.3); halved under pair work.' },
              },
            },
            replacement_months: { type: 'integer', minimum: 0, description: 'Months until a replacement starts (default 2).' },
            ramp_months: { type: 'integer', minimum: 0, description: 'Months for a new rep to reach full skill (default 3).' },
            ramp_start: { ...probability, description: 'Share of full skill a new rep starts at (default 0.5).' },
          },
        },
      },
      segments: {
        type: 'object',
        minProperties: 1,
        maxProperties: L.segments,
        hint: `1 to ${L.segments} segments`,
        description: 'Client segments by name.',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['share', 'revenue'],
          properties: {
            share: { ...probability, description: 'Share of prospects and of the starting book in this segment.' },
            revenue: { ...DistributionSchema, description: 'Monthly revenue of a client at a full share of wallet.' },
            margin: { ...DistributionSchema, description: 'Gross profit / revenue (default 1).' },
            response: {
              type: 'object',
              additionalProperties: false,
              description: "The segment's own effects of attention, where its clients differ from the scenario's `response` (curves stay the scenario's).",
              properties: {
                prospect: { type: 'object', additionalProperties: false, properties: { sign: EFFECT.sign } },
                signed: { type: 'object', additionalProperties: false, properties: { activate: EFFECT.activate, keep: EFFECT.keepSigned } },
                active: { type: 'object', additionalProperties: false, properties: { keep: EFFECT.keepActive, wallet: EFFECT.wallet } },
              },
            },
            drift: {
              type: 'object',
              additionalProperties: false,
              description: "The segment's own drift rates, where its clients differ from the scenario's `drift` (how easily they activate, how fast they churn, their wallet).",
              properties: DRIFT_RATES,
            },
            payment: { ...PAYMENT, description: "How the segment's clients pay, where they differ from the scenario's `payment`." },
          },
        },
      },
      book: {
        type: 'object',
        additionalProperties: false,
        required: ['prospects', 'signed', 'active'],
        description: "Each rep's book at the start.",
        properties: {
          prospects: { type: 'integer', minimum: 0, description: 'Prospects (firms not yet clients) per rep.' },
          signed: { type: 'integer', minimum: 0, description: 'Signed but not yet active clients per rep.' },
          active: { type: 'integer', minimum: 0, description: 'Active clients per rep.' },
          active_age: { ...DistributionSchema, description: 'Months since activation of the starting active clients (default uniform 1-36).' },
          signed_age: { ...DistributionSchema, description: 'Months since signing of the starting signed clients (default uniform 1-3).' },
          wallet: { ...DistributionSchema, description: 'Share of wallet of the starting active clients (default 0.5).' },
        },
      },
      market: {
        type: 'object',
        additionalProperties: false,
        properties: {
          new_prospects: { ...nonNegative, description: 'Fresh prospects per rep per month.' },
          prospects_max: { type: 'integer', minimum: 0, maximum: L.clientSlots, hint: `0 to ${L.clientSlots.toLocaleString('en-US')}`, description: 'Most prospects a rep keeps (default: the starting number).' },
          pool: { type: 'integer', minimum: 0, description: "Firms no rep owns at the start, for a scheme with a pool (default 0); with a pool, new prospects arrive in it." },
          visibility: {
            enum: ['full', 'last_contact', 'none'],
            description:
              "What a rep sees of the others' calls on a firm he may work without owning it (an open base, poaching): full, every call as the CRM logs it, last month's and this month's so far (default); last_contact, the firm's latest contacts only, last month's; none, nothing.",
          },
        },
      },
      response: {
        type: 'object',
        additionalProperties: false,
        required: ['prospect', 'signed', 'active'],
        description: 'What hours on one client in a month do; each activity has one curve of diminishing returns and effects at full attention.',
        properties: {
          prospect: {
            type: 'object',
            additionalProperties: false,
            required: ['sign'],
            properties: { ...curveProps, sign: EFFECT.sign },
          },
          signed: {
            type: 'object',
            additionalProperties: false,
            required: ['activate'],
            properties: {
              ...curveProps,
              activate: EFFECT.activate,
              keep: EFFECT.keepSigned,
            },
          },
          active: {
            type: 'object',
            additionalProperties: false,
            properties: {
              ...curveProps,
              keep: EFFECT.keepActive,
              wallet: EFFECT.wallet,
            },
          },
          leads: {
            type: 'object',
            additionalProperties: false,
            required: ['win'],
            properties: { win: { ...probability, description: 'P(a processed lead becomes a deal).' } },
          },
          collect: {
            type: 'object',
            additionalProperties: false,
            description: "Hours chasing a client's overdue invoices (where clients pay late: `payment`).",
            properties: { ...curveProps, settle: { ...probability, description: 'P(a client chased pays all its overdue invoices this month) at full attention (default 0.5).' } },
          },
        },
      },
      drift: {
        type: 'object',
        additionalProperties: false,
        description: 'What happens without effort, per month.',
        properties: {
          ...DRIFT_RATES,
          revenue_noise: { ...nonNegative, description: "Month-to-month noise of a client's revenue: sd of its log." },
          territory_noise: {
            ...nonNegative,
            description:
              "A rep's territory: demand for his prospects' signings and his clients' purchases, moving month to month around 1; the sd of its log (default 0: every territory alike). Reps of equal skill then fall ahead or behind a quota by luck.",
          },
          territory_persistence: { ...probability, description: "How much of a month's territory demand lasts into the next (the correlation of its log month to month; default 0.5)." },
        },
      },
      payment: PAYMENT,
      leads: {
        type: 'object',
        additionalProperties: false,
        required: ['per_month', 'value', 'hours'],
        description: 'Inbound requests.',
        properties: {
          per_month: { ...nonNegative, maximum: L.leadsPerMonth, hint: `0 to ${L.leadsPerMonth.toLocaleString('en-US')} leads a month`, description: 'Arrivals per month, all reps together (Poisson mean).' },
          value: { ...DistributionSchema, description: 'Revenue of the deal a lead becomes.' },
          margin: { ...DistributionSchema, description: 'Gross profit / revenue of such a deal (default 1).' },
          hours: { ...positive, description: 'Hours to process one lead.' },
        },
      },
      seasonality: {
        type: 'array',
        items: { type: 'number', minimum: 0 },
        minItems: 12,
        maxItems: 12,
        hint: 'twelve demand factors, January to December',
      },
      decision: {
        type: 'object',
        additionalProperties: false,
        description: 'How reps decide.',
        properties: {
          horizon_months: { type: 'integer', minimum: 1, maximum: 120, description: 'How far ahead a rep looks (default 12).' },
          discount: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Monthly discount factor (default 0.97).' },
          noise: { ...nonNegative, description: 'Choice noise: sd of the log of the value a rep sees in each option (default 0.3).' },
          inertia: { type: 'number', minimum: 0, maximum: 1, description: "Share of last month's hours a rep keeps where they were (default 0.5)." },
          luck: {
            ...nonNegative,
            description:
              "How uncertain a rep holds a month's outcome: the relative sd of his sales (and signings) around what he expects (default 0.2). A quota bonus is then worth most when within reach, little when far above or below.",
          },
          luck_persistence: {
            ...probability,
            description: "The share of a month's luck that lasts the rest of the period (a good territory stays good), 0 to 1 (default 0.25): with more, the end of a period stays uncertain longer.",
          },
          duty: {
            description:
              'What full attention to a client is worth to a rep apart from pay (professional duty), in money: one number for every activity, or one per activity (default 5). With no variable pay, the floor of hours goes where duty and effort costs send it.',
            hint: 'a number, or {prospect, signed, active, leads} numbers',
            if: { type: 'object' },
            then: perActivity(nonNegative, 'Duty per activity (unset activities: the default).'),
            else: nonNegative,
          },
        },
      },
    },
  };
}
