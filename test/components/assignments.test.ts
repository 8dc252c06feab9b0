import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderPayoutTable } from '../../src/cli/render/payout.js';
import { DatasetBuilder } from '../../src/core/data/builder.js';
import { daysWithin, mergeSpans, roleDays, stintOf } from '../../src/core/payout/assignments.js';
import { dataProblems } from '../../src/core/payout/checks.js';
import { parseDay } from '../../src/core/time/month.js';
import { datasetOf, linesOf, month, paid, pay, schemeOf, type Rows } from '../helpers/dataset.js';

const day = (t: string) => parseDay(t)!;

/** a hunter who becomes a farmer on 16 February (February 2026 has 28 days: 15 as hunter, 13 as farmer) */
const SCHEME = `
name: two plans
currency: EUR
roles: [hunter, farmer, lead]
plans:
  quota:
    measure: revenue
    monthly: 2800
components:
  - {id: hunt_base, type: salary, roles: [hunter], amount: 2800}
  - {id: farm_base, type: salary, roles: [farmer], amount: 1400}
  - {id: any_base, type: salary, roles: [hunter, farmer], amount: 28}
  - {id: everyone, type: salary, amount: 100}
  - {id: hunt_rate, type: commission, roles: [hunter], measure: revenue, rate: 10%}
  - {id: farm_rate, type: commission, roles: [farmer], measure: revenue, rate: 5%}
  - {id: hunt_quarter, type: commission, roles: [hunter], period: quarter, measure: revenue, rate: 1%}
  - {id: farm_quarter, type: commission, roles: [farmer], period: quarter, measure: revenue, rate: 1%}
  - id: hunt_quota
    type: bonus
    roles: [hunter]
    plan: quota
    threshold: 100%
    amount: 500
`;

const base: Rows = {
  reps: [{ id: 'ann', role: 'hunter' }, { id: 'bo', role: 'hunter' }],
  clients: [
    { id: 'c1', owner: 'ann' },
    { id: 'c2', owner: 'bo' },
  ],
  transactions: [
    { date: '2026-01-20', client_id: 'c1', revenue: 3000 },
    { date: '2026-02-10', client_id: 'c1', revenue: 1600 },
    { date: '2026-02-20', client_id: 'c1', revenue: 2000 },
    { date: '2026-03-05', client_id: 'c1', revenue: 4000 },
    { date: '2026-02-10', client_id: 'c2', revenue: 1000 },
  ],
  assignments: [
    { rep_id: 'ann', role: 'hunter', to: '2026-02-15' },
    { rep_id: 'ann', role: 'farmer', from: '2026-02-16' },
  ],
};

