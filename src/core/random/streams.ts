/**
 * What a draw is for: one stream per kind of draw, so that two uses never
 * share a draw and adding a kind never shifts the others. The index a draw
 * takes besides the entity's name is the month for the monthly streams,
 * else 0 (or which one: the activity of a skill, the column of reps.columns).
 * A new stream takes a new code; codes are never reused.
 */
export const STREAM = {
  // a firm, drawn when it enters the run
  segment: 1,
  potential: 2,
  margin: 3,
  /** a starting client's age (since activation, or signing for a signed one) */
  startAge: 4,
  /** a starting active client's share of wallet */
  startWallet: 5,
  /** when a starting prospect's quiet spell began */
  settled: 6,
  // a rep, drawn when he is hired
  hours: 7,
  taste: 8,
  /** index: the activity */
  skill: 9,
  /** index: the column's place in reps.columns */
  column: 10,
  // month by month (index: the month)
  /** a client's move: signs, activates, goes cold, is lost */
  transition: 11,
  /** a client's revenue noise */
  revenue: 12,
  /** the choice noise on a client's value to its owner */
  noise: 13,
  /** the choice noise on a client's value to the partner of a pair */
  partnerNoise: 14,
  /** whether a client follows its departing rep */
  leaves: 15,
  /** whether the rep in a slot quits */
  departure: 16,
  /** whether a slot's inflow gets its fractional extra prospect */
  extraArrival: 17,
  /** the number of leads (the market) */
  leadCount: 18,
  // an inbound lead (index 0: its month is in its name)
  leadValue: 19,
  leadMargin: 20,
  leadWin: 21,
  /** the choice noise on a lead's value */
  leadNoise: 22,
  /** a rep slot's territory demand (index: the month) */
  territory: 23,
  /** whether a client's invoice of the month is paid on time, late or never (index: the month; a lead's deal: 0) */
  payment: 24,
  /** the day it is paid: within its terms, or how many days late (index as payment) */
  paymentDay: 25,
  /** whether a client chased for its overdue invoices pays them this month (index: the month) */
  settle: 26,
  /** the choice noise on the value of chasing a client's overdue invoices */
  collectNoise: 27,
  /** the choice noise on the value of a firm to a rep who does not own it (index: month × rep slots + slot) */
  rivalNoise: 28,
  // the model itself (ENTITY.model), drawn once a run under --uncertainty
  /** an estimated parameter's value (index: its place in the scenario's uncertainty) */
  parameter: 29,
  // a client's invoices of the months before the run (index: how many months before it)
  /** whether its invoice of that month was paid on time, late or never */
  pastPayment: 30,
  /** the day it was paid */
  pastPaymentDay: 31,
} as const;
