import { formatPath } from '../problems/format.js';
import { problem, type Problem } from '../problems/problem.js';

/** keys a cap over a period is written with, by mistake, on a component's `cap` */
const PERIOD_CAP_KEYS: ReadonlySet<string> = new Set(['amount', 'period']);

/**
 * A component's `cap` written as a cap over a period (`cap: {amount: 6000,
 * period: quarter}`) is one mistake, not three (a mapping of too many keys,
 * and each key unknown): said once, at the cap, with the two ways to write
 * what it means (QA: the three errors pointed nowhere near the fix).
 */
export function capWithPeriod(problems: Problem[], scheme: unknown): Problem[] {
  const components = (scheme as { components?: unknown } | null)?.components;
  if (!Array.isArray(components)) return problems;
  const mistaken = new Set<number>();
  components.forEach((c, i) => {
    const cap = (c as { cap?: unknown } | null)?.cap;
    if (cap !== null && typeof cap === 'object' && !Array.isArray(cap) && Object.keys(cap).some((k) => PERIOD_CAP_KEYS.has(k))) mistaken.add(i);
  });
  if (mistaken.size === 0) return problems;
  const at = (p: Problem): number | undefined => {
    const [top, index, key] = p.path ?? [];
    return top === 'components' && typeof index === 'number' && key === 'cap' && mistaken.has(index) ? index : undefined;
  };
  const said = new Set<number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const i = at(p);
    if (i === undefined) {
      out.push(p);
      continue;
    }
    if (said.has(i)) continue;
    said.add(i);
    const period = (components[i] as { cap: { period?: unknown } }).cap.period;
    const where = formatPath(['components', i, 'cap']);
    out.push(
      problem('bad-value', `${where} is the most one line of the component pays, a number (or the rep's own: {column: NAME} or {formula: ...}), not an amount over a period`, {
        path: ['components', i, 'cap'],
        hint: `to cap what it pays over a ${typeof period === 'string' ? period : 'quarter'}, give the component 'period: ${typeof period === 'string' ? period : 'quarter'}' (it then pays, and is capped, once a period) with 'cap: AMOUNT'; to cap all variable pay over a period, write 'variable_cap: {amount: AMOUNT, period: ${typeof period === 'string' ? period : 'quarter'}}' at the top of the scheme`,
      }),
    );
  }
  return out;
}
