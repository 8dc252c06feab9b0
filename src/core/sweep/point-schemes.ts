import { hasErrors, type Problem } from '../problems/problem.js';
import { schemeFromSource } from '../scheme/load.js';
import type { Scheme } from '../types.js';
import { readYaml, type YamlSource } from '../yaml/source.js';
import { textWith, varyTarget, written, type Target } from './set-value.js';
import { valueLabel, type Vary } from './vary.js';

/** where each --vary lands in the scheme, or the problems of those that land nowhere */
export function targetsOf(source: YamlSource, varies: readonly Vary[]): { targets: Target[] } | { problems: Problem[] } {
  const found = varies.map((v) => varyTarget(source, v.segments, `--vary ${v.path}`));
  const lost = found.filter((t): t is Problem => 'code' in t);
  return lost.length ? { problems: lost } : { targets: found as Target[] };
}

/** "components.maintenance.rate = 4.3 %, components.salary.amount = 1500": a point as a person reads it */
export function pointName(varies: readonly Vary[], at: readonly number[]): string {
  return at.map((k, a) => `${varies[a].path} = ${valueLabel(varies[a].values[k], varies[a].percent)}`).join(', ');
}

/** the scheme's text at a point of the grid: each varied value written in, comments and layout kept */
export function textAt(source: YamlSource, targets: readonly Target[], varies: readonly Vary[], at: readonly number[]): string {
  return textWith(
    source,
    at.map((k, a) => ({ target: targets[a], value: written(varies[a].values[k], varies[a].percent, targets[a].current) })),
  );
}

/**
 * The scheme at each point of the grid, loaded and checked exactly as the
 * user's file would be. The first point the scheme language refuses stops
 * it: its errors, each naming the point. A point's warnings the scheme as
 * written does not give (a negative salary, a rate past 100 %) are
 * `warnings`, each naming its point (QA: optimise wrote a scheme with a
 * negative salary and said nothing, where validate warns on it).
 */
export function schemesAt(
  source: YamlSource,
  targets: readonly Target[],
  varies: readonly Vary[],
  grid: readonly (readonly number[])[],
  written: readonly Problem[] = [],
): { schemes: Scheme[]; texts: string[]; warnings: Problem[] } | { problems: Problem[] } {
  const schemes: Scheme[] = [];
  const texts: string[] = [];
  const warnings: Problem[] = [];
  const said = new Set(written.map(problemKey));
  for (const at of grid) {
    const text = textAt(source, targets, varies, at);
    const loaded = schemeFromSource(readYaml(source.file, text));
    if (!loaded.scheme || hasErrors(loaded.problems)) {
      const where = pointName(varies, at);
      return { problems: loaded.problems.filter((p) => p.severity === 'error').map((p) => ({ ...p, message: `at ${where}: ${p.message}` })) };
    }
    schemes.push(loaded.scheme);
    texts.push(text);
    const where = pointName(varies, at);
    for (const p of loaded.problems) if (!said.has(problemKey(p))) warnings.push({ ...p, message: `at ${where}: ${p.message}` });
  }
  return { schemes, texts, warnings };
}

/** a problem as a reader tells it from another: its code, place and words */
const problemKey = (p: Problem) => `${p.code}|${p.line}|${p.column}|${p.message}`;
