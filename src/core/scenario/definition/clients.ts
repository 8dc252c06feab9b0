import { SCENARIO_LIMITS as L } from '../limits.js';
import { annotate, bare, int, obj, oneOf, record, withDefault } from '../../yaml/schema-builder.js';
import { CURVE, dist, shareDist, DRIFT_RATES, EFFECT, nonNegative, Payment, positive, probability } from './fragments.js';

/** The scenario's keys about clients: segments, the starting book, the market, how they respond, drift, inbound leads. */

export const segments = record({
  minProperties: 1,
  maxProperties: L.segments,
  hint: `1 to ${L.segments} segments`,
  description: 'Client segments by name.',
  values: obj({
    required: ['share', 'revenue'],
    properties: {
      share: probability({ description: 'Share of prospects and of the starting book in this segment.' }),
      revenue: dist({ description: 'Monthly revenue of a client at a full share of wallet.' }),
      margin: shareDist({ description: 'Gross profit / revenue (default 1).', default: 1 }),
      // a segment's own values fall back to the scenario's, not to the defaults: bare
      response: bare(
        obj({
          description: "The segment's own effects of attention, where its clients differ from the scenario's `response` (curves stay the scenario's).",
          properties: {
            prospect: obj({ properties: { sign: EFFECT.sign } }),
            signed: obj({ properties: { activate: EFFECT.activate, keep: EFFECT.keepSigned } }),
            active: obj({ properties: { keep: EFFECT.keepActive, wallet: EFFECT.wallet } }),
          },
        }),
      ),
      drift: bare(
        obj({
          description: "The segment's own drift rates, where its clients differ from the scenario's `drift` (how easily they activate, how fast they churn, their wallet).",
          properties: DRIFT_RATES,
        }),
      ),
      payment: bare(annotate(Payment, { description: "How the segment's clients pay, where they differ from the scenario's `payment`." })),
    },
  }),
});

export const book = obj({
  required: ['prospects', 'signed', 'active'],
  description: "Each rep's book at the start.",
  properties: {
    prospects: int({ minimum: 0, description: 'Prospects (firms not yet clients) per rep.' }),
    signed: int({ minimum: 0, description: 'Signed but not yet active clients per rep.' }),
    active: int({ minimum: 0, description: 'Active clients per rep.' }),
    active_age: dist({ description: 'Months since activation of the starting active clients (default uniform 1-36).', default: { uniform: { min: 1, max: 36 } } }),
    signed_age: dist({ description: 'Months since signing of the starting signed clients (default uniform 1-3).', default: { uniform: { min: 1, max: 3 } } }),
    wallet: dist({ description: 'Share of wallet of the starting active clients (default 0.5).', default: 0.5 }),
  },
});

export const market = withDefault(
  obj({
    properties: {
      new_prospects: nonNegative({ description: 'Fresh prospects per rep per month.', default: 0 }),
      // its default is book.prospects (normalise.ts)
      prospects_max: int({ minimum: 0, maximum: L.clientSlots, hint: `0 to ${L.clientSlots.toLocaleString('en-US')}`, description: 'Most prospects a rep keeps (default: the starting number).' }),
      pool: int({ minimum: 0, description: 'Firms no rep owns at the start, for a scheme with a pool (default 0); with a pool, new prospects arrive in it.', default: 0 }),
      visibility: oneOf(['full', 'last_contact', 'none'], {
        description:
          "What a rep sees of the others' calls on a firm he may work without owning it (an open base, poaching): full, every call as the CRM logs it, last month's and this month's so far (default); last_contact, the firm's latest contacts only, last month's; none, nothing.",
        default: 'full',
      }),
    },
  }),
  {},
);

export const response = obj({
  required: ['prospect', 'signed', 'active'],
  description: 'What hours on one client in a month do; each activity has one curve of diminishing returns and effects at full attention.',
  properties: {
    prospect: obj({ required: ['sign'], properties: { ...CURVE, sign: EFFECT.sign } }),
    signed: obj({ required: ['activate'], properties: { ...CURVE, activate: EFFECT.activate, keep: EFFECT.keepSigned } }),
    active: obj({ properties: { ...CURVE, keep: EFFECT.keepActive, wallet: EFFECT.wallet } }),
    leads: withDefault(obj({ required: ['win'], properties: { win: probability({ description: 'P(a processed lead becomes a deal).' }) } }), { win: 0.5 }),
    collect: withDefault(
      obj({
        description: "Hours chasing a client's overdue invoices (where clients pay late: `payment`).",
        properties: {
          ...CURVE,
          settle: probability({ description: 'P(a client chased pays all its overdue invoices this month) at full attention (default 0.5).', default: 0.5 }),
        },
      }),
      {},
    ),
  },
});

export const drift = obj({
  description: 'What happens without effort, per month.',
  properties: {
    ...DRIFT_RATES,
    revenue_noise: nonNegative({ description: "Month-to-month noise of a client's revenue: sd of its log.", default: 0 }),
    territory_noise: nonNegative({
      description:
        "A rep's territory: demand for his prospects' signings and his clients' purchases, moving month to month around 1; the sd of its log (default 0: every territory alike). Reps of equal skill then fall ahead or behind a quota by luck.",
      default: 0,
    }),
    territory_persistence: probability({ description: "How much of a month's territory demand lasts into the next (the correlation of its log month to month; default 0.5).", default: 0.5 }),
  },
});

export const leads = obj({
  required: ['per_month', 'value', 'hours'],
  description: 'Inbound requests.',
  properties: {
    per_month: nonNegative({ maximum: L.leadsPerMonth, hint: `0 to ${L.leadsPerMonth.toLocaleString('en-US')} leads a month`, description: 'Arrivals per month, all reps together (Poisson mean).' }),
    value: dist({ description: 'Revenue of the deal a lead becomes.' }),
    margin: shareDist({ description: 'Gross profit / revenue of such a deal (default 1).', default: 1 }),
    hours: positive({ description: 'Hours to process one lead.' }),
  },
});
