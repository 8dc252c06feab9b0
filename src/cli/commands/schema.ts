import { schemeJsonSchema } from '../../core/scheme/json-schema.js';
import { testsJsonSchema } from '../../core/testing/schema.js';
import { scenarioJsonSchema } from '../../core/scenario/json-schema.js';
import { mapJsonSchema } from '../../core/crm/map-schema.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { emit } from '../io/output.js';
import { checkOutputs, outputFile } from '../io/output-file.js';
import { renderProblems } from '../render/problems.js';

/** print the JSON Schema of a file kind, for editors (yaml-language-server) */
export function schemaCommand(opts: { kind?: string; out?: string; force?: boolean; color?: boolean }, io: Io): number {
  const kind = opts.kind ?? 'scheme';
  let schema;
  if (kind === 'scheme') schema = schemeJsonSchema();
  else if (kind === 'tests') {
    const { $schema: _s, $id: _i, ...inner } = schemeJsonSchema();
    schema = testsJsonSchema(inner);
  } else if (kind === 'scenario') schema = scenarioJsonSchema();
  else if (kind === 'map') schema = mapJsonSchema();
  else throw new UsageError(`--kind must be scheme, tests, scenario or map, not '${kind}'`);
  const out = outputFile(io, '--out', opts.out);
  const problems = [...checkOutputs([out], opts.force === true)];
  if (problems.length === 0) problems.push(...emit(io, JSON.stringify(schema, null, 2) + '\n', out));
  if (problems.length) {
    io.err(renderProblems(problems, colours(io, opts.color !== false, 'err')));
    return EXIT.failed;
  }
  return EXIT.ok;
}
