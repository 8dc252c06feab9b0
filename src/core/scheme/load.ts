import type { ValidateFunction } from 'ajv';
import { hasErrors, samePath, within, type Problem } from '../problems/problem.js';
import type { Scheme } from '../types.js';
import { checkSchema } from '../yaml/check-schema.js';
import { validatorOf } from '../yaml/precompiled.js';
import { locate, placeProblems, readYaml, type YamlSource } from '../yaml/source.js';
import { formulasOf } from './formulas-of.js';
import { belowNothing, inBasisUnits, percentOffShare } from './basis-value-hint.js';
import { misplacedComponentKeys } from './misplaced-component-key.js';
import { capWithPeriod } from './cap-with-period.js';
import { schemeJsonSchema } from './json-schema.js';
import { onComponentTypes } from '../components/registry.js';
import { normaliseScheme } from './normalise.js';
import { RULES } from './rules/index.js';

let compiled: ValidateFunction | undefined;
onComponentTypes(() => {
  compiled = undefined;
});
function validator(): ValidateFunction {
  compiled ??= validatorOf('scheme', schemeJsonSchema());
  return compiled;
}

export interface LoadedScheme {
  scheme: Scheme | undefined;
  problems: Problem[];
  source: YamlSource;
}

/**
 * A scheme whose shape is wrong, with what the later stages find in it, so
 * that one run reports every problem: theirs in parts the shape check found
 * nothing wrong with (not at or under a place it reports, nor in a mapping
 * with an unknown key, where they would trip over what it already said:
 * 'rat: 5%' is no rate), and theirs in place of a bad value's when they
 * name the likely fix ('EURO' is no currency code; did you mean 'EUR'?).
 * A component of an unknown type is left out of them but for its id (its
 * keys mean nothing without the type, and naming it is no unknown reference).
 * Later stages that cannot read the broken scheme at all add nothing.
 */
function withLaterStages(source: YamlSource, shape: Problem[], values: Problem[]): Problem[] {
  let later: Problem[] = [];
  try {
    const { scheme, problems } = normaliseScheme(source.value as Record<string, unknown>, source.file);
    later = [...problems, ...percentOffShare(source.value), ...belowNothing(source.value)];
    for (const rule of RULES) {
      try {
        rule(scheme, (p) => later.push(p));
      } catch {
        // a rule that trips over a broken part says nothing; the other rules still speak
      }
    }
  } catch {
    return [...values, ...shape];
  }
  const out: Problem[] = [];
  for (const p of shape) {
    // a later stage's word on the same value, when it names the likely fix the shape check cannot
    const instead = p.code === 'bad-value' ? later.filter((q) => q.severity === 'error' && q.path !== undefined && samePath(q.path, p.path ?? []) && q.message.includes('did you mean')) : [];
    out.push(...(instead.length > 0 ? instead : [p]));
  }
  const broken = [...shape.map((p) => (p.code === 'unknown-key' ? (p.path ?? []).slice(0, -1) : (p.path ?? []))), ...unread(values).map((p) => p.path ?? [])];
  out.push(...later.filter((q) => q.path !== undefined && !broken.some((place) => within(q.path!, place))));
  return [...values, ...out];
}

/** the values YAML handed over as text, not as written; a key given twice hands over its later value, read as any */
const unread = (values: readonly Problem[]) => values.filter((p) => p.code !== 'duplicate-key');

/**
 * The numbers of the scheme YAML could not hand over as written (and its keys given twice) (.nan, more
 * digits than a float keeps), with paths within the scheme (which may be a
 * part of a test file). They do not stop the shape and meaning checks: each
 * is a problem of its own value, which those checks take as broken.
 */
function valueProblemsOf(source: YamlSource): Problem[] {
  const root = source.root ?? [];
  return source.valueProblems.filter((p) => within(p.path ?? [], root)).map((p) => ({ ...p, path: (p.path ?? []).slice(root.length) }));
}

/**
 * read -> YAML (with positions) -> JSON Schema -> normalise -> semantic rules.
 * Every problem found is returned at once, each placed at its line and column;
 * `scheme` is set only when there is no error (warnings may remain).
 */
export function loadScheme(file: string, text: string): LoadedScheme {
  const source = readYaml(file, text);
  return { ...schemeFromSource(source), source };
}

export function schemeFromSource(source: YamlSource): { scheme: Scheme | undefined; problems: Problem[] } {
  if (hasErrors(source.problems)) return { scheme: undefined, problems: source.problems };
  const values = valueProblemsOf(source);
  // (the shape check's word on a value YAML could not hand over says less than the value's problem: 'is not valid')
  const shape = capWithPeriod(misplacedComponentKeys(inBasisUnits(checkSchema(validator(), source.value), source.value), source.value), source.value).filter(
    (p) => !unread(values).some((v) => samePath(v.path ?? [], p.path ?? [])),
  );
  if (shape.length > 0 || values.length > 0) return { scheme: undefined, problems: placeProblems(source, [...source.problems, ...withLaterStages(source, shape, values)]) };
  const { scheme, problems } = normaliseScheme(source.value as Record<string, unknown>, source.file);
  const all: Problem[] = [...source.problems, ...problems, ...percentOffShare(source.value), ...belowNothing(source.value)];
  for (const rule of RULES) {
    try {
      rule(scheme, (p) => all.push(p));
    } catch (err) {
      // a rule may trip over a part the normaliser already reported as broken
      if (!hasErrors(problems)) throw err;
    }
  }
  const placed = placeProblems(source, all);
  if (hasErrors(placed)) return { scheme: undefined, problems: placed };
  // where each formula is written: a problem found while paying (a division by zero) points there
  for (const f of formulasOf(scheme)) f.at = locate(source, f.path);
  return { scheme, problems: placed };
}
