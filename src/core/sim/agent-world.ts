import type { Curve } from '../scenario/types.js';
import type { Client } from '../types.js';
import type { Options } from './allocate.js';
import type { PaymentTiming } from './payment-timing.js';
import type { RateSet } from './rates.js';
import type { Receivables } from './receivables.js';
import type { TxAttrs } from './sim-ledger.js';
import type { ClientValues } from './values.js';

/** noise with the sd of a standard normal, from one uniform: cheap, symmetric, bounded */
export const ROOT12 = Math.sqrt(12);

/** what a rep's decision reads of the simulator: its buffers, its curves and the luck of its choices (the Simulator is one) */
export interface AgentWorld {
  readonly options: Options;
  readonly values: ClientValues[];
  readonly rates: RateSet;
  readonly curves: Curve[];
  readonly noiseFactor: (u: number) => number;
  readonly receivables: Receivables;
  /** how each segment's clients pay, and last the inbound deals' */
  readonly payment: readonly PaymentTiming[];
  readonly capacity: number;
  /** each rep's hours on firms he does not own, last month's and this month's ([rep × capacity + firm]) */
  readonly foreignPrev: Float64Array;
  readonly foreignNow: Float64Array;
  readonly segmentNames: string[];
  /** every client slot's id (c0, c1, ...) */
  readonly ids: string[];
  /** whether some scheme played lets a rep work firms he does not own */
  readonly competes: boolean;
  attrs(i: number, t: number, category: 'signed' | 'active' | undefined, c: Client): TxAttrs;
}
