import { problem, type Path, type Problem } from '../problems/problem.js';
import type { RawDistribution } from './definition/fragments.js';
import type { Distribution } from './types.js';

/** a distribution as the file writes it -> the typed one, with the checks of its parameters a schema cannot make */
export function readDistribution(v: RawDistribution, path: Path, report: (p: Problem) => void): Distribution {
  if (typeof v === 'number') return { kind: 'constant', value: v };
  if ('normal' in v) {
    const { mean, sd, min, max } = v.normal;
    const d: Distribution = { kind: 'normal', mean, sd, min, max };
    if (min !== undefined && max !== undefined && max < min) report(problem('bad-value', `normal: max ${max} is below min ${min}`, { path: [...path, 'normal', 'max'] }));
    return d;
  }
  if ('lognormal' in v) return { kind: 'lognormal', median: v.lognormal.median, sigma: v.lognormal.sigma };
  if ('uniform' in v) {
    const { min, max } = v.uniform;
    if (max < min) report(problem('bad-value', `uniform: max ${max} is below min ${min}`, { path: [...path, 'uniform', 'max'], hint: 'swap them' }));
    return { kind: 'uniform', min, max };
  }
  const { min, mode, max } = v.triangular;
  if (!(min <= mode && mode <= max)) report(problem('bad-value', `triangular: needs min <= mode <= max, got ${min}, ${mode}, ${max}`, { path: [...path, 'triangular'] }));
  return { kind: 'triangular', min, mode, max };
}
