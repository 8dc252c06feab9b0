import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';
import { once } from '../helpers/once.js';

/**
 * `simulate --data` and `compare --scenario --data` show the actual months
 * the simulation continues: a line under the heading, a `history` block in
 * JSON, rows in CSV, the actual months before the simulated ones in the
 * charts. Every figure is checked against the dataset's CSV files, read
 * here on their own (plain comma-separated files without quotes), not
 * through motiv's reader.
 */

interface Expected {
  months: string[];
  revenue: number[];
  gross_profit: number[];
  active: number[];
  seasonality: number[];
}

function table(dir: string, file: string): Record<string, string>[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} has quotes: this reading would not do`).not.toContain('"');
  const [header, ...rows] = text.trim().split('\n').map((l) => l.split(','));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** active at the end of the day (YYYY-MM-DD), as docs/data.md says a client is read: by its dates, else by its status until a lost date; inbound accounts are not clients the simulation plays */
function activeOn(c: Record<string, string>, day: string): boolean {
  if (c.status === 'inbound') return false;
  const lost = c.lost_date !== undefined && c.lost_date !== '' && c.lost_date <= day;
  if (c.signed_date || c.activated_date) return !!c.activated_date && c.activated_date <= day && !lost;
  const status = c.status ?? '';
  return (status === '' || status === 'active' || (status === 'lost' && !!c.lost_date)) && !lost;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** the last (up to) twelve months of the dataset at `dir`, read from its CSV files */
function expected(dir: string, scenarioFile: string): Expected {
  const sales = table(dir, 'transactions.csv');
  const clients = table(dir, 'clients.csv');
  const months = [...sales.map((t) => t.date.slice(0, 7)), ...table(dir, 'activity.csv').map((a) => a.month)].sort();
  const [first, last] = [months[0], months[months.length - 1]];
  const all: string[] = [];
  for (let [y, m] = last.split('-').map(Number); all.length < 12; m === 1 ? ((m = 12), y--) : m--) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < first) break;
    all.unshift(month);
  }
  const sum = (month: string, value: (t: Record<string, string>) => number) => cents(sales.filter((t) => t.date.startsWith(month)).reduce((a, t) => a + value(t), 0));
  const factors: number[] = parse(readFileSync(join(ROOT, scenarioFile), 'utf8')).seasonality;
  return {
    months: all,
    revenue: all.map((m) => sum(m, (t) => Number(t.revenue))),
    gross_profit: all.map((m) => sum(m, (t) => (t.gross_profit !== undefined ? Number(t.gross_profit) : Number(t.revenue) - Number(t.cost)))),
    active: all.map((m) => clients.filter((c) => activeOn(c, `${m}-31`)).length),
    seasonality: all.map((m) => factors[Number(m.slice(5)) - 1]),
  };
}

const money = (x: number) => Math.round(x).toLocaleString('en-US');

/** a radio history of 15 months (more than the twelve shown), seed 7 */
const radioHistory = once(() => {
  const dir = join(mkdtempSync(join(tmpdir(), 'motiv-history-')), 'radio');
  return runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--out', dir, '--months', '15', '--seed', '7', '--quiet']).then((r) => {
    expect(r.code, r.stderr).toBe(0);
    return dir;
  });
});

const SIM = ['--runs', '4', '--months', '2', '--seed', '1', '--workers', '1', '--quiet'];

describe('a simulation from data shows the actual months it continues', () => {
  it("gives the data's last twelve months in JSON, as its CSV files say, and each simulated month's seasonality", async () => {
    const dir = await radioHistory();
    const r = await runCli(['simulate', 'schemes/radio-territory.yaml', '--data', dir, ...SIM, '--detail', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const want = expected(dir, 'scenarios/radio.yaml');
    expect(want.months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(doc.history.months).toEqual(want.months);
    want.revenue.forEach((x, t) => expect(doc.history.revenue[t], want.months[t]).toBeCloseTo(x, 2));
    want.gross_profit.forEach((x, t) => expect(doc.history.gross_profit[t], want.months[t]).toBeCloseTo(x, 2));
    expect(doc.history.active).toEqual(want.active);
    expect(doc.history.seasonality).toEqual(want.seasonality);
    // the simulation starts the month after, and says each month's factor
    expect(doc.start).toBe('2027-04');
    expect(doc.monthly.months).toEqual(['2027-04', '2027-05']);
    expect(doc.monthly.seasonality).toEqual([1.1, 1.1]);
  });

  it('gives the months a shorter dataset has, from its first (fixtures/freight: no status, cost instead of gross profit)', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', ...SIM, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const want = expected(join(ROOT, 'fixtures/freight'), 'scenarios/freight.yaml');
    expect(want.months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(doc.history.months).toEqual(want.months);
    want.revenue.forEach((x, t) => expect(doc.history.revenue[t]).toBeCloseTo(x, 2));
    want.gross_profit.forEach((x, t) => expect(doc.history.gross_profit[t]).toBeCloseTo(x, 2));
    expect(doc.history.active).toEqual(want.active);
    expect(doc.history.seasonality).toEqual(want.seasonality);
    // without --detail, no monthly series (and so no monthly seasonality)
    expect(doc.monthly).toBeUndefined();
  });

  it("says under the heading which actual month it continues and how the seasonality moves into the first simulated one, for simulate and compare alike", async () => {
    const dir = await radioHistory();
    const want = expected(dir, 'scenarios/radio.yaml');
    const n = want.months.length - 1;
    const [last, next] = [want.seasonality[n], 1.1];
    const lines = [
      `continues the data's last month, 2027-03 (actual): revenue ${money(want.revenue[n])}, ${want.active[n]} active clients at its end`,
      `seasonality ${last.toFixed(2)} in 2027-03, ${next.toFixed(2)} in 2027-04: 2027-03's revenue at 2027-04's seasonality would be ${money((want.revenue[n] * next) / last)}`,
    ];
    const sim = await runCli(['simulate', 'schemes/radio-territory.yaml', '--data', dir, ...SIM]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stdout.split('\n').slice(2, 4)).toEqual(lines);
    const compare = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--scenario', 'scenarios/radio.yaml', '--data', dir, ...SIM]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout.split('\n').slice(2, 4)).toEqual(lines);
    // and compare's JSON has the same history block as simulate's
    const json = async (args: string[]) => JSON.parse((await runCli([...args, '--format', 'json'])).stdout).history;
    expect(await json(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--scenario', 'scenarios/radio.yaml', '--data', dir, ...SIM])).toEqual(
      await json(['simulate', 'schemes/radio-territory.yaml', '--data', dir, ...SIM]),
    );
  });

  it('says so when the seasonality does not change, and shows no history without --data', async () => {
    // merged.yaml gives no seasonality: twelve factors of 1
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--scenario', 'scenarios/merged.yaml', ...SIM]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[3]).toBe('seasonality 1.00 in 2026-06 and in 2026-07 alike: no seasonal step between them');
    const plain = await runCli(['simulate', 'schemes/freight-lifetime.yaml', ...SIM, '--format', 'json']);
    expect(JSON.parse(plain.stdout).history).toBeUndefined();
    expect((await runCli(['simulate', 'schemes/freight-lifetime.yaml', ...SIM])).stdout).not.toContain('continues');
  });

  it('writes the actual months as CSV rows of section history before the monthly ones, every row as wide as the header', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', ...SIM, '--detail', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows.every((cells) => cells.length === rows[0].length)).toBe(true);
    const sections = [...new Set(rows.slice(1).map((cells) => cells[0]))];
    expect(sections).toEqual(['run', 'history', 'monthly', 'segment', 'rep', 'rep_monthly']);
    const want = expected(join(ROOT, 'fixtures/freight'), 'scenarios/freight.yaml');
    const history = rows.filter((cells) => cells[0] === 'history');
    expect(history.filter((cells) => cells[1] === 'revenue').map((cells) => [cells[2], Number(cells[4])])).toEqual(want.months.map((m, t) => [m, want.revenue[t]]));
    expect(history.filter((cells) => cells[1] === 'active').map((cells) => cells.slice(4).map(Number))).toEqual(want.active.map((a) => [a, a, a, a]));
    expect(rows.filter((cells) => cells[0] === 'monthly' && cells[1] === 'seasonality').map((cells) => [cells[2], Number(cells[4])])).toEqual([['2026-07', 0.95], ['2026-08', 0.9]]);
  });

  it('charts the actual months before the simulated ones: on the terminal under a ruler, in the HTML report shaded', async () => {
    const chart = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--runs', '4', '--months', '3', '--workers', '1'], { tty: true });
    expect(chart.code, chart.stderr).toBe(0);
    const text = chart.stdout.slice(chart.stdout.indexOf('monthly revenue'));
    expect(text).toContain('monthly revenue: actual (the data), then the median over runs');
    expect(text).toMatch(/2025-10 +2026-09/);
    expect(text).toMatch(/├─+ actual ─+┤├─+ simulated ─+┤/);
    const html = join(mkdtempSync(join(tmpdir(), 'motiv-history-html-')), 'report.html');
    const report = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', ...SIM, '--html', html]);
    expect(report.code, report.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    const open = '<script type="application/json" id="report-data">';
    const from = page.indexOf(open) + open.length;
    const data = JSON.parse(page.slice(from, page.indexOf('</script>', from)));
    const fan = data.charts.find((c: { kind: string }) => c.kind === 'fan-revenue');
    const want = expected(join(ROOT, 'fixtures/freight'), 'scenarios/freight.yaml');
    expect(fan.labels).toEqual([...want.months, '2026-07', '2026-08']);
    expect(fan.actualMonths).toBe(want.months.length);
    expect(fan.datasets[0].label).toBe('actual (the data)');
    expect(fan.datasets[0].data).toEqual([...want.revenue, null, null]);
    // every scheme's series starts after the actual months
    for (const d of fan.datasets.slice(1)) expect(d.data.slice(0, want.months.length).every((x: unknown) => x === null)).toBe(true);
    // the pay fan has no actual months: the data does not say what the scheme would have paid
    expect(data.charts.find((c: { kind: string }) => c.kind === 'fan-pay').labels).toEqual(['2026-07', '2026-08']);
    expect(page).toContain("continues the data&#39;s last month, 2026-06 (actual)");
  });
});
