/**
 * The kinds of entity a draw can be about, each with the indices that say
 * which one it is (`nameOf(key, ENTITY.arrival, month, slot, number)`). A
 * kind is its own key space: entities of two kinds, or of one kind with
 * different indices, never share a name, whatever the number of months,
 * reps or firms. A new kind takes a new code; codes are never reused.
 */
export const ENTITY = {
  /** a firm of the scenario's starting book: (rep slot, its place in his book) */
  bookFirm: 1,
  /** a client of the data's book under --data: (its place in the book) */
  dataClient: 2,
  /** a firm of the scenario's starting pool: (its number) */
  poolFirm: 3,
  /** a new prospect: (month, the rep slot whose inflow it is, its number in that month) */
  arrival: 4,
  /** a rep: (slot, generation: 0 for the starting team, then one more for each replacement) */
  rep: 5,
  /** a rep slot month by month, whoever holds it: (slot) */
  slot: 6,
  /** an inbound lead: (month, its number in that month) */
  lead: 7,
  /** the market as a whole: no index */
  market: 8,
  /** the scenario's estimated parameters, drawn once a run (--uncertainty): no index */
  model: 9,
} as const;

export type EntityKind = (typeof ENTITY)[keyof typeof ENTITY];
