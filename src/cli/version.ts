import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** motiv's version, from its package.json */
export function motivVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

let build: string | undefined;

/**
 * A digest of the compiled code (dist/, the same from src/ under test and
 * from an install): two machines that play and merge a sharded simulation
 * must run the same code, and between releases the version alone does not
 * say so. About 10 ms; only parts and merge ask for it.
 */
export function motivBuild(): string {
  if (build !== undefined) return build;
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  try {
    const h = createHash('sha256');
    for (const file of scripts(dist).sort()) h.update(relative(dist, file)).update('\0').update(readFileSync(file)).update('\0');
    build = h.digest('hex');
  } catch {
    build = 'unknown';
  }
  return build;
}
