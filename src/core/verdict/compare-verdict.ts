import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { R, type RunResult } from '../sim/metrics.js';
import type { RunComparison } from '../sim/comparison.js';
import type { SimSummary } from '../sim/summary.js';
import { compactMoney, count, counted, nounFor, percent, shareFromTo, shareShift, signedPercent } from './words.js';
import { roleGroupNames } from '../compare/role-groups.js';
import type { GroupChange, WinnersLosers } from '../compare/winners.js';

/** what the comparison's verdict needs to know besides its runs */
export interface CompareVerdictContext {
  months: number;
  currency: string;
  /** each scheme's label and name, the baseline first */
  schemes: { label: string; name: string }[];
}

/** the signs a risk goes the wrong way in: up for losses and stalls, down for the lowest pay */
const RISKS: { metric: string; worse: 1 | -1; what: string; unit: 'count' | 'share' | 'money' }[] = [
  { metric: 'signed_stalled_end', worse: 1, what: 'signed clients who have not started buying at the end go', unit: 'count' },
  { metric: 'clients_lost', worse: 1, what: 'clients lost go', unit: 'count' },
  { metric: 'reps_departed', worse: 1, what: 'reps who quit go', unit: 'count' },
  { metric: 'rep_pay.p10', worse: -1, what: 'the monthly pay of the lowest-paid tenth of reps goes', unit: 'money' },
  { metric: 'leads_unprocessed_share', worse: 1, what: 'the share of inbound leads nobody works goes', unit: 'share' },
  { metric: 'firms_never_called', worse: 1, what: 'the share of firms nobody calls in a month goes', unit: 'share' },
  { metric: 'active_end', worse: -1, what: 'active clients at the end go', unit: 'count' },
  { metric: 'overdue_end', worse: 1, what: 'revenue owed past due at the end goes', unit: 'money' },
];

const shown = (x: number, unit: 'count' | 'share' | 'money') => (unit === 'share' ? percent(x) : unit === 'money' ? compactMoney(x) : count(x));


/** a sure change of money smaller than this share of the baseline's is said to barely change (it rounds to nothing in words) */
const NEGLIGIBLE = 0.0005;

/** a money difference in words: "falls 12.0 M (-28 %, 95 % interval -28.4 % to -27.6 %)", or that it does not change measurably */
export function moneyChange(d: PairedDifference | null, base: number | null, withInterval: boolean, currency = ''): string {
  if (!d || !d.significant) return 'does not change measurably';
  const b = base ? Math.abs(base) : 0;
  // (a change that rounds to nothing, sure as it is, is none worth a word: QA, "Revenue falls 0 EUR (-0.0 %, ...)" for 0.29 on 14.4 M)
  if (b > 0 && Math.abs(d.mean) / b < NEGLIGIBLE) return 'barely changes (by less than 0.05 %)';
  if (compactMoney(Math.abs(d.mean)) === '0') return 'barely changes (by less than 1)';
  const interval = withInterval && d.ci95 && b ? `, 95 % interval ${signedPercent(d.ci95[0] / b, 1)} to ${signedPercent(d.ci95[1] / b, 1)}` : '';
  const relative = b ? ` (${signedPercent(d.mean / b, withInterval ? 1 : undefined)}${interval})` : '';
  return `${d.mean >= 0 ? 'rises' : 'falls'} ${compactMoney(Math.abs(d.mean))}${currency ? ` ${currency}` : ''}${relative}`;
}

/**
 * Who earns more and who less where reps take their roles by their nature,
 * run by run: per role group, how many reps a run has in it and the change
 * of their pay, the table's (QA: averaged per rep slot over runs, a mix of
 * hunters and farmers read "All 8 reps earn more, by 31 %" while 6 hunters
 * of every run earned 6 % less). "Counted by their role under B in each run
 * (...): 6 hunter reps earn 5.9 % less, 2 farmer reps 140 % more." A group
 * whose change's interval contains 0 earns "about the same"; said where
 * some group's change is sure, whatever pay_total does (pay moved from
 * hunters to farmers at the same total is news).
 */
function groupsSentence(groups: readonly GroupChange[], ctx: CompareVerdictContext, name: string): string {
  const { under, names, paired } = roleGroupNames(groups, ctx.schemes[0].label, name);
  const currency = ctx.currency ? ` ${ctx.currency}` : '';
  const parts = groups.map((g, i) => {
    const reps = nounFor(g.repsPerRun, 'rep', 'reps');
    const who = paired ? `${count(g.repsPerRun)} ${reps} (${names[i]})` : names[i] === 'no role' ? `${count(g.repsPerRun)} ${reps} with no role` : `${count(g.repsPerRun)} ${names[i]} ${reps}`;
    const verb = i === 0 ? (g.repsPerRun === 1 ? 'earns ' : 'earn ') : '';
    const way = g.diff.f > 0 ? 'more' : 'less';
    if (g.diff.f === 0) return `${who} ${verb}the same`;
    if (!g.significant) return `${who} ${verb}about the same (no measurable change)`;
    // by a share of what they earned under the baseline; from nothing or less, by money
    if (g.change !== null) return `${who} ${verb}${percent(Math.abs(g.change.f))} ${way}`;
    return `${who} ${verb}${compactMoney(Math.abs(g.diff.f))}${currency} ${way} over the ${counted(ctx.months, 'month')} (from ${g.base.f < 0 ? 'less than nothing' : 'nothing'} under ${ctx.schemes[0].label})`;
  });
  return `Counted by their role under ${under} in each run (a run gives reps their roles by their nature): ${parts.join(', ')}.`;
}

