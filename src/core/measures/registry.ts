import { contacts, hours } from './activity-measures.js';
import { activatedClients, clientsContacted, clientsOwned, coverage, lostClients, newClients, overdue } from './client-measures.js';
import type { Measure } from './measure.js';
import { collected, cost, deals, dealsPaid, grossProfit, revenue } from './transaction-measures.js';

export const MEASURES: ReadonlyMap<string, Measure> = new Map(
  [
    revenue,
    grossProfit,
    cost,
    collected,
    deals,
    dealsPaid,
    newClients,
    activatedClients,
    lostClients,
    clientsOwned,
    clientsContacted,
    coverage,
    overdue,
    hours,
    contacts,
  ].map((m) => [m.name, m]),
);

export function measureNamed(name: string): Measure | undefined {
  return MEASURES.get(name);
}
