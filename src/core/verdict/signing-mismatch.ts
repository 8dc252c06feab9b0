import { signedDay } from '../data/client-state.js';
import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, monthOfDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';

/** how far the simulation's signings a month may be from the data's, either way, before it is said (a scenario fitted to the data lands well within) */
export const SIGNING_FACTOR = 2;
/** the fewest months and signings of the data the comparison rests on: fewer say too little of its rate */
export const SIGNING_MIN_MONTHS = 3;
export const SIGNING_MIN_COUNT = 3;

/** the clients of the data signed in each of `months` (by signed_date, else activated_date; inbound accounts are no signing the simulation plays) */
export function signingsByMonth(clients: readonly Client[], months: readonly Month[]): number[] {
  const out = months.map(() => 0);
  if (months.length === 0) return out;
  for (const c of clients) {
    if (c.status === 'inbound') continue;
    const day = signedDay(c);
    if (day === undefined) continue;
    const i = monthOfDay(day) - months[0];
    if (i >= 0 && i < out.length) out[i]++;
  }
  return out;
}

export interface SigningRates {
  /** the data's last months (HistoryTail.months) and the clients signed in each */
  months: readonly Month[];
  signed: readonly number[];
  /** clients_signed over the horizon, mean over runs, and the horizon's months */
  simulatedSigned: number;
  simulatedMonths: number;
  /** the scenario played and the data's folder, as the user gave them, for the message */
  scenario: string;
  data: string;
}

const perMonth = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));

/**
 * A simulation from data whose scenario signs clients far faster or slower
 * than the data did (more than SIGNING_FACTOR times, either way): the
 * scenario is not the data's (a bundled or default one, not calibrated), so
 * the projection continues the book under another market. Undefined where
 * the rates agree, the data has too few months or signings to tell, or the
 * simulation signs none.
 */
export function signingMismatch(r: SigningRates): Problem | undefined {
  const total = r.signed.reduce((t, x) => t + x, 0);
  // a simulation that signs no prospect is no measure: a world of inbound leads signs none, calibrated or not (clients_signed counts prospects)
  if (r.months.length < SIGNING_MIN_MONTHS || total < SIGNING_MIN_COUNT || r.simulatedMonths <= 0 || r.simulatedSigned <= 0) return undefined;
  const data = total / r.months.length;
  const simulated = r.simulatedSigned / r.simulatedMonths;
  const ratio = simulated / data;
  if (ratio <= SIGNING_FACTOR && ratio >= 1 / SIGNING_FACTOR) return undefined;
  const how = ratio > 1 ? `${ratio.toFixed(1)} times` : `${(1 / ratio).toFixed(1)} times fewer than`;
  const span = `${formatMonth(r.months[0])} to ${formatMonth(r.months[r.months.length - 1])}`;
  return warning(
    'scenario-unfitted',
    `the simulation signs ${perMonth(simulated)} clients a month, ${how} the data's ${perMonth(data)} a month (${span}): scenario ${r.scenario} is not fitted to this data, so the projection continues the book in another market`,
    { hint: `run 'motiv calibrate --data ${r.data} --out fitted.yaml' first, and simulate with --scenario fitted.yaml` },
  );
}
