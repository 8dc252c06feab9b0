import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapJsonSchema } from '../../src/core/crm/map-schema.js';
import { scenarioJsonSchema } from '../../src/core/scenario/json-schema.js';
import { schemeJsonSchema } from '../../src/core/scheme/json-schema.js';
import { checkSchema, compileSchema } from '../../src/core/yaml/check-schema.js';
import { providePrecompiled, validatorOf } from '../../src/core/yaml/precompiled.js';
import { schemaHash } from '../../src/core/yaml/schema-hash.js';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { bundled } from '../helpers/sim.js';
import { readFileSync } from 'node:fs';
import { codeCacheFile, loadValidator } from '../../src/cli/io/precompiled.js';
import { runCjs } from '../../src/cli/io/cjs-script.js';

/**
 * The validators `npm run build` compiles ahead of time (scripts/validators.mjs,
 * dist/validators/) are the schemas of the code that runs, and say what the
 * validators compiled at run time say.
 */
const require = createRequire(import.meta.url);
const built = (kind: string) => require(join(ROOT, 'dist/validators', `${kind}.cjs`)) as ((v: unknown) => boolean) & { hash: string; errors?: unknown };
const SCHEMAS = { scheme: schemeJsonSchema, scenario: scenarioJsonSchema, map: mapJsonSchema };

describe('precompiled validators', () => {
  it.each(Object.keys(SCHEMAS))('the %s validator is stamped with the hash of the current schema (the build is up to date)', (kind) => {
    expect(built(kind).hash).toBe(schemaHash(SCHEMAS[kind as keyof typeof SCHEMAS]()));
  });

  it('find the same problems as a validator compiled now, on valid and broken schemes', () => {
    const now = compileSchema(schemeJsonSchema());
    const ahead = built('scheme') as never;
    const texts = [
      bundled('schemes/radio-poach.yaml'),
      bundled('fixtures/invalid/org-open-with-cap.yaml'),
      'name: x\ncurrency: EUR\ncomponents:\n  - {id: c, type: comission, measure: revenue, rate: 3%}\n',
      'name: x\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 3%, extra: 1}\norganisation: {base: {poaching: {quiet_months: -1}}}\n',
    ];
    for (const text of texts) {
      const value = parse(text);
      expect(checkSchema(ahead, value)).toEqual(checkSchema(now, value));
    }
  });

  it('is used only for the schema it was compiled from: another schema is compiled afresh', () => {
    const calls: string[] = [];
    const stale = Object.assign(() => true, { errors: null }) as never;
    providePrecompiled('test-kind', () => {
      calls.push('loaded');
      return { hash: 'not-this-schema', validate: stale };
    });
    const v = validatorOf('test-kind', { type: 'object', required: ['a'] });
    expect(calls).toEqual(['loaded']);
    expect(v).not.toBe(stale);
    expect(v({})).toBe(false);
  });

  it.each(Object.keys(SCHEMAS))('the %s validator comes with a code cache this Node takes, and loaded through it finds what it finds loaded plainly', (kind) => {
    const hash = schemaHash(SCHEMAS[kind as keyof typeof SCHEMAS]());
    const file = join(ROOT, 'dist/validators', `${kind}.cjs`);
    expect(runCjs(file, readFileSync(file, 'utf8'), readFileSync(codeCacheFile(kind, hash))).cacheRejected).toBe(false);
    const cached = loadValidator(kind) as never;
    for (const text of [bundled('schemes/radio-poach.yaml'), bundled('scenarios/radio.yaml'), 'name: x\ncurrency: EURO\ncomponents: [{id: c, type: comission}]\n']) {
      const value = parse(text);
      expect(checkSchema(cached, value)).toEqual(checkSchema(built(kind) as never, value));
    }
  });
});
