import { relative } from 'node:path';

let displayBase: string | undefined;

/** paths in messages are shown relative to the folder the command was run from (set once per command) */
export function setDisplayBase(cwd: string): void {
  displayBase = cwd;
}

export function display(path: string): string {
  const rel = relative(displayBase ?? process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
