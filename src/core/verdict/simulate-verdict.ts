import type { SimSummary } from '../sim/summary.js';
import { compactMoney, count, counted, percent } from './words.js';

/** what the verdict needs to know of a simulation besides its summary */
export interface VerdictContext {
  months: number;
  currency: string;
}

const mean = (s: SimSummary, name: string) => s.metrics[name]?.mean ?? null;

/**
 * A simulation in three to five plain sentences an owner reads before the
 * table: where the reps' hours go, what the horizon brings with the spread
 * of the runs, what a rep earns, and what is left stalled or lost. Every
 * number is one of the table's, rounded.
 */
export function simulateVerdict(s: SimSummary, ctx: VerdictContext): string[] {
  const out: string[] = [];
  const split = [
    ['prospects', mean(s, 'effort.prospect')],
    ['signed clients not yet active', mean(s, 'effort.signed')],
    ['active clients', mean(s, 'effort.active')],
    ['inbound leads', mean(s, 'effort.leads')],
    ['overdue invoices', mean(s, 'effort.collect')],
  ].filter((x): x is [string, number] => typeof x[1] === 'number' && x[1] > 0.0005);
  const hours = mean(s, 'hours_per_rep');
  if (split.length > 0) {
    const parts = split.map(([what, share], k) => `${percent(share)}${k === 0 ? ' of their hours' : ''} on ${what}`);
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    out.push(`Reps spend ${list}${hours !== null ? `, and work ${count(hours)} hours a month on average` : ''}.`);
  }
  const revenue = s.metrics.revenue;
  const pay = mean(s, 'pay_total');
  const profit = mean(s, 'profit_after_pay');
  const cost = mean(s, 'cost_of_sales');
  if (revenue?.mean != null && revenue.p5 != null && revenue.p95 != null) {
    out.push(
      `Over ${counted(ctx.months, 'month')} revenue is ${compactMoney(revenue.mean)} ${ctx.currency} (90 % of runs between ${compactMoney(revenue.p5)} and ${compactMoney(revenue.p95)})` +
        `${pay !== null ? `, pay ${compactMoney(pay)}` : ''}${profit !== null ? `, profit after pay ${compactMoney(profit)}` : ''}${cost !== null ? `; cost of sales ${percent(cost)}` : ''}.`,
    );
  }
  const repPay = mean(s, 'rep_pay.mean');
  const p10 = mean(s, 'rep_pay.p10');
  if (repPay !== null) out.push(`A rep earns ${compactMoney(repPay)} a month on average${p10 !== null ? `; the lowest-paid tenth under ${compactMoney(p10)}` : ''}.`);
  const active = mean(s, 'active_end');
  const stalled = mean(s, 'signed_stalled_end');
  const lost = mean(s, 'clients_lost');
  const departed = mean(s, 'reps_departed');
  const end: string[] = [];
  if (active !== null) end.push(`${count(active)} clients are active`);
  if (stalled !== null) end.push(`${count(stalled)} signed clients have not started buying`);
  if (end.length) out.push(`At the end ${end.join(' and ')}${lost !== null ? `; ${count(lost)} clients were lost on the way` : ''}${departed !== null && departed > 0 ? ` and ${count(departed)} reps quit` : ''}.`);
  return out;
}
