import { COMPARE_CSV_HEADER } from '../render/compare.js';
import { PAYOUT_CSV_HEADER } from '../render/payout.js';
import { SIMULATE_CSV_HEADER } from '../render/simulate.js';
import { SWEEP_CSV_TAIL } from '../render/sweep.js';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x.trim() === b[i]);

/**
 * The command whose `--format csv` result a CSV header is, if it is one:
 * such a file kept beside the inputs is no table of a dataset, and read as
 * one (plans.csv from 'month' and 'rep') it was hundreds of errors (QA:
 * `validate .` in a project with results, 535).
 */
export function resultCsvOf(header: readonly string[]): string | undefined {
  if (same(header, SIMULATE_CSV_HEADER)) return 'simulate (or merge)';
  if (same(header, COMPARE_CSV_HEADER)) return 'compare';
  if (same(header, PAYOUT_CSV_HEADER)) return 'payout';
  if (header[0]?.trim() === 'point' && header.length > SWEEP_CSV_TAIL.length && same(header.slice(-SWEEP_CSV_TAIL.length), SWEEP_CSV_TAIL)) return 'sweep';
  return undefined;
}
