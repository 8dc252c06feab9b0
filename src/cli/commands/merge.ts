import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { problem, type Problem } from '../../core/problems/problem.js';
import { checkParts } from '../../core/shard/check-parts.js';
import type { RunResult } from '../../core/sim/metrics.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { checkOutputs } from '../io/output-file.js';
import { display } from '../io/shown-path.js';
import { renderProblems } from '../render/problems.js';
import { readPart, type ReadPart } from '../sim/part-file.js';
import { renderingOf, type Rendering } from '../sim/rendering.js';
import { motivBuild, motivVersion } from '../version.js';
import type { CompareContext } from './compare.js';
import type { SimulateContext } from './simulate.js';
import type { SweepContext } from './sweep.js';

export interface MergeOptions {
  format?: string;
  out?: string;
  html?: string;
  quiet?: boolean;
  force?: boolean;
  color?: boolean;
}

/**
 * `motiv merge`: the parts of a simulation played in shards (simulate,
 * compare or sweep --shard I/N) put back together, and rendered by the
 * command's own code from the runs, exactly as one machine playing every
 * run would have: the same bytes. Parts carry what the output needs, so the
 * scheme, scenario and data files need not be here. Parts of another
 * simulation, another motiv, a shard twice or one missing are refused, by
 * name.
 */
export async function mergeCommand(files: string[], opts: MergeOptions, io: Io): Promise<number> {
  const err = colours(io, opts.color !== false, 'err');
  const rendering = renderingOf(io, opts);
  const paths = files.map((f) => resolve(io.cwd, f));
  for (const target of [rendering.out, rendering.html]) {
    if (target && paths.includes(target.path)) throw new UsageError(`${target.option} '${display(target.path)}' is one of the parts merged: write the result elsewhere`);
  }
  const unwritable = checkOutputs([rendering.out, rendering.html], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }
  // (QA: 'merge parts/0 parts/0 parts/1' said 'shard 0/2 is given twice: here and in parts/0', the file naming itself)
  const twice = sameFileTwice(paths);
  if (twice.length) {
    io.err(renderProblems(twice, err));
    return EXIT.failed;
  }
  const read = paths.map(readPart);
  const unread = read.flatMap((r): Problem[] => (Array.isArray(r) ? r : []));
  if (unread.length) {
    io.err(renderProblems(unread, err));
    return EXIT.failed;
  }
  const parts = (read as ReadPart[]).sort((a, b) => a.header.shard.index - b.header.shard.index);
  const problems = checkParts(
    parts.map((p) => p.header),
    { version: motivVersion(), build: motivBuild() },
  );
  if (problems.length) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  return renderMerged(parts, io, rendering);
}

/** a file named twice on the command line (as written, or through another path or link to it): one problem each */
function sameFileTwice(paths: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const said = new Set<string>();
  const problems: Problem[] = [];
  for (const path of paths) {
    const file = existsSync(path) ? realpathSync(path) : path;
    if (seen.has(file) && !said.has(file)) {
      said.add(file);
      problems.push(problem('shard-duplicate', 'this file is given twice; merge reads each part once', { file: display(path), hint: 'give each file once' }));
    }
    seen.add(file);
  }
  return problems;
}

/** every job's runs from the parts in shard order (run order), rendered by the command that played them */
async function renderMerged(parts: readonly ReadPart[], io: Io, r: Rendering): Promise<number> {
  const jobs = parts[0].results.length;
  if (parts.some((p) => p.results.length !== jobs)) throw new Error('merge: parts of one simulation hold different numbers of jobs');
  const results: RunResult[][] = Array.from({ length: jobs }, (_, k) => parts.flatMap((p) => p.results[k]));
  const { command } = parts[0].header;
  const context = parts[0].context;
  switch (command) {
    case 'simulate':
      return (await import('./simulate.js')).renderSimulation(context as SimulateContext, results, io, r);
    case 'compare':
      return (await import('./compare.js')).renderComparison(context as CompareContext, results, io, r);
    case 'sweep':
      return (await import('./sweep.js')).renderSweep(context as SweepContext, results, io, r);
  }
}
