import type { LedgerTx } from '../payout/ledger.js';
import type { Scheme } from '../types.js';
import type { Credited } from './sim-credit.js';

/** how many months of facts the engine may look back at: a year's period and an upsell baseline (up to 36 months) */
export const WINDOW = 40;
export const NO_MONTH = -2147483648;

/**
 * Buffers a simulator keeps from run to run: client totals, and credit lists
 * (a client's owner and closer are the same at the start of every run; a
 * handover clears its entry).
 */
export interface LedgerBuffers {
  revenue: Float64Array;
  profit: Float64Array;
  month: Int32Array;
  credit: (Credited[] | undefined)[][];
  /**
   * The credit of a client slot under a credit rule, [rule × capacity + slot],
   * when one rep gets it (most clients): his slot + 2 (-1 a rep not in the
   * simulation), 0 not known yet, -1 a list of several (see `credit`). With
   * his share, a sale reads its credit from typed arrays, not from a list.
   */
  sole: Int32Array;
  soleShare: Float64Array;
  /** the scheme the credit lists were made under */
  creditScheme: Scheme | undefined;
  /** slots whose roles changed in this run: their lists are dropped when it ends */
  dirty: number[];
  free: LedgerTx<number>[];
}

export function ledgerBuffers(capacity: number): LedgerBuffers {
  return {
    revenue: new Float64Array(capacity * WINDOW),
    profit: new Float64Array(capacity * WINDOW),
    month: new Int32Array(capacity * WINDOW),
    // packed from the start: a sparse array would fall back to a slow dictionary
    credit: new Array(capacity).fill(undefined),
    sole: new Int32Array(0),
    soleShare: new Float64Array(0),
    creditScheme: undefined,
    dirty: [],
    free: [],
  };
}
