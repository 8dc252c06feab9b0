import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * A rep's first month has no month behind it: the deals his leads bring were
 * those he processed last month, none, so the rates he asked then, which
 * stand for the months after until he asks them fresh three months on,
 * priced a world without lead deals: under a cap on commission, his future
 * revenue seemed worth the full rate. In the leads world every scheme whose
 * pay bends swung for months 2 and 3 and stepped at month 4, and a cap
 * raised the share of hours on active clients over 3 months (+3.2 points)
 * where over 12 it cut it (QA16 #2). He now counts the deals of the leads he
 * plans to take, at his chance of winning them.
 */
describe("a rep's first month counts the deals of the leads he plans to take", () => {
  const scenario = scenarioText(bundled('scenarios/leads.yaml'));
  const scheme = (cap: string) =>
    schemeText(`name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1200}\n  - {id: comm, type: commission, measure: revenue, rate: 3.5%${cap}}\n`);
  const base = play(scenario, scheme(''), 8, { months: 6, detail: true });
  const capped = play(scenario, scheme(', cap: 1100'), 8, { months: 6, detail: true });

  it('a cap on commission takes hours off active clients from the first months as it does later, with no step at month 4', () => {
    const early = paired(base.map((_, i) => [1, 2].reduce((a, t) => a + monthly(capped, 'effort.active', t)[i] - monthly(base, 'effort.active', t)[i], 0) / 2));
    const later = paired(base.map((_, i) => [3, 4, 5].reduce((a, t) => a + monthly(capped, 'effort.active', t)[i] - monthly(base, 'effort.active', t)[i], 0) / 3));
    console.log(`leads world, a cap of 1,100 on 3.5 % of revenue: active clients' share, months 2-3 ${fmt(early)}, months 4-6 ${fmt(later)}`);
    expect(early.hi).toBeLessThan(0);
    expect(later.hi).toBeLessThan(0);
    expect(Math.abs(early.mean - later.mean)).toBeLessThan(0.02);
  });
});
