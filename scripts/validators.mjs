#!/usr/bin/env node
// Part of `npm run build`: compiles the JSON Schemas of schemes, scenarios and
// CRM maps into standalone validators (dist/validators/KIND.cjs) with the same
// Ajv set-up the core uses (motivAjv), each stamped with the hash of the schema
// it was compiled from. The CLI loads them instead of compiling the schemas at
// every start (half a second for a scheme); the core uses one only while its
// hash matches the schema of the code that runs (src/core/yaml/precompiled.ts).
// Beside each, V8's code cache of it once run (KIND.HASH.v8cache): the scheme
// validator is 1.5 MB in one function, about 100 ms to compile at a start,
// a few from the cache (src/cli/io/precompiled.ts; a Node that refuses the
// cache compiles the source). A validator already stamped with the current
// hash, with its cache, is left as it is.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import standalone from 'ajv/dist/standalone/index.js';
import { motivAjv } from '../dist/core/yaml/check-schema.js';
import { schemaHash } from '../dist/core/yaml/schema-hash.js';
import { schemeJsonSchema } from '../dist/core/scheme/json-schema.js';
import { scenarioJsonSchema } from '../dist/core/scenario/json-schema.js';
import { mapJsonSchema } from '../dist/core/crm/map-schema.js';
import { codeCacheFile, validatorStamp, VALIDATORS_DIR as OUT } from '../dist/cli/io/precompiled.js';
import { runCjs } from '../dist/cli/io/cjs-script.js';

const standaloneCode = standalone.default ?? standalone;
const KINDS = { scheme: schemeJsonSchema, scenario: scenarioJsonSchema, map: mapJsonSchema };

/** written whole or not at all */
const writeWhole = (file, content) => {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
};

mkdirSync(OUT, { recursive: true });
for (const [kind, schemaOf] of Object.entries(KINDS)) {
  const schema = schemaOf();
  const hash = schemaHash(schema);
  const file = `${OUT}${kind}.cjs`;
  const stamp = validatorStamp(kind, hash);
  const cacheFile = codeCacheFile(kind, hash);
  if (existsSync(file) && existsSync(cacheFile) && readFileSync(file, 'utf8').startsWith(stamp)) continue;
  if (!existsSync(file) || !readFileSync(file, 'utf8').startsWith(stamp)) {
    const ajv = motivAjv({ source: true });
    writeWhole(file, `${stamp}${standaloneCode(ajv, ajv.compile(schema))}\nmodule.exports.hash = ${JSON.stringify(hash)};\n`);
  }
  // the cache of the validator once run on an empty file (V8 compiles a function when it is first called)
  const script = runCjs(file, readFileSync(file, 'utf8'));
  script.exports({});
  for (const old of readdirSync(OUT)) if (old.startsWith(`${kind}.`) && old.endsWith('.v8cache')) rmSync(`${OUT}${old}`);
  writeWhole(cacheFile, script.codeCache());
}
