import { describe, expect, it } from 'vitest';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { payComponents, R } from '../../src/core/sim/metrics.js';
import { PAYS_LITTLE_SHARE, paysLittle } from '../../src/core/sim/pays-little.js';
import { warning } from '../../src/core/problems/problem.js';

/**
 * A reward that pays a sliver of all pay moves almost no one, where the
 * scheme reads as paying it: the simulation says so (QA: a 12 % commission
 * on clients of at most a month paid 265 EUR in 12 months of 4.4 M revenue
 * on the leads scenario, whose won leads are old accounts).
 */
describe('a reward that paid a sliver of all pay', () => {
  const scenario = scenarioText(bundled('scenarios/leads.yaml'));
  const scheme = schemeText(
    'name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1200}\n  - {id: newcomm, type: commission, measure: revenue, filter: {age_months: {to: 1}}, rate: 12%}\n  - {id: comm, type: commission, measure: revenue, rate: 2%}\n',
  );
  const ids = payComponents([scheme]);
  const runs = play(scenario, scheme, 3, { months: 6 });

  it('is named, at its type, with its share of all pay', () => {
    const found = paysLittle(scheme, ids, runs);
    expect(found.map((p) => [p.code, p.severity, p.path])).toEqual([['pays-little', 'warning', ['components', 1, 'type']]]);
    expect(found[0].message).toMatch(/^component 'newcomm' paid 0\.\d+ % of all pay in the 3 runs: a reward this small moves almost no one$/);
    expect(found[0].hint).toContain('filter (category, segment, age)');
  });

  it('is not named again where a warning of the scheme names it already, nor where no run was played', () => {
    expect(paysLittle(scheme, ids, runs, [warning('unknown-reference', 'no rep has its role', { path: ['components', 1, 'roles'] })])).toEqual([]);
    expect(paysLittle(scheme, ids, [])).toEqual([]);
  });

  it('names no component that is not a reward, though it pays a sliver: a salary, a draw may pay little by design', () => {
    const small = schemeText(
      'name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1200}\n  - {id: comm, type: commission, measure: revenue, rate: 2%}\n  - {id: phone, type: salary, amount: 2}\n',
    );
    const smallIds = payComponents([small]);
    const played = play(scenario, small, 2, { months: 4 });
    const total = played.reduce((a, r) => a + r.metrics[R.pay_total], 0);
    const phone = played.reduce((a, r) => a + r.components[smallIds.indexOf('phone')], 0);
    expect(phone / total).toBeGreaterThan(0);
    expect(phone / total).toBeLessThan(PAYS_LITTLE_SHARE);
    expect(paysLittle(small, smallIds, played)).toEqual([]);
  });

  it('names no bundled scheme on its own scenario: their rewards pay their share', () => {
    for (const [schemeFile, scenarioFile] of [
      ['schemes/leads-kpi.yaml', 'scenarios/leads.yaml'],
      ['schemes/saas-ote.yaml', 'scenarios/saas.yaml'],
      ['schemes/hunter-farmer.yaml', 'scenarios/freight.yaml'],
    ]) {
      const s = schemeText(bundled(schemeFile));
      expect(paysLittle(s, payComponents([s]), play(scenarioText(bundled(scenarioFile)), s, 2, { months: 12 })), schemeFile).toEqual([]);
    }
  });
});
