import { exactArith } from '../money/arith.js';
import { add, ZERO, type Q } from '../money/rational.js';
import { dataProblems } from '../payout/checks.js';
import { computePayout } from '../payout/engine.js';
import type { Problem } from '../problems/problem.js';
import type { Month } from '../time/month.js';
import type { Dataset, Scheme } from '../types.js';
import { winnersLosers, type WinnersLosers } from './winners.js';

/** every rep of a dataset paid under each scheme over the same months: what `compare --data` reports */
export interface PayOnData {
  /** per scheme, in order: each rep's pay over the months, in the dataset's rep order, exactly */
  pay: Q[][];
  /** the months each rep was paid at all under the first scheme (employed in the range), by rep id */
  employed: Map<string, number>;
  /** each scheme after the first against the first: who gains and who loses */
  winners: WinnersLosers[];
  /** the data's warnings for each scheme, and what its payout found */
  problems: Problem[];
}

/**
 * Pay every rep of the dataset under each scheme for months `from`..`to`
 * with the exact engine, and set each scheme's pay beside the first's.
 */
export function payOnData(schemes: readonly Scheme[], dataset: Dataset<Q>, from: Month, to: Month): PayOnData {
  const problems: Problem[] = [];
  // (what the data says is said once, however many schemes read it: a sale after a rep's end_date is one warning)
  const said = new Set<string>();
  const note = (p: Problem) => {
    const key = JSON.stringify([p.code, p.severity, p.message, p.hint, p.file, p.line, p.column, p.path]);
    if (!said.has(key)) {
      said.add(key);
      problems.push(p);
    }
  };
  const employed = new Map<string, number>();
  const ids = dataset.reps.map((r) => r.id);
  const pay = schemes.map((scheme, k) => {
    const result = computePayout(scheme, dataset, { A: exactArith, from, to, explain: false });
    for (const p of [...dataProblems(scheme, dataset), ...result.problems]) note(p);
    const byRep = new Map<string, Q>(ids.map((id) => [id, ZERO]));
    for (const row of result.rows) {
      byRep.set(row.rep, add(byRep.get(row.rep) ?? ZERO, row.total));
      if (k === 0) employed.set(row.rep, (employed.get(row.rep) ?? 0) + 1);
    }
    return ids.map((id) => byRep.get(id) ?? ZERO);
  });
  const winners = pay.slice(1).map((other) => winnersLosers(ids.map((rep, i) => ({ rep, base: pay[0][i], other: other[i] }))));
  return { pay, employed, winners, problems };
}
