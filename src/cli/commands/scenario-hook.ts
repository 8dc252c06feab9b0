import { problem, type Problem } from '../../core/problems/problem.js';
import type { YamlSource } from '../../core/yaml/source.js';

/** Scenario and CRM-map files arrive with the simulation; until then validate says so plainly. */
export function checkScenarioFile(kind: 'scenario' | 'map', source: YamlSource): Problem[] {
  return [
    problem('unknown-file-kind', `${kind} files are not supported by this version of motiv yet`, {
      file: source.file,
      line: 1,
      column: 1,
      hint: 'only schemes, test files, CSV files and dataset folders can be validated',
    }),
  ];
}
