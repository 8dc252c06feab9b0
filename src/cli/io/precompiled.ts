import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { providePrecompiled } from '../../core/yaml/precompiled.js';
import { runCjs } from './cjs-script.js';

/** the kinds of file `npm run build` compiles a validator for ahead of time (scripts/validators.mjs) */
export const PRECOMPILED_KINDS = ['scheme', 'scenario', 'map'] as const;

/** where `npm run build` writes the validators (dist/validators/; the same path from src/ under test and from dist/) */
export const VALIDATORS_DIR = fileURLToPath(new URL('../../../dist/validators/', import.meta.url));

/** the first line of a precompiled validator: its kind and the hash of the schema it was compiled from */
export const validatorStamp = (kind: string, hash: string) => `// motiv precompiled validator: ${kind} ${hash}\n`;

/** V8's code cache of a kind's validator, for the schema of that hash (written by the build beside the validator) */
export const codeCacheFile = (kind: string, hash: string) => `${VALIDATORS_DIR}${kind}.${hash}.v8cache`;

/**
 * A precompiled validator, compiled from V8's code cache when the build left
 * one for this very file (its stamp names the schema's hash) and this Node
 * takes it; else compiled from its source, as `require` would. Undefined
 * when the build wrote none.
 */
export function loadValidator(kind: string): (ValidateFunction & { hash: string }) | undefined {
  const file = `${VALIDATORS_DIR}${kind}.cjs`;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const hash = /^\/\/ motiv precompiled validator: \S+ (\S+)\n/.exec(source)?.[1];
  let cache: Buffer | undefined;
  try {
    cache = hash ? readFileSync(codeCacheFile(kind, hash)) : undefined;
  } catch {
    cache = undefined;
  }
  return runCjs(file, source, cache).exports as ValidateFunction & { hash: string };
}

/**
 * Tell the core where the validators compiled at build time are
 * (dist/validators/KIND.cjs): each is read the first time a file of its
 * kind is validated, instead of compiling the JSON Schema at every start.
 * Missing (a build without them), the core compiles as before.
 */
export function usePrecompiledValidators(): void {
  for (const kind of PRECOMPILED_KINDS) {
    providePrecompiled(kind, () => {
      try {
        const validate = loadValidator(kind);
        return validate && { hash: validate.hash, validate };
      } catch {
        return undefined;
      }
    });
  }
}
