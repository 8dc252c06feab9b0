import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Io } from '../context.js';

/** data goes to --out when given (creating its folder), else to stdout */
export function emit(io: Io, text: string, out: string | undefined): void {
  if (out) {
    const path = resolve(io.cwd, out);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } else io.out(text);
}
