import type { TransactionFacts } from '../data/facts.js';
import type { Client } from '../types.js';

/**
 * Each transaction's client as its place in `clients` (the last client of a
 * repeated id, as a map of them by id keeps it), -1 for an id no client
 * has. The rows' clients come as codes (TransactionFacts.clientCodes): a
 * look-up a distinct client, then a typed loop over the rows. A look-up a
 * row cost a million rows a fifth of a second.
 */
export function clientPlaces(txs: Pick<TransactionFacts<unknown>, 'clientCodes'>, clients: readonly Client[]): Int32Array {
  const placeOf = new Map<string, number>();
  for (let at = 0; at < clients.length; at++) placeOf.set(clients[at].id, at);
  const { codes, strings } = txs.clientCodes();
  const placeOfCode = new Int32Array(strings.length);
  for (let k = 0; k < strings.length; k++) placeOfCode[k] = placeOf.get(strings[k]) ?? -1;
  const places = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    places[i] = c < 0 ? -1 : placeOfCode[c];
  }
  return places;
}
