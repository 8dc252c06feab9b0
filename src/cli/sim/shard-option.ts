import { parseShard, runsText, shardRuns, shardText, type Shard } from '../../core/shard/shard.js';
import type { RunResult } from '../../core/sim/metrics.js';
import type { ChalkInstance } from 'chalk';
import { EXIT, UsageError, type Io } from '../context.js';
import { emit } from '../io/output.js';
import type { OutputFile } from '../io/output-file.js';
import { display } from '../io/shown-path.js';
import { renderProblems } from '../render/problems.js';
import { partText, type PartOf } from './part-file.js';

/**
 * --shard I/N of simulate, compare and sweep: play only shard I's runs and
 * write them to --out as a part for `motiv merge`. The output's format and
 * report are merge's to choose, so --format and --html go there; a mode
 * that cannot be merged (`refused`: its flag and why) is a usage error here,
 * before any work.
 */
export function shardOption(opts: { shard?: string; out?: string; html?: string; format?: string }, runs: number, refused: readonly (readonly [string, unknown])[] = []): Shard | undefined {
  if (opts.shard === undefined) return undefined;
  const shard = parseShard(opts.shard, runs);
  if (typeof shard === 'string') throw new UsageError(shard);
  if (opts.out === undefined) throw new UsageError(`--shard ${opts.shard} writes a part of the simulation to a file: give it --out FILE (e.g. --out part-${shard.index}), then motiv merge the parts`);
  for (const flag of ['--format', '--html'] as const) {
    if ((flag === '--format' ? opts.format : opts.html) !== undefined) throw new UsageError(`with --shard, --out is the part file and the output is merge's: give ${flag} to motiv merge instead`);
  }
  for (const [flag, value] of refused) if (value !== undefined && value !== false) throw new UsageError(`--shard: ${flag}`);
  return shard;
}

/** write a shard's part to --out (whole or not at all); 0, or 1 with the problem printed */
export function writePart(io: Io, out: OutputFile, part: PartOf, results: readonly (readonly RunResult[])[], err: ChalkInstance, quiet: boolean | undefined): number {
  const unwritten = emit(io, partText(part, results), out);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  if (!quiet && io.errIsTTY) io.err(`shard ${shardText(part.shard)}: ${runsText(shardRuns(part.shard, part.runs), part.runs)} written to ${display(out.path)}\n`);
  return EXIT.ok;
}
