import type { ValidateFunction } from 'ajv';
import { compileSchema, type JsonSchema } from './check-schema.js';
import { schemaHash } from './schema-hash.js';

/** a validator compiled ahead of time (`npm run build`: scripts/validators.mjs), and the hash of the schema it was compiled from */
export interface Precompiled {
  hash: string;
  validate: ValidateFunction;
}

const loaders = new Map<string, () => Precompiled | undefined>();

/**
 * The shell says where a kind's precompiled validator is (the core reads no
 * files): a loader called the first time the kind is validated.
 */
export function providePrecompiled(kind: string, load: () => Precompiled | undefined): void {
  loaders.set(kind, load);
}

/**
 * The validator of a kind of file: the precompiled one when it was compiled
 * from this very schema, else one compiled now (half a second for a
 * scheme). A schema that changed since the build (a component type
 * registered at run time, a stale build) is compiled afresh.
 */
export function validatorOf(kind: string, schema: JsonSchema): ValidateFunction {
  const ready = loaders.get(kind)?.();
  if (ready && ready.hash === schemaHash(schema)) return ready.validate;
  return compileSchema(schema);
}