describe('a rep on several plans (assignments.csv)', () => {
  it('prorates each role\'s fixed pay by the days he held it at a mid-month switch', () => {
    const r = pay(SCHEME, base, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hunt_base')).toBe('1500.00'); // 2,800 x 15/28
    expect(paid(r, 'ann', '2026-02', 'farm_base')).toBe('650.00'); // 1,400 x 13/28
  });

  it('pays a component naming both roles in full across the switch, and one without roles as always', () => {
    const r = pay(SCHEME, base, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'any_base')).toBe('28.00');
    expect(paid(r, 'ann', '2026-02', 'everyone')).toBe('100.00');
  });

  it('counts a sale for the plan in force on its day', () => {
    const r = pay(SCHEME, base, '2026-01', '2026-03');
    expect(paid(r, 'ann', '2026-01', 'hunt_rate')).toBe('300.00'); // 3,000 x 10 %
    expect(paid(r, 'ann', '2026-01', 'farm_rate')).toBe('0.00');
    expect(paid(r, 'ann', '2026-02', 'hunt_rate')).toBe('160.00'); // the sale of 10 February
    expect(paid(r, 'ann', '2026-02', 'farm_rate')).toBe('100.00'); // the sale of 20 February, 5 %
    expect(paid(r, 'ann', '2026-03', 'hunt_rate')).toBe('0.00');
    expect(paid(r, 'ann', '2026-03', 'farm_rate')).toBe('200.00');
  });

  it('settles a quarter of the plan he leaves in the month he leaves it, and starts the new plan\'s quarter at the switch', () => {
    const r = pay(SCHEME, base, '2026-01', '2026-03');
    // hunter: January and his part of February, settled in February
    expect(paid(r, 'ann', '2026-02', 'hunt_quarter')).toBe('46.00'); // (3,000 + 1,600) x 1 %
    expect(paid(r, 'ann', '2026-03', 'hunt_quarter')).toBe('0.00');
    // farmer: from 16 February to the quarter's end
    expect(paid(r, 'ann', '2026-03', 'farm_quarter')).toBe('60.00'); // (2,000 + 4,000) x 1 %
    // labelled with the quarter it settles, as a leaver's last line is
    expect(linesOf(r, 'ann', '2026-02', 'hunt_quarter')[0].period).toBe('2026-Q1');
  });

  it("measures a plan's attainment on his days in the role, against a quota prorated to them", () => {
    const r = pay(SCHEME, base, '2026-02', '2026-02', { explain: true });
    // quota 2,800 x 15/28 = 1,500; revenue 1 to 15 February 1,600: 106.7 %
    expect(paid(r, 'ann', '2026-02', 'hunt_quota')).toBe('500.00');
    // bo is a hunter all month (reps.csv role, no assignments): 1,000 / 2,800
    expect(paid(r, 'bo', '2026-02', 'hunt_quota')).toBe('0.00');
    const explain = linesOf(r, 'ann', '2026-02', 'hunt_base')[0].explain!;
    expect(explain.measure).toContain('as hunter 15 of 28 days');
  });

  it('pays both plans in full where his assignments overlap (a stack)', () => {
    const rows: Rows = { ...base, assignments: [{ rep_id: 'ann', role: 'hunter' }, { rep_id: 'ann', role: 'lead', from: '2026-02-01' }] };
    const yaml = `${SCHEME}  - {id: lead_base, type: salary, roles: [lead], amount: 700}\n`;
    const r = pay(yaml, rows, '2026-01', '2026-02');
    expect(paid(r, 'ann', '2026-01', 'lead_base')).toBe('0.00');
    expect(paid(r, 'ann', '2026-02', 'lead_base')).toBe('700.00');
    expect(paid(r, 'ann', '2026-02', 'hunt_base')).toBe('2800.00');
    expect(paid(r, 'ann', '2026-02', 'hunt_rate')).toBe('360.00'); // both February sales
  });

  it("replaces reps.csv's role for a rep who has assignments", () => {
    const rows: Rows = { ...base, assignments: [{ rep_id: 'ann', role: 'farmer' }] };
    const r = pay(SCHEME, rows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hunt_base')).toBe('0.00');
    expect(paid(r, 'ann', '2026-02', 'farm_base')).toBe('1400.00');
  });

  it("heads each month of payout's table with the roles he held in it, not reps.csv's (QA: a month as farmer headed hunter)", () => {
    const r = pay(SCHEME, base, '2026-01', '2026-03');
    const table = renderPayoutTable(r, new Chalk({ level: 0 }), { explain: true });
    expect(table).toContain('ann (hunter) · 2026-01');
    expect(table).toContain('ann (hunter, farmer) · 2026-02');
    expect(table).toContain('ann (farmer) · 2026-03');
    // a rep without assignments: reps.csv's role
    expect(table).toContain('bo (hunter) · 2026-02');
  });

  it('settles a plan at the end of each stint when he leaves it and comes back', () => {
    const rows: Rows = {
      ...base,
      assignments: [
        { rep_id: 'ann', role: 'hunter', to: '2026-01-31' },
        { rep_id: 'ann', role: 'farmer', from: '2026-02-01', to: '2026-02-28' },
        { rep_id: 'ann', role: 'hunter', from: '2026-03-01' },
      ],
    };
    const r = pay(SCHEME, rows, '2026-01', '2026-03');
    expect(paid(r, 'ann', '2026-01', 'hunt_quarter')).toBe('30.00'); // January's 3,000
    expect(paid(r, 'ann', '2026-02', 'hunt_base')).toBe('0.00');
    expect(paid(r, 'ann', '2026-02', 'farm_quarter')).toBe('36.00'); // February's 3,600
    expect(paid(r, 'ann', '2026-03', 'hunt_quarter')).toBe('40.00'); // March's 4,000 only: January was settled
  });
});

describe("a team's override on the days its lead holds the role", () => {
  it("counts his team's sales from the day he leads it", () => {
    const yaml = `
name: lead
currency: EUR
roles: [lead]
components:
  - {id: override, type: override, roles: [lead], measure: revenue, rate: 10%}
`;
    const rows: Rows = {
      reps: [{ id: 'lee' }, { id: 'ann', manager: 'lee' }],
      clients: [{ id: 'c1', owner: 'ann' }],
      transactions: [
        { date: '2026-02-10', client_id: 'c1', revenue: 1000 },
        { date: '2026-02-20', client_id: 'c1', revenue: 2000 },
      ],
      assignments: [{ rep_id: 'lee', role: 'lead', from: '2026-02-16' }],
    };
    const r = pay(yaml, rows, '2026-02');
    expect(paid(r, 'lee', '2026-02', 'override')).toBe('200.00');
  });
});

describe('overlay credit: an AE and an SE on the same deal', () => {
  const yaml = `
name: overlay
currency: EUR
roles: [ae, se]
credit:
  - split: {seller: 100%}
    overlay: {se: 100%}
components:
  - {id: ae_rate, type: commission, roles: [ae], measure: revenue, rate: 10%}
  - {id: se_rate, type: commission, roles: [se], measure: revenue, rate: 2%}
`;
  const rows: Rows = {
    reps: [{ id: 'ae1', role: 'ae' }, { id: 'se1', role: 'se' }],
    clients: [{ id: 'c1', owner: 'ae1' }, { id: 'c2', owner: 'ae1' }],
    transactions: [
      { date: '2026-02-10', client_id: 'c1', revenue: 1000 },
      { date: '2026-02-12', client_id: 'c2', revenue: 500 },
    ],
    credits: [{ client_id: 'c1', rep_id: 'se1', role: 'se' }],
  };

  it('credits the SE with the whole deal as well as the AE, and nobody where no SE is named', () => {
    const r = pay(yaml, rows, '2026-02');
    expect(paid(r, 'ae1', '2026-02', 'ae_rate')).toBe('150.00'); // both deals, in full
    expect(paid(r, 'se1', '2026-02', 'se_rate')).toBe('20.00'); // c1 only, in full
  });

  it('refuses an overlay share above 100 % and a role both in the split and the overlay', () => {
    const bad = yaml.replace('overlay: {se: 100%}', 'overlay: {se: 150%, seller: 50%}');
    expect(() => pay(bad, rows, '2026-02')).toThrow(/overlay share is above 0 and at most 100 %[\s\S]*'seller' is in the split and in the overlay/);
  });
});

describe('days held', () => {
  it('merges spans that overlap or touch, and reads stints of months', () => {
    const spans = mergeSpans([
      { from: day('2026-03-01'), to: day('2026-03-31') },
      { from: day('2026-01-01'), to: day('2026-01-10') },
      { from: day('2026-01-11'), to: day('2026-01-20') },
    ]);
    expect(spans).toEqual([
      { from: day('2026-01-01'), to: day('2026-01-20') },
      { from: day('2026-03-01'), to: day('2026-03-31') },
    ]);
    expect(daysWithin(spans, day('2026-01-15'), day('2026-03-02'))).toBe(8);
    expect(stintOf(spans, month('2026-01'))).toEqual({ first: month('2026-01'), last: month('2026-01') });
    expect(stintOf(spans, month('2026-02'))).toBeUndefined();
    expect(stintOf(spans, month('2026-03'))).toEqual({ first: month('2026-03'), last: month('2026-03') });
  });

  it('gives all days to a role held over his whole employment, and none to a role he never holds', () => {
    const rep = { id: 'a', name: 'a', role: undefined, manager: undefined, start: day('2026-01-05'), end: undefined, columns: {}, assignments: [{ role: 'x', from: day('2025-01-01'), to: undefined }] };
    expect(roleDays(rep, ['x'])).toBe('all');
    expect(roleDays(rep, ['y'])).toBe('none');
  });
});

describe('assignments.csv mistakes', () => {
  const read = (rows: string[][]) => {
    const b = new DatasetBuilder();
    b.table('reps', 'reps.csv', ['id', 'start_date', 'end_date'])!({ line: 2, cells: ['ann', '2026-01-01', '2026-06-30'] });
    const take = b.table('assignments', 'assignments.csv', ['rep_id', 'role', 'from', 'to'])!;
    rows.forEach((cells, i) => take({ line: i + 2, cells, columns: [1, 2, 3, 4] }));
    return b.finish().problems;
  };

  it('places a role that ends before it starts, a rep nobody knows, and a role held outside his employment', () => {
    const problems = read([
      ['ann', 'ae', '2026-03-01', '2026-02-01'],
      ['anne', 'ae', '', ''],
      ['ann', 'se', '2026-07-01', ''],
    ]);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => `${p.code} ${p.severity ?? 'error'} ${p.column}: ${p.message}`);
    expect(at(2)).toEqual(['inconsistent-dates error 4: to: 2026-02-01 is before from 2026-03-01']);
    expect(at(3).join()).toMatch(/unknown-id error 1: .*'anne'.*did you mean 'ann'/);
    expect(at(4)).toEqual(["inconsistent-dates warning 3: rep 'ann' holds 'se' from 2026-07-01, after he left on 2026-06-30: it pays nothing"]);
  });

  it("warns of an assigned role the scheme does not declare, with a did-you-mean", () => {
    const rows: Rows = { ...base, assignments: [{ rep_id: 'ann', role: 'farmr' }] };
    const warnings = dataProblems(schemeOf(SCHEME), datasetOf(rows)).map((p) => `${p.line}: ${p.message}`);
    expect(warnings).toEqual(["2: rep 'ann' is assigned role 'farmr', which the scheme does not declare; did you mean 'farmer'?: no role-bound component pays him for it"]);
  });
});

