import type { Io } from '../context.js';

/** a one-line progress bar on stderr, only for a terminal; `done()` clears it */
export function progressBar(io: Io, total: number, label: string, enabled: boolean): { update(n: number): void; done(): void } {
  if (!enabled || !io.errIsTTY) return { update() {}, done() {} };
  let last = -1;
  const width = 30;
  return {
    update(n: number) {
      const pct = Math.floor((100 * n) / total);
      if (pct === last) return;
      last = pct;
      const filled = Math.round((width * n) / total);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total}`);
    },
    done() {
      io.err(`\r${' '.repeat(label.length + width + 24)}\r`);
    },
  };
}
