import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCjs } from './io/cjs-script.js';
import type { main as Main } from './main.js';

/**
 * The CLI as one file. `npm run build` bundles dist/cli/main.js and what it
 * imports into dist/bundle/motiv.cjs (scripts/bundle.mjs), with V8's code
 * cache of it once it has played a short simulation. A start then reads one
 * file instead of resolving and compiling some 250 modules and the packages
 * they import, and takes the functions of a run already compiled: simulate
 * --runs 1 starts in about half the CPU time. The bundle is only a faster
 * way to load the same code: when any file it was made from is newer than it
 * (a build that did not bundle again) or missing, the CLI loads dist/ as
 * before.
 */

/** where the build writes the bundle (the same path from src/ under test and from dist/) */
export const BUNDLE_DIR = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
export const BUNDLE_FILE = `${BUNDLE_DIR}motiv.cjs`;
/** the files the bundle was made from, relative to the package's folder (JSON: a list of paths) */
export const BUNDLE_INPUTS = `${BUNDLE_DIR}motiv.inputs.json`;
/** the package's folder, that the bundle's inputs are relative to */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** the first line of the bundle: the hash of the rest, which names its code cache */
export const bundleStamp = (hash: string) => `// motiv bundle ${hash}\n`;
/** V8's code cache of the bundle of that hash */
export const bundleCacheFile = (hash: string) => `${BUNDLE_DIR}motiv.${hash}.v8cache`;

/** every input is there and none is newer than the bundle (a build since that did not bundle again) */
export function bundleIsFresh(bundle = BUNDLE_FILE, inputsFile = BUNDLE_INPUTS, packageDir = PACKAGE_DIR): boolean {
  try {
    const made = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
    return inputs.every((file) => statSync(join(packageDir, file)).mtimeMs <= made);
  } catch {
    return false;
  }
}

/** the bundle run as a CommonJS file, with its code cache when there is one; undefined without a bundle of its stamp */
export function runBundle(): { main: typeof Main; codeCache(): Buffer; cacheRejected: boolean } | undefined {
  let source: string;
  try {
    source = readFileSync(BUNDLE_FILE, 'utf8');
  } catch {
    return undefined;
  }
  const hash = /^\/\/ motiv bundle (\S+)\n/.exec(source)?.[1];
  if (!hash) return undefined;
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(bundleCacheFile(hash));
  } catch {
    cache = undefined;
  }
  const script = runCjs(BUNDLE_FILE, source, cache);
  return { main: (script.exports as { main: typeof Main }).main, codeCache: script.codeCache, cacheRejected: script.cacheRejected };
}

/** the CLI's main: the bundle's when it is fresh, else undefined (load dist/cli/main.js) */
export function bundledMain(): typeof Main | undefined {
  return bundleIsFresh() ? runBundle()?.main : undefined;
}
