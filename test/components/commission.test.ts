import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';

const oneClient = (txs: { date: string; revenue: number | string; cost?: number | string }[]): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: txs.map((t, i) => ({ id: `t${i}`, date: t.date, client_id: 'c1', revenue: t.revenue, cost: t.cost ?? 0 })),
});

const scheme = (components: string, extra = '') => `
name: commission
currency: EUR
${extra}
components:
${components}
`;

describe('commission: flat rate', () => {
  it('pays a flat rate on the month revenue, rounded half-up once per line', () => {
    // (1000 + 234.56) x 5 % = 61.728 -> 61.73
    const r = pay(scheme('  - {id: c, type: commission, measure: revenue, rate: 5%}'), oneClient([
      { date: '2026-03-02', revenue: 1000 },
      { date: '2026-03-20', revenue: '234.56' },
      { date: '2026-04-01', revenue: 9999 },
    ]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('61.73');
  });

  it('pays on gross profit (revenue minus cost)', () => {
    // (1000 - 600) x 10 % = 40
    const r = pay(scheme('  - {id: c, type: commission, measure: gross_profit, rate: 0.1}'), oneClient([{ date: '2026-03-02', revenue: 1000, cost: 600 }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('40.00');
  });

  it('takes refunds off the base', () => {
    const r = pay(scheme('  - {id: c, type: commission, measure: revenue, rate: 10%}'), oneClient([
      { date: '2026-03-02', revenue: 1000 },
      { date: '2026-03-05', revenue: -250 },
    ]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('75.00');
  });

  it('pays a quarterly commission on the quarter revenue in its last month', () => {
    const r = pay(scheme('  - {id: c, type: commission, period: quarter, measure: revenue, rate: 10%}'), oneClient([
      { date: '2026-01-10', revenue: 100 },
      { date: '2026-02-10', revenue: 200 },
      { date: '2026-03-10', revenue: 300 },
    ]), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-01', 'c')).toBe('0.00');
    expect(paid(r, 'a', '2026-02', 'c')).toBe('0.00');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('60.00');
  });

  it('changes a dated rate from the month it takes effect', () => {
    const yaml = scheme(`  - id: c
    type: commission
    measure: revenue
    rate:
      - {value: 5%}
      - {from: 2026-03, value: 6%}`);
    const r = pay(yaml, oneClient([
      { date: '2026-02-10', revenue: 1000 },
      { date: '2026-03-10', revenue: 1000 },
    ]), '2026-02', '2026-03');
    expect(paid(r, 'a', '2026-02', 'c')).toBe('50.00');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('60.00');
  });
});

describe('commission: filters', () => {
  // n1 signed 5 March and active from 20 March; s1 signed in January, never active; o1 an old active client
  const rows: Rows = {
    reps: [{ id: 'a' }],
    clients: [
      { id: 'n1', owner: 'a', segment: 'key', signed_date: '2026-03-05', activated_date: '2026-03-20' },
      { id: 's1', owner: 'a', segment: 'medium', signed_date: '2026-01-15' },
      { id: 'o1', owner: 'a', segment: 'medium', signed_date: '2025-01-01', activated_date: '2025-02-01' },
    ],
    transactions: [
      { id: 't1', date: '2026-03-10', client_id: 'n1', revenue: 100, cost: 0 }, // new, signed
      { id: 't2', date: '2026-03-25', client_id: 'n1', revenue: 1000, cost: 0 }, // new, active
      { id: 't3', date: '2026-03-12', client_id: 's1', revenue: 300, cost: 0 }, // signed
      { id: 't4', date: '2026-03-15', client_id: 'o1', revenue: 2000, cost: 0 }, // active
    ],
  };

  it('filters by client category: new (signed this month), signed (not yet active), active, or several', () => {
    const yaml = scheme(`  - {id: on_new, type: commission, measure: revenue, filter: {category: new}, rate: 10%}
  - {id: on_signed, type: commission, measure: revenue, filter: {category: signed}, rate: 10%}
  - {id: on_active, type: commission, measure: revenue, filter: {category: active}, rate: 10%}
  - {id: on_new_or_signed, type: commission, measure: revenue, filter: {category: [new, signed]}, rate: 10%}`);
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'on_new')).toBe('110.00'); // 100 + 1000
    expect(paid(r, 'a', '2026-03', 'on_signed')).toBe('40.00'); // 100 + 300
    expect(paid(r, 'a', '2026-03', 'on_active')).toBe('300.00'); // 1000 + 2000
    expect(paid(r, 'a', '2026-03', 'on_new_or_signed')).toBe('140.00'); // 100 + 1000 + 300
  });

  it('filters by segment', () => {
    const yaml = scheme(`  - {id: key, type: commission, measure: revenue, filter: {segment: key}, rate: 10%}
  - {id: medium, type: commission, measure: revenue, filter: {segment: [medium, small]}, rate: 1%}`);
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'key')).toBe('110.00');
    expect(paid(r, 'a', '2026-03', 'medium')).toBe('23.00');
  });

  it('pays 30 % for months 1-3 after activation and 2 % from month 4 (age_months since activation)', () => {
    const yaml = scheme(`  - {id: early, type: commission, measure: gross_profit, filter: {age_months: {from: 1, to: 3}}, rate: 30%}
  - {id: later, type: commission, measure: gross_profit, filter: {age_months: {from: 4}}, rate: 2%}`);
    const data: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-20' }],
      transactions: ['2026-01-25', '2026-02-10', '2026-03-10', '2026-04-10'].map((date, i) => ({ id: `t${i}`, date, client_id: 'c1', revenue: 1000, cost: 500 })),
    };
    const r = pay(yaml, data, '2026-01', '2026-04');
    for (const m of ['2026-01', '2026-02', '2026-03']) {
      expect(paid(r, 'a', m, 'early')).toBe('150.00');
      expect(paid(r, 'a', m, 'later')).toBe('0.00');
    }
    expect(paid(r, 'a', '2026-04', 'early')).toBe('0.00');
    expect(paid(r, 'a', '2026-04', 'later')).toBe('10.00');
  });

  it('counts age_months since signing when told to', () => {
    // signed 28 January, active only from March: month 1 since signing is January, month 2 February
    const yaml = scheme(`  - {id: first, type: commission, measure: revenue, filter: {age_months: {to: 1}, since: signing}, rate: 50%}
  - {id: after, type: commission, measure: revenue, filter: {age_months: {from: 2}, since: signing}, rate: 5%}`);
    const data: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', signed_date: '2026-01-28', activated_date: '2026-03-03' }],
      transactions: [
        { id: 't1', date: '2026-01-30', client_id: 'c1', revenue: 100, cost: 0 },
        { id: 't2', date: '2026-02-10', client_id: 'c1', revenue: 200, cost: 0 },
      ],
    };
    const r = pay(yaml, data, '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'first')).toBe('50.00');
    expect(paid(r, 'a', '2026-01', 'after')).toBe('0.00');
    expect(paid(r, 'a', '2026-02', 'first')).toBe('0.00');
    expect(paid(r, 'a', '2026-02', 'after')).toBe('10.00');
  });

  it('does not count a sale before the client is signed as any category', () => {
    const yaml = scheme(`  - {id: any, type: commission, measure: revenue, filter: {category: [new, signed, active]}, rate: 10%}
  - {id: all, type: commission, measure: revenue, rate: 10%}`);
    const data: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'p1', owner: 'a', signed_date: '2026-04-20' }],
      transactions: [{ id: 't1', date: '2026-03-10', client_id: 'p1', revenue: 500, cost: 0 }],
    };
    const r = pay(yaml, data, '2026-03');
    expect(paid(r, 'a', '2026-03', 'any')).toBe('0.00');
    expect(paid(r, 'a', '2026-03', 'all')).toBe('50.00');
  });
});

