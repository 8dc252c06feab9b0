import type { LedgerTx, MonthActivity } from '../payout/ledger.js';
import type { PaymentTiming } from './payment-timing.js';

/** the month a rep expects, as facts the engine reads */
export interface Expected {
  /** his credited sales in a month, as his clients buy now */
  tx: LedgerTx<number>[];
  /** the scenario's segments */
  segments: readonly string[];
  /** the signings and activations he expects in a month, by scenario segment (credited to him by the credit rules here) */
  signings: Float64Array;
  activations: Float64Array;
  /** the clients he expects to lose in a month, by scenario segment (all 0 unless the scheme counts lost clients) */
  losses: Float64Array;
  /** a client's expected revenue and profit in a month (upsell baselines compare with it) */
  totals: Map<string, { revenue: number; grossProfit: number }>;
  /** how his clients of each segment pay for what they buy, and last the inbound deals' */
  payment: readonly PaymentTiming[];
  /** in his first month (none behind it): his hours and contacts as he has just chosen them (planned-month.ts) */
  activity?: MonthActivity<number>;
}

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
