import type { ActivityKind } from '../types.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { int, num, obj, objectOr, record, switchable, withDefault } from '../../yaml/schema-builder.js';
import { dist, Distribution, nonNegative, perActivity, probability } from './fragments.js';

/** The scenario's keys about reps: who they are, what they bond with, when they leave, how they decide. */

/** an hour's disutility by activity when `effort_cost` leaves it out */
const EFFORT_COST: Record<ActivityKind, number> = { prospect: 20, signed: 12, active: 6, leads: 8, collect: 8 };
/** the cost of the last extra hour when `overtime.cost` is left out, in multiples of the mean effort cost of prospects, signed and active clients */
export const OVERTIME_COST_FACTOR = 3;
/** what full attention to a client is worth to a rep apart from pay, where `duty` does not say */
const DUTY = 5;

export const reps = obj({
  required: ['count', 'hours'],
  properties: {
    count: int({ minimum: 1, maximum: L.reps, hint: `1 to ${L.reps.toLocaleString('en-US')} reps`, description: 'How many reps (with --data: taken from reps.csv).' }),
    hours: dist({ description: 'Selling hours per month of a rep (a distribution across reps).' }),
    skill: withDefault(perActivity(Distribution, 'Multiplier on the effect of an hour, per activity (default 1).', () => 1), {}),
    effort_cost: withDefault(
      perActivity(nonNegative(), 'Disutility of an hour of each activity, in money a rep would give up to avoid it (a cold call costs more than a friendly call).', (a) => EFFORT_COST[a]),
      {},
    ),
    effort_taste: dist({ description: "A rep's multiplier on all his effort costs (heterogeneity; default 1).", default: 1 }),
    overtime: withDefault(
      obj({
        description: "Hours above 'hours' (the floor the job demands whatever the pay) a rep may choose to work when pay makes them worth it.",
        properties: {
          max: nonNegative({ description: 'The ceiling of extra hours, as a share of his floor (default 0.25: up to 25 % more).', default: 0.25 }),
          // its default is the effort costs' (normalise.ts)
          cost: nonNegative({
            description:
              "The disutility of the last extra hour below the ceiling, in money, on top of the activity's effort cost; it rises linearly from 0 at the floor (default 3 times the mean effort cost of prospects, signed and active clients).",
          }),
        },
      }),
      {},
    ),
    columns: record({
      values: Distribution,
      description: 'Columns of a synthetic rep, as reps.csv would have them: plan columns such as a payment plan, drawn per rep (with --data they come from the data).',
      default: {},
    }),
  },
});

export const relationship = withDefault(
  obj({
    description: "A client's bond with his rep, grown by months of attention: it cuts churn and raises share of wallet.",
    properties: {
      months_to_full: int({ minimum: 1, description: 'Months of attention to a full relationship (default 12).', default: 12 }),
      churn_cut: probability({ description: 'Share of the churn risk a full relationship removes (default 0).', default: 0 }),
      wallet_boost: nonNegative({ description: 'Extra share-of-wallet gain at a full relationship: 0.5 is half as much again (default 0).', default: 0 }),
      annoyance: nonNegative({
        description: 'Per rep beyond the first who calls one firm in a month: extra churn risk, as a multiple, and the same divisor on its chances to sign and to activate (default 0).',
        default: 0,
      }),
    },
  }),
  {},
);

export const departures = switchable(
  obj({
    required: ['outside_option'],
    properties: {
      outside_option: nonNegative({ description: 'Monthly pay a rep could earn elsewhere.' }),
      base: probability({ description: 'P(quit) a month when paid the outside option (default 0.005).', default: 0.005 }),
      sensitivity: nonNegative({ description: 'Added P(quit) per 100 % his pay falls below the outside option (default 0.05).', default: 0.05 }),
      burnout: obj({
        required: ['rate'],
        description: 'A hunter by nature (prospect skill at least his active skill) made to serve active clients, or a farmer made to prospect, burns out (case 3).',
        properties: {
          rate: probability({ description: "Added P(quit) a month when all his hours go to the other nature's work (active clients for a hunter, prospects for a farmer)." }),
          mismatch_above: probability({
            description: "Share of his hours on the other nature's work above which the risk starts, rising linearly to 'rate' at 100 % (default 0.5).",
            default: 0.5,
          }),
        },
      }),
      follow: withDefault(
        obj({
          properties: {
            base: probability({ description: 'P(a client leaves with him) (default 0.05).', default: 0.05 }),
            per_relationship: probability({ description: 'Added P at a full relationship (default 0.3); halved under pair work.', default: 0.3 }),
          },
        }),
        {},
      ),
      replacement_months: int({ minimum: 0, description: 'Months until a replacement starts (default 2).', default: 2 }),
      ramp_months: int({ minimum: 0, description: 'Months for a new rep to reach full skill (default 3).', default: 3 }),
      ramp_start: probability({ description: 'Share of full skill a new rep starts at (default 0.5).', default: 0.5 }),
    },
  }),
  {
    description: 'Reps who quit, the clients who follow them, and the reps hired instead; leave it out (or false) and nobody leaves.',
    hint: "only 'departures: false' switches departures off; give a mapping to switch them on",
  },
);

export const decision = withDefault(
  obj({
    description: 'How reps decide.',
    properties: {
      horizon_months: int({ minimum: 1, maximum: 120, description: 'How far ahead a rep looks (default 12).', default: 12 }),
      discount: num({ exclusiveMinimum: 0, maximum: 1, description: 'Monthly discount factor (default 0.97).', default: 0.97 }),
      noise: nonNegative({ description: 'Choice noise: sd of the log of the value a rep sees in each option (default 0.3).', default: 0.3 }),
      inertia: num({ minimum: 0, maximum: 1, description: "Share of last month's hours a rep keeps where they were (default 0.5).", default: 0.5 }),
      luck: nonNegative({
        description:
          "How uncertain a rep holds a month's outcome: the relative sd of his sales (and signings) around what he expects (default 0.2). A quota bonus is then worth most when within reach, little when far above or below.",
        default: 0.2,
      }),
      luck_persistence: probability({
        description: "The share of a month's luck that lasts the rest of the period (a good territory stays good), 0 to 1 (default 0.25): with more, the end of a period stays uncertain longer.",
        default: 0.25,
      }),
      duty: objectOr(perActivity(nonNegative(), 'Duty per activity (unset activities: the default).', () => DUTY), nonNegative(), {
        description:
          'What full attention to a client is worth to a rep apart from pay (professional duty), in money: one number for every activity, or one per activity (default 5). With no variable pay, the floor of hours goes where duty and effort costs send it.',
        hint: 'a number, or {prospect, signed, active, leads} numbers',
        default: DUTY,
      }),
    },
  }),
  {},
);
