import type { Problem } from '../../core/problems/problem.js';
import { mapFromSource } from '../../core/crm/load-map.js';
import { scenarioFromSource } from '../../core/scenario/load.js';
import type { YamlSource } from '../../core/yaml/source.js';

/** Scenario files and CRM export maps go through their own pipelines. */
export function checkScenarioFile(kind: 'scenario' | 'map', source: YamlSource): Problem[] {
  if (kind === 'scenario') return scenarioFromSource(source).problems;
  return mapFromSource(source).problems;
}
