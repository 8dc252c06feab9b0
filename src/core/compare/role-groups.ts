import { byRun } from '../sim/by-run.js';
import { P, REP_METRICS, type RunResult } from '../sim/metrics.js';
import { ratioInterval } from '../stats/ratio-interval.js';

/** a rep slot's role in a run: its name, or null for none */
export type SlotRole = string | null;

/**
 * Per run (in run order), per rep slot: the slot's role under a play, by
 * name; undefined where the runs do not say (without per-rep results, or
 * from a part written before they said it).
 */
export function slotRolesByRun(results: readonly RunResult[], roleNames: readonly string[]): SlotRole[][] | undefined {
  const runs = byRun(results);
  if (runs.length === 0 || runs.some((r) => r.repRoles === undefined)) return undefined;
  return runs.map((r) => Array.from(r.repRoles!, (i) => (i >= 0 && i < roleNames.length ? roleNames[i] : null)));
}

/** whether some slot holds one role in one run and another in another (roles given by the reps' drawn nature) */
export function rolesVary(byRun: readonly (readonly SlotRole[])[]): boolean {
  return byRun.some((roles) => roles.some((role, slot) => role !== byRun[0][slot]));
}

/** whether the roles tell reps apart at all: not one role (or none) for every slot of every run */
function rolesDiffer(byRun: readonly (readonly SlotRole[])[]): boolean {
  const first = byRun[0]?.[0];
  return byRun.some((roles) => roles.some((role) => role !== first));
}

/** a group of reps by role: its role under the baseline and under the other scheme, a side absent where that scheme's roles tell no reps apart (both the same where a switch keeps the first scheme's roles) */
export interface GroupRoles {
  base?: SlotRole;
  other?: SlotRole;
}

/** what a group's reps earned, added up over the runs */
export interface RoleGroupPay {
  roles: GroupRoles;
  /** the group's reps in a run, mean over runs */
  repsPerRun: number;
  /** the pay over the horizon of one rep of the group: the mean over every run's reps of the group */
  base: number;
  other: number;
  /** whether other − base per rep is sure: its 95 % interval over the paired runs (each run's reps of the group) excludes 0 */
  significant: boolean;
}

/**
 * Rep slots grouped by their role in each run, under two schemes played on
 * common random numbers: where a slot does not keep one role across runs
 * (the roles go by the reps' nature), its pay averaged over runs mixes a
 * hunter's with a farmer's and tells nothing true of any rep. A group is
 * the reps holding its roles in a run; its pay is the mean over those
 * rep-runs, its size the mean count per run. Ordered as the roles
 * are (`order`), reps without a role last.
 */
export function payByRoleGroup(
  basePay: readonly (readonly number[])[],
  otherPay: readonly (readonly number[])[],
  baseRoles: readonly (readonly SlotRole[])[],
  otherRoles: readonly (readonly SlotRole[])[],
  order: readonly string[],
): RoleGroupPay[] {
  const withBase = rolesDiffer(baseRoles);
  const withOther = rolesDiffer(otherRoles);
  // per run too, the group's reps and their change of pay: the interval of the change per rep
  const groups = new Map<string, { roles: GroupRoles; n: number; base: number; other: number; runReps: number[]; runChange: number[] }>();
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  basePay.forEach((pays, run) =>
    pays.forEach((pay, slot) => {
      const roles: GroupRoles = { ...(withBase ? { base: baseRoles[run][slot] } : {}), ...(withOther ? { other: otherRoles[run][slot] } : {}) };
      const key = JSON.stringify([roles.base, roles.other]);
      const g = groups.get(key) ?? { roles, n: 0, base: 0, other: 0, runReps: basePay.map(() => 0), runChange: basePay.map(() => 0) };
      g.n++;
      g.base += finite(pay);
      g.other += finite(otherPay[run][slot]);
      g.runReps[run]++;
      g.runChange[run] += finite(otherPay[run][slot]) - finite(pay);
      groups.set(key, g);
    }),
  );
  const rank = (role: SlotRole | undefined) => (role === undefined ? -1 : role === null ? order.length : order.indexOf(role));
  return [...groups.values()]
    .sort((a, b) => rank(a.roles.base) - rank(b.roles.base) || rank(a.roles.other) - rank(b.roles.other))
    .map((g) => {
      const ci95 = ratioInterval(g.runChange, g.runReps)?.ci95;
      return { roles: g.roles, repsPerRun: g.n / basePay.length, base: g.base / g.n, other: g.other / g.n, significant: !!ci95 && (ci95[0] > 0 || ci95[1] < 0) };
    });
}

/** per run (in run order), per rep slot: his pay over the horizon (a replacement's included) */
export function slotPayByRun(results: readonly RunResult[]): number[][] | undefined {
  const runs = byRun(results);
  if (runs.length === 0 || runs.some((r) => r.reps === undefined)) return undefined;
  return runs.map((r) => Array.from({ length: r.reps!.length / REP_METRICS.length }, (_, slot) => r.reps![slot * REP_METRICS.length + P.pay_total]));
}

/**
 * How a table and the verdict name role groups: the schemes whose roles
 * they are ("B", "A and B") and each group's name, the role's ("hunter", "no
 * role"), or both schemes' where they differ ("A hunter, B farmer").
 */
export function roleGroupNames(groups: readonly { roles: GroupRoles }[], base: string, other: string): { under: string; names: string[]; paired: boolean } {
  const name = (role: SlotRole | undefined) => role ?? 'no role';
  const both = groups.some((g) => g.roles.base !== undefined && g.roles.other !== undefined);
  if (both && groups.some((g) => g.roles.base !== g.roles.other)) return { under: `${base} and ${other}`, names: groups.map((g) => `${base} ${name(g.roles.base)}, ${other} ${name(g.roles.other)}`), paired: true };
  const under = both ? `${base} and ${other}` : groups.some((g) => g.roles.base !== undefined) ? base : other;
  return { under, names: groups.map((g) => name(g.roles.base !== undefined ? g.roles.base : g.roles.other)), paired: false };
}
