import type { JsonSchema } from '../yaml/check-schema.js';
import { scenarioDefinition } from './definition/scenario.js';

/** The JSON Schema of a scenario file: the world a scheme is tried in (its keys: definition/). */
export function scenarioJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motiv.dev/schema/scenario.json',
    title: 'motiv scenario',
    description: 'The world a pay scheme is simulated in: reps, clients, how clients respond to hours, drift, leads, and how reps decide.',
    ...scenarioDefinition.schema,
  };
}
