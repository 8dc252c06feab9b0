import type { Client } from '../types.js';
import { TakenIds } from './taken-ids.js';

/** what a ledger reads of its clients by id: a Map of them (the simulation's) is one, a ClientIndex another */
export interface ClientLookup {
  get(id: string): Client | undefined;
  has(id: string): boolean;
  /** each id's client, the ids in the order first met */
  values(): Iterable<Client>;
}

/**
 * A dataset's clients by id, as a Map set with them in order holds them:
 * an id's last client, the ids in the order first met; and a client's
 * place in the list. The loader's table of the ids it took (TakenIds)
 * serves as the index when it holds the clients' ids in their order (none
 * repeated, none dropped): no second table of 212k ids is made. Else the
 * index makes a table of its own.
 */
export class ClientIndex implements ClientLookup {
  private constructor(
    private readonly clients: readonly Client[],
    private readonly ids: TakenIds,
    /** an id's last place, by its place in `ids`; undefined when the two are the same (no id repeated) */
    private readonly last: Int32Array | undefined,
  ) {}

  /** the index of `clients`, reading `taken` when it holds their ids in order */
  static of(clients: readonly Client[], taken?: TakenIds): ClientIndex {
    if (taken !== undefined && sameIds(taken, clients)) return new ClientIndex(clients, taken, undefined);
    const ids = new TakenIds();
    const last: number[] = [];
    for (let at = 0; at < clients.length; at++) {
      const id = clients[at].id;
      const k = ids.placeOf(id);
      if (k >= 0) last[k] = at;
      else {
        ids.add(id);
        last.push(at);
      }
    }
    return new ClientIndex(clients, ids, last.length === clients.length ? undefined : Int32Array.from(last));
  }

  /** the place in the list of the id's last client, -1 when no client has it */
  placeOf(id: string): number {
    const k = this.ids.placeOf(id);
    return k < 0 || this.last === undefined ? k : this.last[k];
  }

  get(id: string): Client | undefined {
    const at = this.placeOf(id);
    return at < 0 ? undefined : this.clients[at];
  }

  has(id: string): boolean {
    return this.ids.placeOf(id) >= 0;
  }

  *values(): IterableIterator<Client> {
    const last = this.last;
    if (last === undefined) yield* this.clients;
    else for (let k = 0; k < last.length; k++) yield this.clients[last[k]];
  }
}

/** `taken` holds the ids of `clients`, each once, in their order */
function sameIds(taken: TakenIds, clients: readonly Client[]): boolean {
  if (taken.size !== clients.length) return false;
  for (let i = 0; i < clients.length; i++) if (taken.at(i) !== clients[i].id) return false;
  return true;
}
