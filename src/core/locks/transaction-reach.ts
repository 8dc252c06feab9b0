import type { Dataset, Q } from '../types.js';

/**
 * The reps whose pay a transaction can move: whoever may be credited with it
 * (its seller, the client's owner, finder and closer, the client's
 * credits.csv reps, on any day) and their managers up the chain (overrides).
 * A superset of those the credit rules pay, taken without the rules: it only
 * says which late transactions a rep's late change names as its cause.
 */
export function transactionReach(data: Pick<Dataset<Q>, 'reps' | 'clients' | 'credits'>): (client: string, seller: string | undefined) => readonly string[] {
  const managerOf = new Map(data.reps.map((r) => [r.id, r.manager]));
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  const creditReps = new Map<string, string[]>();
  for (const row of data.credits) {
    const reps = creditReps.get(row.client);
    if (reps) reps.push(row.rep);
    else creditReps.set(row.client, [row.rep]);
  }
  // most of a client's sales are one seller's: the answer is kept per client and seller
  const known = new Map<string, readonly string[]>();
  return (clientId, seller) => {
    const key = `${clientId}\u0000${seller ?? ''}`;
    const found = known.get(key);
    if (found) return found;
    const client = clients.get(clientId);
    const reached = new Set<string>();
    for (const rep of [seller, client?.owner, client?.finder, client?.closer, ...(creditReps.get(clientId) ?? [])]) {
      // (a manager chain that loops ends where it meets a rep already reached)
      for (let at = rep; at !== undefined && !reached.has(at); at = managerOf.get(at)) reached.add(at);
    }
    const reps = [...reached].sort();
    known.set(key, reps);
    return reps;
  };
}