describe('a view of a rep in a role, as the simulation grows his ledger', () => {
  it('is cut again after the engine forgets its caches, and sees the new sale', async () => {
    const { buildLedger, ledgerTx } = await import('../../src/core/payout/ledger.js');
    const { PayoutEngine } = await import('../../src/core/payout/engine.js');
    const { exactArith } = await import('../../src/core/money/arith.js');
    const R = await import('../../src/core/money/rational.js');
    const scheme = schemeOf(SCHEME);
    const data = datasetOf(base);
    const ledger = buildLedger(scheme, data, exactArith);
    const engine = new PayoutEngine(scheme, ledger, data.reps, { A: exactArith, explain: false, dataFrom: month('2026-01') });
    const ann = data.reps.find((r) => r.id === 'ann')!;
    const farmer = scheme.components.find((c) => c.id === 'farm_rate')!;
    expect(engine.payer(ann).payMonth(month('2026-03')).lines.find((l) => l.component === farmer.id)!.amount).toEqual(R.q(200));
    // a sale of 10 March added to his ledger, as the simulation books one
    const sale = ledgerTx('new', 'c1', day('2026-03-10'), month('2026-03'), R.ONE, R.q(1000), R.ZERO, R.q(1000), undefined, day('2026-03-10'), { category: 'active', isNew: false, ageActivation: 10, ageSigning: 10, segment: undefined });
    const led = ledger.reps.get('ann')!;
    led.txByMonth.get(month('2026-03'))!.push(sale);
    led.all.push(sale);
    engine.clearCache();
    expect(engine.payer(ann).payMonth(month('2026-03')).lines.find((l) => l.component === farmer.id)!.amount).toEqual(R.q(250));
  });
});

