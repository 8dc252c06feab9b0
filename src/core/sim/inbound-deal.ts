import type { TxAttrs } from './sim-ledger.js';

/** what an inbound deal is booked as: an established client's purchase, of no segment (a won lead, the probes' inbound sale, the expected month's leads) */
export const INBOUND_DEAL: TxAttrs = { category: 'active', isNew: false, segment: undefined, ageActivation: Infinity, ageSigning: Infinity };
