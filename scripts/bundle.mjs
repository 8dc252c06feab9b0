#!/usr/bin/env node
// Part of `npm run build`, after tsc and the validators: dist/cli/main.js and
// everything it imports (motiv's modules and the packages loaded at a start)
// as one CommonJS file, dist/bundle/motiv.cjs, stamped with the hash of its
// content; beside it the list of the files it was made from and V8's code
// cache of it once it has played a short simulation (motiv.HASH.v8cache).
// bin/motiv.js loads it when no input is newer (src/cli/bundle.ts). Packages
// motiv loads only when a command uses them (through require: chart.js,
// asciichart, the CSV packages) stay outside. ajv is inside: the core imports
// it at every start, though the precompiled validators seldom need it (64
// files to resolve and compile, about 0.1 s of CPU on a busy machine).
// A bundle newer than its inputs, with its cache, is left as it is.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLE_DIR, BUNDLE_FILE, BUNDLE_INPUTS, PACKAGE_DIR, bundleCacheFile, bundleIsFresh, bundleStamp, runBundle } from '../dist/cli/bundle.js';

/** written whole or not at all */
const writeWhole = (file, content) => {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
};

const hashOf = (source) => /^\/\/ motiv bundle (\S+)\n/.exec(source)?.[1];
const cacheThere = () => {
  try {
    readFileSync(bundleCacheFile(hashOf(readFileSync(BUNDLE_FILE, 'utf8'))));
    return true;
  } catch {
    return false;
  }
};

/** this script changed since it bundled (its inputs are the modules; it is not one of them) */
const scriptIsNewer = () => statSync(fileURLToPath(import.meta.url)).mtimeMs > statSync(BUNDLE_FILE).mtimeMs;

if (!bundleIsFresh() || !cacheThere() || scriptIsNewer()) {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  // a module's import.meta.url is its own file's in dist/, as when dist/ is loaded module by module
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        return { contents: text.replaceAll('import.meta.url', `__motivFileUrl(${JSON.stringify(relative(PACKAGE_DIR, args.path))})`), loader: 'js' };
      });
    },
  };
  const built = await esbuild.build({
    absWorkingDir: PACKAGE_DIR,
    entryPoints: ['dist/cli/main.js'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [ownUrl],
    external: ['chart.js', 'asciichart', 'csv-parse', 'csv-stringify'],
    // strict, as the modules are; the URL of a file of the package
    banner: { js: `"use strict";\nconst __motivFileUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(relative(BUNDLE_DIR, PACKAGE_DIR))}, file)).href;` },
  });
  const body = built.outputFiles[0].text;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  for (const old of readdirSync(BUNDLE_DIR)) if (old.endsWith('.v8cache')) rmSync(`${BUNDLE_DIR}${old}`);
  writeWhole(BUNDLE_INPUTS, `${JSON.stringify(Object.keys(built.metafile.inputs).sort(), null, 1)}\n`);
  writeWhole(BUNDLE_FILE, `${bundleStamp(hash)}${body}`);

  // the code cache of the bundle once it has played: a short simulation compiles what a start and a run need
  const bundle = runBundle();
  const silent = { out: () => {}, err: () => {}, outIsTTY: false, errIsTTY: false, env: {}, cwd: PACKAGE_DIR };
  const code = await bundle.main(['simulate', 'schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '1', '--months', '3', '--quiet'], silent);
  if (code !== 0) throw new Error(`the bundle's trial simulation ended with ${code}`);
  writeWhole(bundleCacheFile(hash), bundle.codeCache());
}
