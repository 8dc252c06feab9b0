import { describe, expect, it } from 'vitest';
import { payByRoleGroup, roleGroupNames, rolesVary } from '../../src/core/compare/role-groups.js';
import { simulatedWinners } from '../../src/core/compare/simulated-winners.js';
import { q } from '../../src/core/money/rational.js';
import { compareRuns } from '../../src/core/sim/comparison.js';
import { P, REP_METRICS, RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';

/** a run of two slots: each slot's pay over the horizon and its role's index */
function run(id: number, pays: number[], roles: number[]): RunResult {
  const reps = new Float64Array(pays.length * REP_METRICS.length);
  pays.forEach((p, slot) => (reps[slot * REP_METRICS.length + P.pay_total] = p));
  const metrics = new Float64Array(RUN_METRICS.length);
  return { run: id, metrics, monthly: undefined, reps, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0), repRoles: Float64Array.from(roles) };
}

describe('winners and losers by role, where a slot hunts in one run and farms in the next', () => {
  // under A nobody has a role and everyone earns 100; under B the hunter earns 90 and the farmer 300, whichever slot he is
  const A = [run(0, [100, 100], [-1, -1]), run(1, [100, 100], [-1, -1])];
  const B = [run(0, [90, 300], [0, 1]), run(1, [300, 90], [1, 0])];
  const roleNames = [[], ['hunter', 'farmer']];

  it('groups reps by their role in each run: per slot over runs both would read +95 %', () => {
    expect(rolesVary([[null, null], [null, null]])).toBe(false);
    expect(rolesVary([['hunter', 'farmer'], ['farmer', 'hunter']])).toBe(true);
    const groups = payByRoleGroup([[100, 100], [100, 100]], [[90, 300], [300, 90]], [[null, null], [null, null]], [['hunter', 'farmer'], ['farmer', 'hunter']], ['hunter', 'farmer']);
    expect(groups).toEqual([
      { roles: { other: 'hunter' }, repsPerRun: 1, base: 100, other: 90, significant: true },
      { roles: { other: 'farmer' }, repsPerRun: 1, base: 100, other: 300, significant: true },
    ]);
    expect(roleGroupNames(groups, 'A', 'B')).toEqual({ under: 'B', names: ['hunter', 'farmer'], paired: false });
  });

  it('gives the group rows, their buckets by reps per run, and the total of all reps', () => {
    const [w] = simulatedWinners(compareRuns([A, B]), { results: [A, B], roleNames, reps: ['r1', 'r2'], payTotals: [q(200), q(390)] });
    expect(w.reps).toEqual([]);
    expect(w.groups!.map((g) => [g.roles.other, g.repsPerRun, g.base.f, g.other.f, g.bucket])).toEqual([
      ['hunter', 1, 100, 90, 'lose_over_5'],
      ['farmer', 1, 100, 300, 'gain_over_5'],
    ]);
    expect(w.buckets).toMatchObject({ lose_over_5: 1, gain_over_5: 1 });
    expect([w.total.base.f, w.total.other.f]).toEqual([200, 390]);
  });

  it('keeps one row per rep where each slot holds one role in every run', () => {
    const fixed = [run(0, [90, 300], [0, 1]), run(1, [110, 300], [0, 1])];
    const [w] = simulatedWinners(compareRuns([A, fixed]), { results: [A, fixed], roleNames, reps: ['r1', 'r2'], payTotals: [q(200), q(400)] });
    expect(w.groups).toBeUndefined();
    expect(w.reps.map((r) => [r.rep, r.base.f, r.other.f, r.bucket])).toEqual([
      ['r1', 100, 100, 'unchanged'],
      ['r2', 100, 300, 'gain_over_5'],
    ]);
  });
});

describe("a role group's change of pay per rep, sure or not", () => {
  it('is sure where its interval over the paired runs excludes 0, counting each run its own reps of the group (2, 1 and 3 hunters)', () => {
    const none = [null, null, null];
    const hunters = [['hunter', 'hunter', 'farmer'], ['hunter', 'farmer', 'farmer'], ['hunter', 'hunter', 'hunter']];
    // every hunter earns 10 more in every run; farmers 20 more in one run, 20 less and nothing more in the next
    const groups = payByRoleGroup([[100, 100, 100], [100, 100, 100], [100, 100, 100]], [[110, 110, 120], [110, 80, 100], [110, 110, 110]], [none, none, none], hunters, ['hunter', 'farmer']);
    expect(groups.map((g) => [g.roles.other, g.repsPerRun, g.other - g.base, g.significant])).toEqual([
      ['hunter', 2, 10, true],
      ['farmer', 1, 0, false],
    ]);
  });
});
