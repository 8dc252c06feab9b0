import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { providePrecompiled } from '../../core/yaml/precompiled.js';

/** the kinds of file `npm run build` compiles a validator for ahead of time (scripts/validators.mjs) */
export const PRECOMPILED_KINDS = ['scheme', 'scenario', 'map'] as const;

/**
 * Tell the core where the validators compiled at build time are
 * (dist/validators/KIND.cjs): each is read the first time a file of its
 * kind is validated, instead of compiling the JSON Schema at every start.
 * Missing (a build without them), the core compiles as before.
 */
export function usePrecompiledValidators(): void {
  const require = createRequire(import.meta.url);
  for (const kind of PRECOMPILED_KINDS) {
    providePrecompiled(kind, () => {
      try {
        const validate = require(`../../validators/${kind}.cjs`) as ValidateFunction & { hash: string };
        return { hash: validate.hash, validate };
      } catch {
        return undefined;
      }
    });
  }
}
