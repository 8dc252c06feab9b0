import { CLIENT_STATUSES, type Client, type ClientState, type ClientStatus, type Day } from '../types.js';

/**
 * What a client is on a day, from clients.csv (docs/data.md): by its dates
 * when it has a signing or activation date; else by its status, which holds
 * for the whole data until a lost date. Payout, the simulation's start from
 * data and calibrate all read clients through here.
 */
export function stateOn(c: Client, day: Day): ClientState {
  const signed = signedDay(c);
  if (signed === undefined) return c.lost !== undefined && c.lost <= day ? 'lost' : undatedState(c);
  if (day < signed) return 'prospect';
  if (c.lost !== undefined && c.lost <= day) return 'lost';
  if (c.activated !== undefined && c.activated <= day) return 'active';
  return 'signed';
}

/** months before the data an undated signed or active client counts as signed (and activated): a long-standing client */
export const UNDATED_MONTHS = 24;

/** signing date, or activation when the data has only that */
export function signedDay(c: Client): Day | undefined {
  return c.signed ?? c.activated;
}

/** whether the client has no signing or activation date, so that its status says what it is */
export function isUndated(c: Client): boolean {
  return c.signed === undefined && c.activated === undefined;
}

/**
 * An undated client's state before any lost date: its status. Without one
 * it is an established active client (the dataset's rule), and an inbound
 * account buys like one; a lost one with a lost date was active until then.
 */
export function undatedState(c: Client): ClientState {
  const s = c.status;
  if (s === undefined || s === 'inbound') return 'active';
  if (s === 'lost' && c.lost !== undefined) return 'active';
  return s;
}

/** a status cell as written (any case): undefined when it names none */
export function parseStatus(text: string): ClientStatus | undefined {
  const t = text.trim().toLowerCase();
  return CLIENT_STATUSES.find((s) => s === t);
}
