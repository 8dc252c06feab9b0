import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time a command uses it, not at every start
 * (a chart, a CSV writer or reader: each 5-15 ms to load that simulate
 * --runs 1 does not need). Its CommonJS build, through require: synchronous,
 * so the functions that use it stay synchronous.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
