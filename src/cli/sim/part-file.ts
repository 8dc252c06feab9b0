import { readFileSync } from 'node:fs';
import type { PartHeader, PartInput } from '../../core/shard/check-parts.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { RunResult } from '../../core/sim/metrics.js';
import { runsText, shardRuns, type Shard } from '../../core/shard/shard.js';
import { display } from '../io/shown-path.js';
import { motivBuild, motivVersion } from '../version.js';
import { exactParse, exactStringify } from './exact-json.js';
import { decodeRun, encodeRun, runShape } from './run-codec.js';

/**
 * A part: what one shard of a simulation played, for `motiv merge`. JSON
 * lines: the first is the header (who played it, from which inputs by their
 * digests, with which options, which shard, and the context the output is
 * rendered from), then one line per job (a scheme, a point of a sweep) and
 * run with the run's results exactly as the simulation gave them.
 */
const MARK = 'motiv part';
/** the layout of a part; a motiv reads only its own */
export const PART_FORMAT = 1;

export const PART_COMMANDS = ['simulate', 'compare', 'sweep'] as const;
export type PartCommand = (typeof PART_COMMANDS)[number];

/** what a command puts in its part besides the runs */
export interface PartOf {
  command: PartCommand;
  shard: Shard;
  /** every shard's runs */
  runs: number;
  inputs: PartInput[];
  /** the options that change what is played or shown, by flag */
  options: Record<string, unknown>;
  /** what the command renders its output from besides the runs (JSON, exact numbers) */
  context: unknown;
}

/** a part read back: its header as merge checks it, the command's context, and its runs per job in run order */
export interface ReadPart {
  header: PartHeader & { command: PartCommand };
  context: unknown;
  results: RunResult[][];
}

/** the part's text: `results` per job, the shard's runs in order */
export function partText(part: PartOf, results: readonly (readonly RunResult[])[]): string {
  const block = shardRuns(part.shard, part.runs);
  const head = {
    motiv: MARK,
    format: PART_FORMAT,
    version: motivVersion(),
    build: motivBuild(),
    command: part.command,
    shard: part.shard,
    runs: part.runs,
    first: block.first,
    count: block.count,
    jobs: results.length,
    inputs: part.inputs,
    options: part.options,
    context: part.context,
  };
  const lines = [exactStringify(head)];
  results.forEach((rs, job) => {
    for (const r of rs) lines.push(JSON.stringify({ job, ...encodeRun(r) }));
  });
  return lines.join('\n') + '\n';
}

const isInt = (x: unknown, min = 0): x is number => Number.isInteger(x) && (x as number) >= min;
const isText = (x: unknown): x is string => typeof x === 'string';

/** what is wrong with a header, or nothing */
function headerFault(h: Record<string, unknown>): string | undefined {
  if (!isText(h.version) || !isText(h.build)) return "it does not say which motiv played it ('version', 'build')";
  if (!PART_COMMANDS.includes(h.command as PartCommand)) return `'command' is ${JSON.stringify(h.command)}, not one of ${PART_COMMANDS.join(', ')}`;
  const shard = h.shard as Shard | undefined;
  if (!shard || !isInt(shard.index) || !isInt(shard.count, 1) || shard.index >= shard.count) return "'shard' is not {index, count} with 0 <= index < count";
  if (!isInt(h.runs, 1)) return "'runs' is not a count of runs";
  const block = shardRuns(shard, h.runs);
  if (h.first !== block.first || h.count !== block.count) return `'first' and 'count' are not shard ${shard.index}/${shard.count}'s ${runsText(block, h.runs)}`;
  if (!isInt(h.jobs, 1)) return "'jobs' is not a count";
  if (!Array.isArray(h.inputs) || !h.inputs.every((i: Record<string, unknown>) => i && isText(i.what) && isText(i.file) && isText(i.sha256))) return "'inputs' is not a list of {what, file, sha256}";
  if (!h.options || typeof h.options !== 'object' || Array.isArray(h.options)) return "'options' is not an object";
  if (!h.context || typeof h.context !== 'object') return "it has no 'context'";
  return undefined;
}

/**
 * A part file read and checked on its own: its header, then every run of
 * every job once, each of its shard's runs and of one shape. What is wrong
 * is a problem at the line: a file that is not a part, one written by
 * another format, one cut short.
 */
export function readPart(path: string): ReadPart | Problem[] {
  const file = display(path);
  const notPart = (message: string, line?: number) => [problem('not-a-part', message, { file, line, hint: 'give merge the files that simulate, compare or sweep write with --shard I/N --out FILE' })];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [problem('file-not-found', 'no such file', { file })];
    if (code === 'EISDIR') return notPart('this is a folder, not a part');
    return [problem('file-unreadable', `cannot read: ${(err as Error).message}`, { file })];
  }
  // (an empty file has no first line to be JSON: a part whose writing never began, or the wrong file)
  if (text.trim() === '') return notPart('the file is empty, so it is not a part of a sharded simulation');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let head: Record<string, unknown>;
  try {
    head = exactParse(lines[0] ?? '') as Record<string, unknown>;
  } catch {
    return notPart('this file is not a part of a sharded simulation: its first line is not JSON');
  }
  if (!head || typeof head !== 'object' || head.motiv !== MARK) return notPart('this file is not a part of a sharded simulation: its first line is not a part\'s header ({"motiv": "motiv part", ...})', 1);
  if (head.format !== PART_FORMAT) {
    return [problem('part-version', `this part is in part format ${String(head.format)}, and this motiv (${motivVersion()}) reads format ${PART_FORMAT}`, { file, line: 1, hint: 'merge parts with the motiv that played them' })];
  }
  const fault = headerFault(head);
  if (fault) return notPart(`a part's header, but ${fault}`, 1);
  const first = head.first as number;
  const count = head.count as number;
  const jobs = head.jobs as number;
  const results: RunResult[][] = Array.from({ length: jobs }, () => new Array<RunResult>(count));
  const shapes: (string | undefined)[] = new Array(jobs);
  let held = 0;
  for (let i = 1; i < lines.length; i++) {
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(lines[i]) as Record<string, unknown>;
    } catch {
      return notPart('this line is not JSON: the part is damaged', i + 1);
    }
    const job = row?.job;
    if (!isInt(job) || job >= jobs) return notPart(`'job' is ${JSON.stringify(job)}, not a job from 0 to ${jobs - 1}`, i + 1);
    const run = decodeRun(row);
    if (typeof run === 'string') return notPart(run, i + 1);
    const at = run.run - first;
    if (at < 0 || at >= count) return notPart(`run ${run.run} is not one of this shard's ${runsText({ first, count }, head.runs as number)}`, i + 1);
    if (results[job][at]) return notPart(`run ${run.run} of job ${job} is here twice`, i + 1);
    const shape = runShape(run);
    if (shapes[job] === undefined) shapes[job] = shape;
    else if (shapes[job] !== shape) return notPart(`run ${run.run} of job ${job} holds other arrays than the job's first run`, i + 1);
    results[job][at] = run;
    held++;
  }
  if (held !== jobs * count) return notPart(`this part holds ${held} of its ${jobs * count} runs (${jobs} job${jobs === 1 ? '' : 's'} × ${count}): it was cut short`);
  const header: ReadPart['header'] = {
    file,
    version: head.version as string,
    build: head.build as string,
    command: head.command as PartCommand,
    shard: head.shard as Shard,
    runs: head.runs as number,
    inputs: head.inputs as PartInput[],
    options: head.options as Record<string, unknown>,
    shows: exactStringify(head.context),
  };
  return { header, context: head.context, results };
}