/**
 * Each scheme against the baseline in three to five plain sentences: the
 * time on existing clients (and on chasing late payers, where it moves), revenue, pay and profit after pay over the
 * horizon, who earns more or less, and the main risk. Only what the paired
 * 95 % intervals support is said to change; the rest "does not change
 * measurably". Every number is one of the table's, rounded.
 */
export function compareVerdict(results: readonly (readonly RunResult[])[], summaries: readonly SimSummary[], comparison: RunComparison, ctx: CompareVerdictContext, winners?: readonly WinnersLosers[]): string[][] {
  const base = [...results[0]].sort((a, b) => a.run - b.run);
  const existing = (rs: readonly RunResult[]) => [...rs].sort((a, b) => a.run - b.run).map((r) => r.metrics[R['effort.signed']] + r.metrics[R['effort.active']]);
  const mean = (s: SimSummary, name: string) => s.metrics[name]?.mean ?? null;
  return results.slice(1).map((rs, j) => {
    const k = j + 1;
    const name = ctx.schemes[k].label;
    const diff = comparison.differences[k];
    const out: string[] = [];
    const e = pairedDifference(existing(base), existing(rs));
    const eA = (mean(summaries[0], 'effort.signed') ?? 0) + (mean(summaries[0], 'effort.active') ?? 0);
    const eB = (mean(summaries[k], 'effort.signed') ?? 0) + (mean(summaries[k], 'effort.active') ?? 0);
    // chasing late payers is time on existing clients too, but of another kind: said apart where it moves by half a point or more
    const c = diff['effort.collect'];
    const cA = mean(summaries[0], 'effort.collect');
    const cB = mean(summaries[k], 'effort.collect');
    const chasing = cA !== null && cB !== null ? shareShift(cA, cB) : undefined;
    const chase = c && c.significant && chasing && Math.abs(c.mean) >= 0.005 ? `, and ${chasing.change} chasing late payers (${chasing.from} -> ${chasing.to})` : '';
    const moved = shareShift(eA, eB);
    if (e && e.significant) {
      out.push(`Under ${name}, reps spend ${moved.change} of their time on existing clients (${moved.from} -> ${moved.to})${chase}.`);
    } else out.push(`Under ${name}, the share of reps' time on existing clients does not change measurably (${percent(eA)} -> ${percent(eB)})${chase}.`);
    out.push(
      `Revenue ${moneyChange(diff.revenue, mean(summaries[0], 'revenue'), true, ctx.currency)} over ${counted(ctx.months, 'month')}, pay ${moneyChange(diff.pay_total, mean(summaries[0], 'pay_total'), false)}, profit after pay ${moneyChange(diff.profit_after_pay, mean(summaries[0], 'profit_after_pay'), false)}.`,
    );
    // (a change of -134 % in pay reads oddly: say it when the reps' pay turns negative, fines or negative rates charging more than is paid)
    const payB = mean(summaries[k], 'pay_total');
    if (payB !== null && payB < 0) out.push(`Under ${name} the reps' pay is negative over the ${counted(ctx.months, 'month')} (${compactMoney(payB)}${ctx.currency ? ` ${ctx.currency}` : ''}): what they are charged exceeds what they are paid.`);
    const w = winners?.[j];
    const reps = w?.reps.map((r) => ({ base: r.base.f, other: r.other.f }));
    if (w?.groups) {
      if (w.groups.some((g) => g.significant)) out.push(groupsSentence(w.groups, ctx, name));
    } else if (reps && reps.length > 0 && diff.pay_total?.significant) {
      const up = reps.filter((r) => r.other > r.base);
      const down = reps.filter((r) => r.other < r.base);
      // by a share of what each earned under the baseline; where some earned nothing or less there (no share of it), by money
      const by = (xs: typeof reps) => {
        const mean = (f: (r: { base: number; other: number }) => number) => Math.abs(xs.reduce((t, r) => t + f(r), 0) / xs.length);
        const none = xs.filter((r) => !(r.base > 0));
        if (none.length === 0) return `${percent(mean((r) => (r.other - r.base) / r.base))} on average`;
        const who = none.length === xs.length ? (xs.length === 1 ? 'he' : 'each') : `${none.length} of them`;
        const what = none.some((r) => r.base < 0) ? 'less than nothing' : 'nothing';
        return `${compactMoney(mean((r) => r.other - r.base))}${ctx.currency ? ` ${ctx.currency}` : ''} over the ${counted(ctx.months, 'month')} on average (${who} earned ${what} under ${ctx.schemes[0].label})`;
      };
      const part = (xs: typeof reps, verb: string) => `${xs.length === reps.length ? `All ${reps.length}` : `${xs.length} of ${reps.length}`} reps earn ${verb}, by ${by(xs)}`;
      const sentences = [up.length ? part(up, 'more') : '', down.length ? part(down, 'less') : ''].filter(Boolean);
      if (sentences.length) out.push(`${sentences.join('; ')}.`);
    }
    let risk: { text: string; size: number } | undefined;
    for (const r of RISKS) {
      const d = diff[r.metric];
      const a = mean(summaries[0], r.metric);
      const b = mean(summaries[k], r.metric);
      if (!d || !d.significant || a === null || b === null || Math.sign(d.mean) !== r.worse) continue;
      const size = a !== 0 ? Math.abs(d.mean / a) : 1;
      if (!risk || size > risk.size) risk = { text: `${r.what} from ${r.unit === 'share' ? shareFromTo(a, b) : `${shown(a, r.unit)} to ${shown(b, r.unit)}`}${a !== 0 ? ` (${signedPercent(d.mean / Math.abs(a))})` : ''}`, size };
    }
    out.push(risk ? `The main risk: ${risk.text}.` : 'No risk the table measures (stalled or lost clients, departures, the lowest pay, unworked leads or firms, money owed past due) gets measurably worse.');
    return out;
  });
}
