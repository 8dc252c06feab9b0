import type { ValidateFunction } from 'ajv';
import { hasErrors, type Problem } from '../problems/problem.js';
import type { Scenario } from './types.js';
import { checkSchema } from '../yaml/check-schema.js';
import { validatorOf } from '../yaml/precompiled.js';
import { placeProblems, readYaml, stoppingProblems, type YamlSource } from '../yaml/source.js';
import { scenarioJsonSchema } from './json-schema.js';
import { normaliseScenario } from './normalise.js';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= validatorOf('scenario', scenarioJsonSchema());
  return compiled;
}

/** read -> YAML -> JSON Schema -> normalise and check, like a scheme; every problem placed at its line */
export function loadScenario(file: string, text: string): { scenario: Scenario | undefined; problems: Problem[]; source: YamlSource } {
  const source = readYaml(file, text);
  return { ...scenarioFromSource(source), source };
}

export function scenarioFromSource(source: YamlSource): { scenario: Scenario | undefined; problems: Problem[] } {
  // (a number YAML cannot hand over, .nan or too many digits, stops it here, with what the YAML stage says)
  const stop = stoppingProblems(source);
  if (stop.length > 0) return { scenario: undefined, problems: stop };
  const shape = checkSchema(validator(), source.value);
  if (shape.length > 0) return { scenario: undefined, problems: placeProblems(source, [...source.problems, ...shape]) };
  const { scenario, problems } = normaliseScenario(source.value as Record<string, unknown>, source.file);
  const placed = placeProblems(source, [...source.problems, ...problems]);
  return { scenario: hasErrors(placed) ? undefined : scenario, problems: placed };
}
