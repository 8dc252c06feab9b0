#!/usr/bin/env node
// Part of `npm run build`: compiles the JSON Schemas of schemes, scenarios and
// CRM maps into standalone validators (dist/validators/KIND.cjs) with the same
// Ajv set-up the core uses (motivAjv), each stamped with the hash of the schema
// it was compiled from. The CLI loads them instead of compiling the schemas at
// every start (half a second for a scheme); the core uses one only while its
// hash matches the schema of the code that runs (src/core/yaml/precompiled.ts).
// A validator already stamped with the current hash is left as it is.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import standalone from 'ajv/dist/standalone/index.js';
import { motivAjv } from '../dist/core/yaml/check-schema.js';
import { schemaHash } from '../dist/core/yaml/schema-hash.js';
import { schemeJsonSchema } from '../dist/core/scheme/json-schema.js';
import { scenarioJsonSchema } from '../dist/core/scenario/json-schema.js';
import { mapJsonSchema } from '../dist/core/crm/map-schema.js';

const OUT = fileURLToPath(new URL('../dist/validators/', import.meta.url));
const standaloneCode = standalone.default ?? standalone;
const KINDS = { scheme: schemeJsonSchema, scenario: scenarioJsonSchema, map: mapJsonSchema };

mkdirSync(OUT, { recursive: true });
for (const [kind, schemaOf] of Object.entries(KINDS)) {
  const schema = schemaOf();
  const hash = schemaHash(schema);
  const file = `${OUT}${kind}.cjs`;
  const stamp = `// motiv precompiled validator: ${kind} ${hash}\n`;
  if (existsSync(file) && readFileSync(file, 'utf8').startsWith(stamp)) continue;
  const ajv = motivAjv({ source: true });
  const code = standaloneCode(ajv, ajv.compile(schema));
  // written whole or not at all
  writeFileSync(`${file}.tmp`, `${stamp}${code}\nmodule.exports.hash = ${JSON.stringify(hash)};\n`);
  renameSync(`${file}.tmp`, file);
}
