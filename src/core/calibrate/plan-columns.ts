import { parseNumberCell } from '../data/numbers.js';
import type { Dataset, Q } from '../types.js';

/** a column of reps.csv beyond the standard ones (a payment plan), as numbers across reps */
export interface PlanColumn {
  name: string;
  mean: number;
  sd: number;
  min: number;
  reps: number;
}

/**
 * The plan columns of reps.csv (a payment plan, a quota) as a distribution
 * across reps, for the calibrated scenario's synthetic reps: a scheme whose
 * plan reads a column no rep has never pays what the plan gates, and the
 * hours the reps chose under it would be matched to a scheme that pays less.
 * A rep's value is the mean of his months in plans.csv where it has them
 * (they take precedence there, as in the payout), else his cell in
 * reps.csv. Only columns every rep has a number for are taken (a name or a
 * note is no plan).
 */
export function planColumns(data: Dataset<Q>): PlanColumn[] {
  const monthly = new Map<string, { sum: number; n: number }>();
  for (const row of data.plans) {
    for (const [name, q] of Object.entries(row.values)) {
      const key = `${row.rep}|${name}`;
      const cell = monthly.get(key) ?? { sum: 0, n: 0 };
      cell.sum += q.f;
      cell.n++;
      monthly.set(key, cell);
    }
  }
  const names = [...new Set([...data.reps.flatMap((r) => Object.keys(r.columns)), ...data.plans.flatMap((p) => Object.keys(p.values))])].sort();
  const out: PlanColumn[] = [];
  for (const name of names) {
    const values: number[] = [];
    for (const r of data.reps) {
      const m = monthly.get(`${r.id}|${name}`);
      const text = r.columns[name];
      const q = m ? m.sum / m.n : text !== undefined && text.trim() !== '' ? parseNumberCell(text, r.source?.decimal)?.f : undefined;
      if (q === undefined || !Number.isFinite(q)) break;
      values.push(q);
    }
    if (values.length === 0 || values.length < data.reps.length) continue;
    const mean = values.reduce((a, x) => a + x, 0) / values.length;
    const sd = values.length > 1 ? Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (values.length - 1)) : 0;
    out.push({ name, mean, sd, min: Math.min(...values), reps: values.length });
  }
  return out;
}
