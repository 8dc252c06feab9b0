import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runBundle } from '../../src/cli/bundle.js';
import { budgetToRaise, coldRun, V8_BUDGET } from '../../src/cli/sim/cold-run.js';

describe("a process's first run, with V8 slower to optimise", () => {
  it('raises the budget only of a V8 it knows, in the main thread, and not over a budget the user set', () => {
    expect(budgetToRaise('11.3.244.8-node.38', true, [])).toBe(67584);
    expect(budgetToRaise('12.4.254.21-node.33', true, [])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', false, [])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt-budget=1000'])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt_budget', '1000'])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt-budget-for-feedback-allocation=9'])).toBe(67584);
  });

  it("gives back V8's flags after it: the bundle's code cache, made at them, is taken (and refused while the budget is raised)", () => {
    const known = budgetToRaise(process.versions.v8, isMainThread, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]) !== undefined;
    const during = coldRun(() => runBundle()?.cacheRejected);
    if (known) expect(during).toBe(true);
    expect(runBundle()?.cacheRejected).toBe(false);
    // only the first run
    expect(coldRun(() => runBundle()?.cacheRejected)).toBe(false);
    expect(Object.keys(V8_BUDGET)).toContain('11.3');
  });
});
