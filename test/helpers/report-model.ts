import type { Bucket, FanSeries, ReportModel, ReportScheme, ReportWinners } from '../../src/cli/render/report-model.js';

/** a scheme name that would break the page if any text were not escaped */
export const HOSTILE_NAME = `Freight "new" </script><b>x</b> & 'co'`;

/** a small deterministic generator (no Math.random in tests either) */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function months(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** a fan that grows by `growth` a month and widens with time */
function fan(start: number, growth: number, spread: number): FanSeries {
  const p50 = Array.from({ length: 12 }, (_, i) => Math.round(start * (1 + growth) ** i));
  return {
    p5: p50.map((v, i) => Math.round(v * (1 - spread * Math.sqrt(i + 1)))),
    p50,
    p95: p50.map((v, i) => Math.round(v * (1 + spread * Math.sqrt(i + 1)))),
  };
}

/** average monthly pay of 8 reps over 50 runs, around `mean` */
function repPay(seed: number, mean: number, sd: number): number[] {
  const next = stream(seed);
  return Array.from({ length: 400 }, () => {
    // a sum of uniforms is near enough to normal for a histogram
    const z = (next() + next() + next() + next() - 2) * Math.sqrt(3);
    return Math.round((mean + sd * z) * 100) / 100;
  });
}

function winners(baseline: string, scheme: string): ReportWinners {
  const pays: [string, string | undefined, number, number][] = [
    ['r01', 'Anna Petrova', 3200, 3650],
    ['r02', 'Boris Ivanov', 2800, 2900],
    ['r03', 'Carla Mendes', 4100, 4100],
    ['r04', undefined, 3000, 2950],
    ['r05', 'Dmitri Orlov', 3600, 3100],
    ['r06', 'Eva Lindqvist', 2500, 2820],
    ['r07', 'Farid Haddad', 3900, 3400],
    ['r08', 'Grace O\'Neil', 3300, 3390],
  ];
  const bucketOf = (base: number, other: number): Bucket => {
    const change = (other - base) / base;
    if (other === base) return 'unchanged';
    if (change > 0.05) return 'gain_over_5';
    if (change > 0) return 'gain_up_to_5';
    return change < -0.05 ? 'lose_over_5' : 'lose_up_to_5';
  };
  const reps = pays.map(([rep, name, base, other]) => ({ rep, ...(name ? { name } : {}), base, other, change: other - base, bucket: bucketOf(base, other) }));
  const buckets = { gain_over_5: 0, gain_up_to_5: 0, unchanged: 0, lose_up_to_5: 0, lose_over_5: 0 };
  for (const r of reps) buckets[r.bucket]++;
  const base = reps.reduce((s, r) => s + r.base, 0);
  const other = reps.reduce((s, r) => s + r.other, 0);
  return { baseline, scheme, buckets, reps, total: { base, other, change: other - base } };
}

const EFFORT_TABLE = {
  title: 'Run metrics (mean over 200 runs)',
  head: ['metric', 'Freight - lifetime share', HOSTILE_NAME, 'difference', '95 % interval'],
  rows: [
    { cells: ['revenue', '1,284,310.22', '1,301,977.80', '+17,667.58', '-2,110.40 … +37,445.56'], description: 'Revenue of all clients over the horizon', faint: [3, 4] },
    { cells: ['pay_total', '412,880.00', '398,214.35', '-14,665.65', '-19,002.11 … -10,329.19'], description: 'Salary and variable pay of all reps over the horizon' },
    { cells: ['cost_of_sales', '32.1 %', '30.6 %', '-1.5 pp', '-2.0 … -1.0 pp'], description: 'Pay as a share of revenue' },
    { cells: ['clients_signed', '41.3', '44.8', '+3.5', '+1.2 … +5.8'], description: 'Prospects signed' },
    { cells: ['effort.prospect', '53.4 %', '58.0 %', '+4.6 pp', '+3.9 … +5.3 pp'], description: "Share of reps' hours on prospects" },
  ],
  notes: ['faint: the difference is not significant at 95 %', 'paired runs: the intervals are about 3 times narrower than unpaired ones'],
};

/** what `motiv compare` of two simulated schemes would hand the report: every chart has data */
export function simulatedReportModel(): ReportModel {
  const lifetime: ReportScheme = {
    name: 'Freight - lifetime share',
    file: 'schemes/freight-lifetime.yaml',
    effort: { prospect: 0.534, signed: 0.145, active: 0.321, leads: 0, collect: 0 },
    roles: [
      { role: 'hunter', effort: { prospect: 0.748, signed: 0.082, active: 0.17, leads: 0, collect: 0 }, pay: 3380.5 },
      { role: 'farmer', effort: { prospect: 0.02, signed: 0.11, active: 0.87, leads: 0, collect: 0 }, pay: 3105.25 },
    ],
    monthly: { revenue: fan(82000, 0.035, 0.04), pay_total: fan(26500, 0.02, 0.03) },
    repPay: repPay(1, 3300, 420),
  };
  const newClients: ReportScheme = {
    name: HOSTILE_NAME,
    file: 'schemes/freight-new-client.yaml',
    effort: { prospect: 0.58, signed: 0.16, active: 0.23, leads: 0.03, collect: 0 },
    roles: [
      { role: 'hunter', effort: { prospect: 0.81, signed: 0.1, active: 0.07, leads: 0.02, collect: 0 }, pay: 3520 },
      { role: 'farmer', effort: { prospect: 0.05, signed: 0.15, active: 0.76, leads: 0.04, collect: 0 }, pay: 2890.75 },
    ],
    monthly: { revenue: fan(80500, 0.04, 0.05), pay_total: fan(25800, 0.018, 0.045) },
    repPay: repPay(2, 3180, 560),
  };
  return {
    title: `Freight - lifetime share vs ${HOSTILE_NAME}`,
    subtitle: ['scenario: freight (scenarios/freight.yaml)', '200 runs × 12 months from 2026-01, seed 42', 'currency: EUR'],
    currency: 'EUR',
    tables: [EFFORT_TABLE],
    months: months('2026-01', 12),
    schemes: [lifetime, newClients],
    winners: [winners(lifetime.name, newClients.name)],
    notes: ['the scenario sets no cost per hour: cost_of_sales counts pay only', `scheme ${HOSTILE_NAME} has no rule for leads`],
  };
}

/** the charts simulatedReportModel() should get: effort, effort by role, two fans, rep pay, and the two winners charts */
export const SIMULATED_CHARTS = ['effort', 'effort-roles', 'fan-revenue', 'fan-pay', 'rep-pay', 'winners-buckets', 'winners-reps'];

/** what `motiv compare --data` would hand the report: actual results, no simulation */
export function actualReportModel(): ReportModel {
  const full = simulatedReportModel();
  const w = full.winners![0];
  return {
    title: 'Actual results 2026-01 … 2026-03 under two schemes',
    subtitle: ['data: examples/radio (8 reps, 3 months)'],
    currency: 'EUR',
    tables: [{ title: 'Pay (actual data)', head: ['metric', 'baseline', 'other'], rows: [{ cells: ['pay_total', '26,400.00', '25,710.00'] }] }],
    schemes: [
      { name: w.baseline, file: 'a.yaml', repPay: w.reps.map((r) => r.base) },
      { name: w.scheme, file: 'b.yaml', repPay: w.reps.map((r) => r.other) },
    ],
    winners: [w],
  };
}

export const ACTUAL_CHARTS = ['rep-pay', 'winners-buckets', 'winners-reps'];
