import { problem, type Problem } from '../problems/problem.js';
import { runsText, shardRuns, shardText, type Shard } from './shard.js';

/** an input file a part was played from, by its digest */
export interface PartInput {
  /** what the file is to the command: scheme, scheme B, --to, scenario, data */
  what: string;
  /** as the command showed it */
  file: string;
  sha256: string;
}

/** what a part says of itself: who played it, from what, how, and which share of the runs */
export interface PartHeader {
  /** the part file, as shown */
  file: string;
  /** the motiv that played it: its version and a digest of its code */
  version: string;
  build: string;
  command: string;
  shard: Shard;
  /** the runs of the whole simulation, every shard's */
  runs: number;
  inputs: PartInput[];
  /** every option that changes what is played or shown, by its flag */
  options: Record<string, unknown>;
  /** what the output shows of the inputs (names, files as shown, months), serialised: the same inputs read from another folder show other paths */
  shows: string;
}

/** the motiv that merges */
export interface Build {
  version: string;
  build: string;
}

const short = (sha: string) => sha.slice(0, 12);

/** an option as typed: `--seed 9`, `--detail`, `without --detail`, `--vary a=1..2 --vary b=3..4` */
export function optionText(flag: string, value: unknown): string {
  if (value === undefined || value === false || value === null) return `without ${flag}`;
  if (value === true) return flag;
  if (Array.isArray(value)) return value.length ? value.map((v) => `${flag} ${String(v)}`).join(' ') : `without ${flag}`;
  return `${flag} ${String(value)}`;
}

function inputText(i: PartInput): string {
  return `${i.what} '${i.file}' (sha256 ${short(i.sha256)})`;
}

/** how `part` differs from `ref` in what it was played from or how: one line each, empty when it is of the same simulation */
function differences(part: PartHeader, ref: PartHeader): string[] {
  if (part.command !== ref.command) return [`it is a part of motiv ${part.command}, ${ref.file} of motiv ${ref.command}`];
  const out: string[] = [];
  if (part.shard.count !== ref.shard.count) out.push(`it is shard ${shardText(part.shard)}, ${ref.file} shard ${shardText(ref.shard)}: every part must come from one split into ${ref.shard.count}`);
  const same = part.inputs.length === ref.inputs.length && part.inputs.every((x, k) => x.what === ref.inputs[k].what);
  if (!same) out.push(`it was played from ${part.inputs.map(inputText).join(', ')}; ${ref.file} from ${ref.inputs.map(inputText).join(', ')}`);
  else {
    part.inputs.forEach((x, k) => {
      const r = ref.inputs[k];
      if (x.sha256 !== r.sha256) out.push(`its ${inputText(x)} is not the one of ${ref.file}, ${r.what} '${r.file}' (sha256 ${short(r.sha256)})`);
    });
  }
  const flags = [...new Set([...Object.keys(ref.options), ...Object.keys(part.options)])];
  for (const flag of flags) {
    if (JSON.stringify(part.options[flag]) !== JSON.stringify(ref.options[flag])) out.push(`it was played ${optionText(flag, part.options[flag])}, ${ref.file} ${optionText(flag, ref.options[flag])}`);
  }
  if (out.length === 0 && part.shows !== ref.shows) out.push(`it names its inputs otherwise than ${ref.file} (the same files given by other paths: play every shard from the same folder, with the same paths)`);
  return out;
}

/**
 * Whether parts make one simulation: written by this motiv, of the same
 * command, inputs (by digest) and options, each shard of one split once and
 * none missing. Every problem at once; the first part in shard order is the
 * one the others are held against.
 */
export function checkParts(parts: readonly PartHeader[], running: Build): Problem[] {
  const problems: Problem[] = [];
  for (const p of parts) {
    if (p.version !== running.version || p.build !== running.build) {
      const theirs = p.version === running.version ? `another build of motiv ${p.version} (${short(p.build)}; this one is ${short(running.build)})` : `motiv ${p.version}, and this is motiv ${running.version}`;
      problems.push(problem('part-version', `this part was played by ${theirs}`, { file: p.file, hint: 'merge parts with the motiv that played them: one installed build on every machine' }));
    }
  }
  if (parts.length === 0) return problems;
  const ordered = [...parts].sort((a, b) => a.shard.index - b.shard.index || a.file.localeCompare(b.file));
  const ref = ordered[0];
  const seen = new Map<number, string>();
  let sameSplit = true;
  for (const p of ordered) {
    const diff = p === ref ? [] : differences(p, ref);
    for (const d of diff) problems.push(problem('part-mismatch', `not a part of the same simulation as ${ref.file}: ${d}`, { file: p.file, hint: 'merge the parts of one run of the command, played with the same inputs and options' }));
    if (p.shard.count !== ref.shard.count || p.command !== ref.command) {
      sameSplit = false;
      continue;
    }
    const before = seen.get(p.shard.index);
    if (before !== undefined) problems.push(problem('shard-duplicate', `shard ${shardText(p.shard)} is given twice: here and in ${before}`, { file: p.file, hint: 'give each shard once' }));
    else seen.set(p.shard.index, p.file);
  }
  if (sameSplit) {
    for (let i = 0; i < ref.shard.count; i++) {
      if (seen.has(i)) continue;
      const shard = { index: i, count: ref.shard.count };
      problems.push(problem('shard-missing', `shard ${shardText(shard)} missing (${runsText(shardRuns(shard, ref.runs), ref.runs)})`, { hint: `merge needs every shard's part: play it with --shard ${shardText(shard)} --out FILE and give that file too` }));
    }
  }
  return problems;
}
