import { parseVary, SWEEP_LIMITS, type Vary } from '../../core/sweep/vary.js';
import { UsageError } from '../context.js';

/** --vary, once or twice (sweep, optimise): each read, and the grid they make checked, or a usage error */
export function varyOptions(texts: readonly string[] | undefined): Vary[] {
  const example = '--vary components.maintenance.rate=0.5%..10%:6';
  const varies = (texts ?? []).map(parseVary);
  if (varies.length === 0) throw new UsageError(`a value to vary is needed: --vary PATH=FROM..TO[:STEPS], e.g. ${example}`);
  const wrong = varies.find((v): v is string => typeof v === 'string');
  if (wrong) throw new UsageError(wrong);
  const ok = varies as Vary[];
  if (ok.length > SWEEP_LIMITS.maxVaried) throw new UsageError(`at most ${SWEEP_LIMITS.maxVaried} values are varied at once (a grid of every pair); give --vary once or twice`);
  const paths = ok.map((v) => v.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new UsageError(`--vary ${twice} is given twice; vary two different values`);
  const points = ok.reduce((n, v) => n * v.steps, 1);
  if (points > SWEEP_LIMITS.maxPoints) throw new UsageError(`the grid has ${points} points, more than ${SWEEP_LIMITS.maxPoints}: use fewer STEPS`);
  return ok;
}
