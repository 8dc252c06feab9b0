import { warning, type Problem } from '../problems/problem.js';
import { suggest } from '../problems/suggest.js';
import type { CrmMap, StatesMap } from './map.js';

/** a stage the map's labels do not list: a located warning with a did-you-mean from the labels */
export function unknownLabel(stage: string, states: StatesMap, map: CrmMap, at: { file: string; line: number; column: number }): Problem {
  const dym = suggest(stage, states.labelsAsWritten);
  return warning('unknown-label', `stage '${stage}' is not among the map's labels, so the row is skipped${dym ? `; did you mean '${dym}'?` : ''}`, {
    ...at,
    hint: `add it under labels (${map.where([...states.path, 'labels'])}) as prospect, signed, active or lost`,
  });
}
