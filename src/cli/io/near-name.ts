import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { suggest } from '../../core/problems/suggest.js';

/** "; did you mean 'schemes/leads-plan.test.yaml'?" for a path that is not there, from the names in its folder ('' when none is near) */
export function nearName(path: string, cwd: string): string {
  const dir = dirname(resolve(cwd, path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return '';
  const near = suggest(basename(path), readdirSync(dir));
  return near ? `; did you mean '${join(dirname(path), near)}'?` : '';
}
