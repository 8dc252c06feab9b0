import type { LedgerTx } from '../payout/ledger.js';

/** the lists an Expected is written into, kept from one month to the next (no garbage per client and month: nothing holds them past a call of rates()) */
export interface ExpectedBuffers {
  tx: LedgerTx<number>[];
  totals: Map<string, { revenue: number; grossProfit: number }>;
  /** the totals' records, by position */
  records: { revenue: number; grossProfit: number }[];
}

export function expectedBuffers(): ExpectedBuffers {
  return { tx: [], totals: new Map(), records: [] };
}
