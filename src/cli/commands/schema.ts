import { schemeJsonSchema } from '../../core/scheme/json-schema.js';
import { testsJsonSchema } from '../../core/testing/schema.js';
import { scenarioJsonSchema } from '../../core/scenario/json-schema.js';
import { mapJsonSchema } from '../../core/crm/map-schema.js';
import { EXIT, UsageError, type Io } from '../context.js';
import { emit } from '../io/output.js';

/** print the JSON Schema of a file kind, for editors (yaml-language-server) */
export function schemaCommand(opts: { kind?: string; out?: string }, io: Io): number {
  const kind = opts.kind ?? 'scheme';
  let schema;
  if (kind === 'scheme') schema = schemeJsonSchema();
  else if (kind === 'tests') {
    const { $schema: _s, $id: _i, ...inner } = schemeJsonSchema();
    schema = testsJsonSchema(inner);
  } else if (kind === 'scenario') schema = scenarioJsonSchema();
  else if (kind === 'map') schema = mapJsonSchema();
  else throw new UsageError(`--kind must be scheme, tests, scenario or map, not '${kind}'`);
  emit(io, JSON.stringify(schema, null, 2) + '\n', opts.out);
  return EXIT.ok;
}
