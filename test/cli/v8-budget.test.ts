import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runCjs } from '../../src/cli/io/cjs-script.js';
import { budgetToRaise, coldRun, startCold, V8_BUDGET } from '../../src/cli/v8-budget.js';

const SOURCE = 'module.exports = { one: () => 1 };';
/** a file name V8 has not compiled yet (its compilation cache would answer for one it has, and take no code cache) */
let files = 0;
const fresh = () => `/motiv-v8-budget-${files++}.cjs`;

describe("a simulation's cold start, with V8 slower to optimise", () => {
  it('raises the budget only of a V8 it knows, in the main thread, and not over a budget the user set', () => {
    expect(budgetToRaise('11.3.244.8-node.38', true, [])).toBe(67584);
    expect(budgetToRaise('12.4.254.21-node.33', true, [])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', false, [])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt-budget=1000'])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt_budget', '1000'])).toBeUndefined();
    expect(budgetToRaise('11.3.244.8-node.38', true, ['--interrupt-budget-for-feedback-allocation=9'])).toBe(67584);
    expect(Object.keys(V8_BUDGET)).toContain('11.3');
  });

  it("lasts until the first run ends; a code cache made at V8's flags is taken throughout", () => {
    const raised = budgetToRaise(process.versions.v8, isMainThread, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]) !== undefined;
    // made before the cold start, at V8's flags, as the build makes the bundle's and the validators'
    const cache = runCjs(fresh(), SOURCE).codeCache();
    // compiled as it is, at the flags V8 has now: refused at flags other than those it was made at
    const refusedAsIs = () => new Script(`(function (exports, require, module, __filename, __dirname) {${SOURCE}\n})`, { filename: fresh(), cachedData: cache }).cachedDataRejected === true;
    const refusedByRunCjs = () => runCjs(fresh(), SOURCE, cache).cacheRejected;
    expect([refusedAsIs(), refusedByRunCjs()]).toEqual([false, false]);
    startCold();
    expect([refusedAsIs(), refusedByRunCjs()]).toEqual([raised, false]);
    // a cache made during the cold start is made at V8's flags too
    const during = runCjs(fresh(), SOURCE).codeCache();
    expect(coldRun(() => [refusedAsIs(), refusedByRunCjs()])).toEqual([raised, false]);
    // the first run ended it: V8's own flags, and no second cold start
    expect(new Script(`(function (exports, require, module, __filename, __dirname) {${SOURCE}\n})`, { filename: fresh(), cachedData: during }).cachedDataRejected).toBe(false);
    startCold();
    expect(coldRun(() => refusedAsIs())).toBe(false);
  });
});
