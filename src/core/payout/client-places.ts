import type { ClientIndex } from '../data/client-index.js';
import type { TransactionFacts } from '../data/facts.js';

/**
 * Each transaction's client as its place in the dataset's clients (the
 * last client of a repeated id, as a map of them by id keeps it; see
 * ClientIndex), -1 for an id no client has. The rows' clients come as codes (TransactionFacts.clientCodes): a
 * look-up a distinct client, then a typed loop over the rows. A look-up a
 * row cost a million rows a fifth of a second.
 */
export function clientPlaces(txs: Pick<TransactionFacts<unknown>, 'clientCodes'>, clients: Pick<ClientIndex, 'placeOf'>): Int32Array {
  const { codes, strings } = txs.clientCodes();
  const placeOfCode = new Int32Array(strings.length);
  for (let k = 0; k < strings.length; k++) placeOfCode[k] = clients.placeOf(strings[k]);
  const places = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    places[i] = c < 0 ? -1 : placeOfCode[c];
  }
  return places;
}
