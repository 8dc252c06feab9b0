import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { dayOf, parseDay } from '../../src/core/time/month.js';
import type { PayoutResult, Q } from '../../src/core/types.js';
import { datasetOf, payout, schemeOf, type Row, type Rows } from '../helpers/dataset.js';
import { bundledSchemes, day, FROM, HISTORY, kitchenSink, rowsArb, TO } from './arbitraries.js';

/** every line of a payout, as text: rep, month, component, kind, period, amount */
const linesText = (r: PayoutResult<Q>) => r.rows.flatMap((row) => row.lines.map((l) => `${row.rep} ${row.month} ${l.component} ${l.kind} ${l.period} ${R.toDecimalString(l.amount)}`));

const FIRST = dayOf(2025, 10, 1);
const LAST = dayOf(2026, 6, 30);

/**
 * Each rep's reps.csv role written instead as assignments.csv rows covering
 * his whole employment: cut at the given days into adjacent rows, the first
 * and last left open or dated at (or beyond) his first and last day.
 */
function asAssignments(rows: Rows, cuts: number[], openEnds: boolean[]): Rows {
  const assignments: Row[] = [];
  rows.reps.forEach((rep, i) => {
    if (rep.role === undefined) return;
    const start = rep.start_date === undefined ? undefined : parseDay(String(rep.start_date))!;
    const end = rep.end_date === undefined ? undefined : parseDay(String(rep.end_date))!;
    const inside = cuts.filter((c) => (start === undefined || c > start) && (end === undefined || c <= end)).sort((a, b) => a - b);
    const edges = [...new Set(inside)];
    let from: number | undefined = openEnds[i % openEnds.length] ? undefined : (start ?? FIRST - 400);
    for (const cut of edges) {
      assignments.push({ rep_id: rep.id, role: rep.role, from: from === undefined ? undefined : day(from), to: day(cut - 1) });
      from = cut;
    }
    const to = openEnds[(i + 1) % openEnds.length] ? undefined : (end ?? LAST + 400);
    assignments.push({ rep_id: rep.id, role: rep.role, from: from === undefined ? undefined : day(from), to: to === undefined ? undefined : day(to) });
  });
  // reps.csv's role is not read for a rep with assignments: blank it, to be sure the rows alone pay him
  return { ...rows, reps: rows.reps.map((r) => (r.role === undefined ? r : { ...r, role: 'ignored' })), assignments };
}

describe('property: assignments.csv', () => {
  const schemes = [...bundledSchemes().filter((s) => s.scheme.roles), { file: 'kitchen sink', scheme: schemeOf(kitchenSink({ rate: '4.75%', rounding: 'half-even', split: true, cap: '1500.00', variableCap: '6000.00' })) }];

  it("a role held on all of a rep's days, in one row or cut into adjacent rows, pays every line as reps.csv's role did", () => {
    const cuts = fc.array(fc.integer({ min: FIRST, max: LAST }), { maxLength: 3 });
    fc.assert(
      fc.property(rowsArb(), cuts, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), (rows, at, open) => {
        const before = datasetOf(rows);
        const after = datasetOf(asAssignments(rows, at, open));
        for (const { file, scheme } of schemes) {
          expect(linesText(payout(scheme, after, FROM, TO, { historyFrom: HISTORY })), file).toEqual(linesText(payout(scheme, before, FROM, TO, { historyFrom: HISTORY })));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a switch between two plans that pay alike on any day pays, month by month, what one plan would, within a minor unit a line', () => {
    const plan = (role: string) => `
  - {id: ${role}_base, type: salary, roles: [${role}], amount: 1234.56}
  - {id: ${role}_rate, type: commission, roles: [${role}], measure: revenue, rate: 3.7%}`;
    const two = schemeOf(`name: two\ncurrency: EUR\nroles: [a, b]\ncomponents:${plan('a')}${plan('b')}\n`);
    const one = schemeOf(`name: one\ncurrency: EUR\nroles: [a, b]\ncomponents:${plan('a')}\n`);
    fc.assert(
      fc.property(rowsArb({ maxReps: 2 }), fc.integer({ min: dayOf(2026, 1, 2), max: LAST }), (rows, switchDay) => {
        const reps: Row[] = rows.reps.map((r) => ({ ...r, role: 'a' }));
        const switched: Rows = { ...rows, reps, assignments: reps.flatMap((r) => [{ rep_id: r.id, role: 'a', to: day(switchDay - 1) }, { rep_id: r.id, role: 'b', from: day(switchDay) }]) };
        const split = payout(two, datasetOf(switched), FROM, TO);
        const whole = payout(one, datasetOf({ ...rows, reps }), FROM, TO);
        for (const row of whole.rows) {
          const other = split.rows.find((x) => x.rep === row.rep && x.month === row.month)!;
          for (const what of ['base', 'rate']) {
            const want = R.sum(row.lines.filter((l) => l.component === `a_${what}`).map((l) => l.amount));
            const got = R.sum(other.lines.filter((l) => l.component.endsWith(`_${what}`)).map((l) => l.amount));
            const off = R.sub(got, want);
            expect(R.cmp(off, R.q(1, 100)) <= 0 && R.cmp(off, R.q(-1, 100)) >= 0, `${row.rep} ${row.month} ${what}: ${R.toDecimalString(got)} against ${R.toDecimalString(want)}`).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