describe('commission: tiers', () => {
  const plan = `plans:
  revenue_plan: {measure: revenue, monthly: 10000}`;
  const tiered = (mode: string, bands: string) =>
    scheme(
      `  - id: c
    type: commission
    measure: revenue
    tiers:
      plan: revenue_plan
      mode: ${mode}
      bands:
${bands}`,
      plan,
    );
  const accelerating = `        - {from: 0, to: 100%, rate: 5%}
        - {from: 100%, to: 150%, rate: 10%}
        - {from: 150%, rate: 15%}`;

  it('pays marginal tiers band by band: 10,000 at 5 %, 5,000 at 10 %, 1,000 at 15 % for 16,000 of a 10,000 plan', () => {
    const r = pay(tiered('marginal', accelerating), oneClient([{ date: '2026-03-10', revenue: 16000 }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('1150.00');
  });

  it('pays marginal tiers below the first edge at the first rate only', () => {
    const r = pay(tiered('marginal', accelerating), oneClient([{ date: '2026-03-10', revenue: '9999.99' }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('500.00'); // 499.9995 -> 500.00
  });

  it('explains marginal bands finer than the cent as they are, the line rounded once on its total (QA: 15.50 + 0.01 for a line of 15.50)', () => {
    const bands = `        - {from: 0, to: 10.33%, rate: 1.5%}
        - {from: 10.33%, rate: 2.5%}`;
    const r = pay(tiered('marginal', bands), oneClient([{ date: '2026-03-10', revenue: '1033.20' }]), '2026-03', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-03', 'c')).toBe('15.50');
    expect(linesOf(r, 'a', '2026-03', 'c')[0].explain?.arithmetic).toBe('band 0 % to 10.33 %: 1,033.00 × 1.5 % = 15.495; band 10.33 % and above: 0.20 × 2.5 % = 0.005; total 15.50, rounded once');
  });

  it('pays retroactive tiers on the whole amount at the rate of the band reached', () => {
    const at16 = pay(tiered('retroactive', accelerating), oneClient([{ date: '2026-03-10', revenue: 16000 }]), '2026-03');
    expect(paid(at16, 'a', '2026-03', 'c')).toBe('2400.00');
    const at12 = pay(tiered('retroactive', accelerating), oneClient([{ date: '2026-03-10', revenue: 12000 }]), '2026-03');
    expect(paid(at12, 'a', '2026-03', 'c')).toBe('1200.00');
    // exactly at an edge: the band that starts there (from inclusive, to exclusive)
    const at10 = pay(tiered('retroactive', accelerating), oneClient([{ date: '2026-03-10', revenue: 10000 }]), '2026-03');
    expect(paid(at10, 'a', '2026-03', 'c')).toBe('1000.00');
  });

  it('pays a decelerator band above plan at its lower rate, marginally', () => {
    // 10,000 at 10 % + 5,000 at 5 % = 1,250
    const bands = `        - {from: 0, to: 100%, rate: 10%}
        - {from: 100%, rate: 5%}`;
    const r = pay(tiered('marginal', bands), oneClient([{ date: '2026-03-10', revenue: 15000 }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('1250.00');
  });

  it('pays nothing below the first band of a retroactive schedule that starts above zero', () => {
    const bands = `        - {from: 50%, to: 100%, rate: 5%}
        - {from: 100%, rate: 10%}`;
    const r = pay(tiered('retroactive', bands), oneClient([{ date: '2026-03-10', revenue: 4000 }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('0.00');
  });

  it('pays tiers on a measure rather than a plan (marginal and retroactive)', () => {
    const onMeasure = (mode: string) =>
      scheme(`  - id: c
    type: commission
    measure: revenue
    tiers:
      measure: revenue
      mode: ${mode}
      bands:
        - {from: 0, to: 5000, rate: 2%}
        - {from: 5000, rate: 4%}`);
    const data = oneClient([{ date: '2026-03-10', revenue: 8000 }]);
    expect(paid(pay(onMeasure('marginal'), data, '2026-03'), 'a', '2026-03', 'c')).toBe('220.00'); // 100 + 120
    expect(paid(pay(onMeasure('retroactive'), data, '2026-03'), 'a', '2026-03', 'c')).toBe('320.00');
  });

  it('tiers gross profit by the number of deals, each band taking its share of the base', () => {
    // 12 deals; the first 10 at 10 %, the other 2 at 20 %: GP 1200 x (10/12 x 10 % + 2/12 x 20 %) = 100 + 40
    const yaml = (mode: string) =>
      scheme(`  - id: c
    type: commission
    measure: gross_profit
    tiers:
      measure: deals
      mode: ${mode}
      bands:
        - {from: 0, to: 10, rate: 10%}
        - {from: 10, rate: 20%}`);
    const data = oneClient(Array.from({ length: 12 }, (_, i) => ({ date: `2026-03-${String(i + 1).padStart(2, '0')}`, revenue: 200, cost: 100 })));
    expect(paid(pay(yaml('marginal'), data, '2026-03'), 'a', '2026-03', 'c')).toBe('140.00');
    expect(paid(pay(yaml('retroactive'), data, '2026-03'), 'a', '2026-03', 'c')).toBe('240.00');
  });

  it('changes a band rate from the month it takes effect', () => {
    const bands = `        - {from: 0, to: 100%, rate: [{value: 5%}, {from: 2026-04, value: 4%}]}
        - {from: 100%, rate: 10%}`;
    const data = oneClient([
      { date: '2026-03-10', revenue: 12000 },
      { date: '2026-04-10', revenue: 12000 },
    ]);
    const r = pay(tiered('marginal', bands), data, '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('700.00'); // 500 + 200
    expect(paid(r, 'a', '2026-04', 'c')).toBe('600.00'); // 400 + 200
  });

  describe('marginal tiers measure each band from 0 and net a refund at the rate of the band at 0', () => {
    const onRevenue = (first: string, second = '{from: 10000, rate: 4%}') =>
      scheme(`  - id: c
    type: commission
    measure: revenue
    tiers:
      measure: revenue
      bands:
        - ${first}
        - ${second}`);

    it('warns that an edge below 0 pays as 0 does, and refuses a band wholly below 0 (validate)', () => {
      const warned = loadScheme('s.yaml', onRevenue('{from: -1000, to: 10000, rate: 2%}'));
      expect(warned.scheme).toBeDefined();
      expect(warned.problems.map((p) => [p.severity, p.code, p.line, p.message])).toEqual([
        ['warning', 'bad-value', 12, "band 1 starts below 0 (from: -1000): marginal tiers count a band's part from 0 and pay a basis below 0 (a refund month) at this band's rate anyway, so this edge pays as 'from: 0' does"],
      ]);
      const refused = loadScheme('s.yaml', onRevenue('{from: -1000, to: 0, rate: 1%}', '{from: 0, rate: 2%}'));
      expect(refused.scheme).toBeUndefined();
      expect(refused.problems.map((p) => [p.severity, p.code, p.line])).toEqual([['error', 'bad-value', 12]]);
      // retroactive tiers pay the band the basis is in: an edge below 0 means something there
      expect(loadScheme('s.yaml', onRevenue('{from: -1000, to: 0, rate: 1%}', '{from: 0, rate: 2%}').replace('bands:', 'mode: retroactive\n      bands:')).problems).toEqual([]);
    });

    it('pays 30,000 on bands from -1,000 to 10,000 at 2 % and above at 4 % exactly 1,000 (the part below 0 is no part of the month)', () => {
      // 10,000 x 2 % + 20,000 x 4 %; the old rule counted 11,000 at 2 % and paid 1,020
      const r = pay(onRevenue('{from: -1000, to: 10000, rate: 2%}'), oneClient([{ date: '2026-03-10', revenue: 30000 }]), '2026-03');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('1000.00');
    });

    it('pays a first band from -1,000,000,000 as a band from 0 (it paid 20,001,000 on 30,000)', () => {
      const r = pay(onRevenue('{from: -1000000000, to: 10000, rate: 2%}'), oneClient([{ date: '2026-03-10', revenue: 30000 }]), '2026-03');
      expect(paid(r, 'a', '2026-03', 'c')).toBe('1000.00');
    });

    it('nets a refund month at the rate of the band that holds 0, as a flat rate would (it paid 0)', () => {
      const data = oneClient([
        { date: '2026-04-03', revenue: 2000 },
        { date: '2026-04-20', revenue: -2500 },
      ]);
      expect(paid(pay(onRevenue('{from: 0, to: 10000, rate: 2%}'), data, '2026-04'), 'a', '2026-04', 'c')).toBe('-10.00'); // -500 x 2 %
      expect(paid(pay(onRevenue('{from: -100, to: 10000, rate: 2%}'), data, '2026-04'), 'a', '2026-04', 'c')).toBe('-10.00'); // beyond the edge: the same band
    });

    it('takes nothing back in a refund month when no band holds 0 (nothing is paid below the first band either)', () => {
      const r = pay(onRevenue('{from: 5000, to: 10000, rate: 2%}'), oneClient([{ date: '2026-04-20', revenue: -2500 }]), '2026-04');
      expect(paid(r, 'a', '2026-04', 'c')).toBe('0.00');
    });

    it('nets a refund under tiers on plan attainment at the first band\'s rate, and says so in --explain', () => {
      // revenue -2,000 against a plan of 10,000: attainment -20 %, the band at 0 pays 5 %
      const r = pay(tiered('marginal', accelerating), oneClient([{ date: '2026-03-10', revenue: -2000 }]), '2026-03', '2026-03', { explain: true });
      expect(paid(r, 'a', '2026-03', 'c')).toBe('-100.00');
      const line = r.rows.find((x) => x.rep === 'a')!.lines.find((l) => l.component === 'c')!;
      expect(line.explain?.band).toBe('band 0 % to 100 % (the band at 0: a basis below 0 nets at its rate)');
    });
  });

  it('pays tiers on a seasonal plan against the month plan', () => {
    // March plan 10,000 x 1.2 = 12,000: 12,000 at 5 % + 3,000 at 10 %
    const yaml = scheme(
      `  - id: c
    type: commission
    measure: revenue
    tiers:
      plan: revenue_plan
      bands:
        - {from: 0, to: 100%, rate: 5%}
        - {from: 100%, rate: 10%}`,
      `plans:
  revenue_plan: {measure: revenue, monthly: 10000, seasonality: {mar: 1.2, apr: 0.8}}`,
    );
    const r = pay(yaml, oneClient([{ date: '2026-03-10', revenue: 15000 }]), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('900.00');
  });
});
