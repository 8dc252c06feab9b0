import type { ValidateFunction } from 'ajv';
import { hasErrors, type Problem } from '../problems/problem.js';
import type { Scheme } from '../types.js';
import { checkSchema } from '../yaml/check-schema.js';
import { validatorOf } from '../yaml/precompiled.js';
import { locate, placeProblems, readYaml, type YamlSource } from '../yaml/source.js';
import { formulasOf } from './formulas-of.js';
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
  const shape = checkSchema(validator(), source.value);
  if (shape.length > 0) return { scheme: undefined, problems: placeProblems(source, [...source.problems, ...shape]) };
  const { scheme, problems } = normaliseScheme(source.value as Record<string, unknown>, source.file);
  const all: Problem[] = [...source.problems, ...problems];
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
