import type { PayoutEngine } from '../payout/engine.js';
import type { Problem } from '../problems/problem.js';

/**
 * What the scheme's engine found wrong while paying simulated reps (a
 * formula dividing by zero): payout stops on it, a simulation pays 0 there
 * and says so. Each place once, whichever run or thread found it: the
 * first message in text order stands for the rest (the same, however the
 * runs were shared out), in order of place. `take` hands on what changed
 * since the last take (a worker's share of a pool's).
 */
export class RunProblems {
  private readonly byPlace = new Map<string, Problem>();
  private readonly changed = new Set<string>();

  /** the engine's problems; a synthetic team's missing columns are said before the runs already (fit.ts), in the scenario's words */
  keepOf(engine: PayoutEngine<number>, synthetic: boolean): void {
    const all = [...engine.plans.problems, ...engine.problems];
    this.keep(synthetic ? all.filter((p) => p.code !== 'csv-missing-column') : all);
  }

  keep(problems: readonly Problem[]): void {
    for (const p of problems) {
      const key = placeKey(p);
      const kept = this.byPlace.get(key);
      if (kept !== undefined && kept.message <= p.message) continue;
      this.byPlace.set(key, p);
      this.changed.add(key);
    }
  }

  /** every problem kept, in order of place */
  all(): Problem[] {
    return [...this.byPlace.keys()].sort().map((k) => this.byPlace.get(k)!);
  }

  /** each problem kept as a warning: where payout stops (an error), the simulation went on, paying 0 where the rule could not pay */
  warnings(): Problem[] {
    return this.all().map((p) => (p.severity === 'error' ? { ...p, severity: 'warning', message: `${p.message} (the simulation paid 0 there and went on; payout stops on it)` } : p));
  }

  /** the problems kept or replaced since the last take */
  take(): Problem[] {
    const out = [...this.changed].map((k) => this.byPlace.get(k)!);
    this.changed.clear();
    return out;
  }
}

/** where a problem is: its file, line and column (numbers padded, so that text order is their order), or its path */
function placeKey(p: Problem): string {
  const pad = (n: number | undefined) => String(n ?? 0).padStart(9, '0');
  return `${p.file ?? ''}|${pad(p.line)}|${pad(p.column)}|${(p.path ?? []).join('.')}|${p.code}`;
}
