import type { ChalkInstance } from 'chalk';
import { schemesAt, targetsOf } from '../../core/sweep/point-schemes.js';
import { axesOf, gridPoints, type SweepAxis } from '../../core/sweep/sweep-result.js';
import { parseVary, SWEEP_LIMITS, type Vary } from '../../core/sweep/vary.js';
import type { Scheme } from '../../core/types.js';
import { readYaml } from '../../core/yaml/source.js';
import { UsageError, type Io } from '../context.js';
import { renderProblems } from '../render/problems.js';
import type { Loaded } from './inputs.js';

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

/** a scheme at every point of the grid the --vary make: the axes, the points in order, each point's scheme and text */
export interface SchemeGrid {
  axes: SweepAxis[];
  /** per point, the index of its value on each axis (gridPoints) */
  points: number[][];
  schemes: Scheme[];
  texts: string[];
  /** each varied value as the scheme writes it now (undefined: not in it) */
  current: (number | string | undefined)[];
}

/**
 * The scheme at each point of the grid (sweep, optimise): each --vary found
 * in the scheme's YAML, a note on stderr for a key each point adds, and each
 * point's scheme loaded through the scheme's own checks. Undefined when a
 * path lands nowhere or a point's value is refused; its problems are printed.
 */
export function schemeGrid(io: Io, scheme: Loaded<Scheme>, varies: readonly Vary[], err: ChalkInstance): SchemeGrid | undefined {
  const source = readYaml(scheme.file, scheme.text);
  const placed = targetsOf(source, varies);
  if ('problems' in placed) {
    io.err(renderProblems(placed.problems, err));
    return undefined;
  }
  // a key the scheme does not have yet is added at each point: say so, the scheme's checks say whether it belongs
  for (const [a, t] of placed.targets.entries()) if (t.current === undefined) io.err(`note: ${varies[a].path} is not in ${scheme.file}: each point adds it\n`);
  const axes = axesOf(varies);
  const points = gridPoints(axes);
  const made = schemesAt(source, placed.targets, varies, points, scheme.problems);
  if ('problems' in made) {
    io.err(renderProblems([...scheme.problems, ...made.problems], err));
    return undefined;
  }
  // a point's own warnings (a value the scheme language warns on): said before the runs, each naming its point
  if (made.warnings.length) io.err(renderProblems(made.warnings, err));
  return { axes, points, ...made, current: placed.targets.map((t) => t.current) };
}