describe('what each plan of a rep on several reads (review of issue 17 part 4)', () => {
  const switchRows: Rows = {
    reps: [{ id: 'ann' }],
    clients: [{ id: 'c1', owner: 'ann' }],
    transactions: [{ date: '2026-02-05', client_id: 'c1', revenue: 1000 }],
    assignments: [
      { rep_id: 'ann', role: 'hunter', to: '2026-02-15' },
      { rep_id: 'ann', role: 'farmer', from: '2026-02-16' },
    ],
  };

  it("tops a plan's draw up against that plan's variable pay only", () => {
    const yaml = `
name: draws
currency: EUR
roles: [hunter, farmer]
components:
  - {id: hr, type: commission, roles: [hunter], measure: revenue, rate: 10%}
  - {id: hd, type: draw, roles: [hunter], amount: 1000, recoverable: false}
  - {id: fd, type: draw, roles: [farmer], amount: 1000, recoverable: false}
`;
    const r = pay(yaml, switchRows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('435.71'); // 1,000 x 15/28 = 535.71, less the hunter commission of 100
    expect(paid(r, 'ann', '2026-02', 'fd')).toBe('464.29'); // 1,000 x 13/28: the farmer plan earned nothing
  });

  it("recovers a plan's recoverable draw from that plan's pay, not from the plan he moved to", () => {
    const yaml = `
name: recover
currency: EUR
roles: [hunter, farmer]
components:
  - {id: hr, type: commission, roles: [hunter], measure: revenue, rate: 10%}
  - {id: fr, type: commission, roles: [farmer], measure: revenue, rate: 10%}
  - {id: hd, type: draw, roles: [hunter], amount: 1000, recoverable: true}
`;
    const rows: Rows = {
      ...switchRows,
      transactions: [
        { date: '2026-01-10', client_id: 'c1', revenue: 2000 },
        { date: '2026-02-20', client_id: 'c1', revenue: 9000 },
      ],
    };
    const r = pay(yaml, rows, '2026-01', '2026-02');
    expect(paid(r, 'ann', '2026-01', 'hd')).toBe('800.00');
    expect(paid(r, 'ann', '2026-02', 'hd')).toBe('535.71'); // his hunter days earned nothing: topped up, nothing recovered from the farmer's 900
    expect(paid(r, 'ann', '2026-02', 'fr')).toBe('900.00');
  });

  it('shows a quota prorated finer than the currency with its decimals, so the percentage reads from its figures', () => {
    const yaml = `
name: prorated quota
currency: EUR
roles: [hunter, farmer]
plans:
  quota: {measure: revenue, monthly: 10000}
components:
  - {id: fb, type: bonus, roles: [farmer], plan: quota, threshold: 100%, amount: 100}
`;
    const rows: Rows = { ...switchRows, transactions: [{ date: '2026-02-20', client_id: 'c1', revenue: '4642.86' }] };
    const r = pay(yaml, rows, '2026-02', '2026-02', { explain: true });
    // 10,000 x 13/28 = 4,642.857142...: shown as 4,642.86 it read '4,642.86 / 4,642.86 = 100.0001 %'
    expect(linesOf(r, 'ann', '2026-02', 'fb')[0].explain!.basis).toContain('4,642.86 / 4,642.8571 = 100.0001 %');
  });

  it("multiplies a plan's component by that plan's attainment, even from a multiplier bound to no role", () => {
    const yaml = `
name: accelerate
currency: EUR
roles: [hunter, farmer]
plans:
  quota: {measure: revenue, monthly: 3000}
components:
  - {id: hq, type: commission, roles: [hunter], period: quarter, measure: revenue, rate: 10%}
  - id: acc
    type: multiplier
    applies_to: [hq]
    plan: quota
    bands:
      - {from: 0, to: 100%, factor: 1}
      - {from: 100%, factor: 2}
`;
    const rows: Rows = {
      ...switchRows,
      transactions: [
        { date: '2026-01-20', client_id: 'c1', revenue: 3000 },
        { date: '2026-02-10', client_id: 'c1', revenue: 1600 },
        { date: '2026-02-20', client_id: 'c1', revenue: 2000 },
      ],
    };
    const r = pay(yaml, rows, '2026-02', '2026-02', { explain: true });
    expect(paid(r, 'ann', '2026-02', 'hq')).toBe('460.00'); // settled at the switch: 4,600 x 10 %
    // 4,600 of his hunter days against 3,000 + 3,000 x 15/28 = 4,607.14: 99.8 %, below the accelerator
    expect(paid(r, 'ann', '2026-02', 'acc')).toBe('0.00');
    expect(linesOf(r, 'ann', '2026-02', 'acc')[0].explain!.basis).toContain('4,600.00 / 4,607.1429');
  });

  it('shares a quota plans.csv gives for the month between his plans by their days', () => {
    const yaml = `
name: quotas
currency: EUR
roles: [hunter, farmer]
plans:
  quota: {measure: revenue, column: quota}
components:
  - {id: hb, type: bonus, roles: [hunter], plan: quota, threshold: 100%, amount: 500}
  - {id: fb, type: bonus, roles: [farmer], plan: quota, threshold: 100%, amount: 500}
`;
    const rows: Rows = {
      ...switchRows,
      transactions: [
        { date: '2026-02-10', client_id: 'c1', revenue: 1600 },
        { date: '2026-02-20', client_id: 'c1', revenue: 2000 },
      ],
      plans: [{ rep_id: 'ann', month: '2026-02', quota: 2800 }],
    };
    const r = pay(yaml, rows, '2026-02');
    expect(paid(r, 'ann', '2026-02', 'hb')).toBe('500.00'); // 1,600 >= 2,800 x 15/28 = 1,500
    expect(paid(r, 'ann', '2026-02', 'fb')).toBe('500.00'); // 2,000 >= 2,800 x 13/28 = 1,300
  });

  it('credits an overlay role held twice in credits.csv once, in full', () => {
    const yaml = `
name: overlay twice
currency: EUR
roles: [se]
credit:
  - split: {seller: 100%}
    overlay: {se: 100%}
components:
  - {id: se_rate, type: commission, roles: [se], measure: revenue, rate: 10%}
`;
    const rows: Rows = {
      reps: [{ id: 'ae' }, { id: 's1', role: 'se' }],
      clients: [{ id: 'c1', owner: 'ae' }],
      transactions: [{ date: '2026-02-10', client_id: 'c1', revenue: 1000 }],
      credits: [
        { client_id: 'c1', rep_id: 's1', role: 'se' },
        { client_id: 'c1', rep_id: 's1', role: 'se' },
      ],
    };
    expect(paid(pay(yaml, rows, '2026-02'), 's1', '2026-02', 'se_rate')).toBe('100.00');
  });

  it("warns when a rep's assignments drop his reps.csv role", async () => {
    const { DatasetBuilder } = await import('../../src/core/data/builder.js');
    const b = new DatasetBuilder();
    b.table('reps', 'reps.csv', ['id', 'role'])!({ line: 2, cells: ['ana', 'ae'] });
    b.table('assignments', 'assignments.csv', ['rep_id', 'role', 'from'])!({ line: 2, cells: ['ana', 'team_lead', '2026-07-16'] });
    const warnings = b.finish().problems.map((p) => p.message);
    expect(warnings).toContain("rep 'ana' has role 'ae' in reps.csv, but his assignments.csv rows name only 'team_lead': they replace his reps.csv role, so components for 'ae' do not pay him");
  });

  it("keeps the engine's measures of a rep's old cuts no longer than the cut (the simulation cuts again after each clearCache)", async () => {
    const { buildLedger } = await import('../../src/core/payout/ledger.js');
    const { PayoutEngine } = await import('../../src/core/payout/engine.js');
    const { exactArith } = await import('../../src/core/money/arith.js');
    const scheme = schemeOf(SCHEME);
    const data = datasetOf(base);
    const engine = new PayoutEngine(scheme, buildLedger(scheme, data, exactArith), data.reps, { A: exactArith, explain: false, dataFrom: month('2026-01') });
    const ann = data.reps.find((r) => r.id === 'ann')!;
    for (let i = 0; i < 50; i++) {
      engine.payer(ann).payMonth(month('2026-02'));
      engine.clearCache();
    }
    const cache = (engine as unknown as { measureCache: Map<unknown, unknown> }).measureCache;
    expect(cache.size).toBeLessThanOrEqual(data.reps.length + 4);
  });
});

describe("a statement's attainment for a rep on several plans", () => {
  it('reads each plan he held in the month on its own days, beside the whole month', async () => {
    const { engineReadings } = await import('../../src/core/statements/engine-readings.js');
    const R = await import('../../src/core/money/rational.js');
    const readings = engineReadings(schemeOf(SCHEME), datasetOf(base), month('2026-02'));
    const shown = readings.attainments('ann', month('2026-02')).map((a) => `${a.plan}${a.role ? ` as ${a.role}` : ''}: ${R.toDecimalString(a.actual)} / ${R.toDecimalString(a.planned)}`);
    expect(shown).toEqual(['quota: 3600 / 2800', 'quota as hunter: 1600 / 1500', 'quota as farmer: 2000 / 1300']);
  });
});
