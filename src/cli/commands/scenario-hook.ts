import { problem, type Problem } from '../../core/problems/problem.js';
import { scenarioFromSource } from '../../core/scenario/load.js';
import type { YamlSource } from '../../core/yaml/source.js';

/** Scenario files go through their own pipeline; CRM maps come with the data-import work. */
export function checkScenarioFile(kind: 'scenario' | 'map', source: YamlSource): Problem[] {
  if (kind === 'scenario') return scenarioFromSource(source).problems;
  return [
    problem('unknown-file-kind', 'CRM map files are not supported by this version of motiv yet', {
      file: source.file,
      line: 1,
      column: 1,
      hint: 'schemes, scenarios, test files, CSV files and dataset folders can be validated',
    }),
  ];
}
