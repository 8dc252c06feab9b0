import { describe, expect, it } from 'vitest';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';

const leads = scenarioText(bundled('scenarios/leads.yaml').replace(/scheme: [^\n]*\n/, ''));
const kpi = schemeText(bundled('schemes/leads-kpi.yaml').replace(/scenario: [^\n]*\n/, ''));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('a rep\'s first month, before he has one behind him', () => {
  it('under a bonus for covering his clients, he covers them in his first month as in the next: the probes see a month with no client contacted yet, not no month at all', () => {
    const results = play(leads, kpi, 6, { months: 3, detail: true });
    const first = mean(monthly(results, 'base_coverage', 0));
    const second = mean(monthly(results, 'base_coverage', 1));
    console.log(`leads-kpi base coverage: month 1 ${first.toFixed(3)}, month 2 ${second.toFixed(3)}`);
    // (with no month behind him, contacting a client was worth nothing to him in his first month: 73 % against 95 %)
    expect(first).toBeGreaterThan(second - 0.05);
  });
});
